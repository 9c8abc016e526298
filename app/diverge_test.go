package app

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

// TestDivergenceSaysWhatHappened trains as /?lr=100&activation=linear&autoplay=1&speed=50
// does, and checks that the divergence is said in words, that the weights
// that are back have a finite loss over the points, that the loss shown is
// theirs (not stale) and that the step counter names them.
func TestDivergenceSaysWhatHappened(t *testing.T) {
	s := DefaultSettings()
	s.Net.Activation = nn.Linear
	s.Train.StepSize = 100
	s.Speed = 50
	st, err := New(s, nn.NotebookData(), nil)
	if err != nil {
		t.Fatal(err)
	}
	withClock(st, 0) // 50 steps a frame, whatever the machine's load
	st.Play()
	var snap Snapshot
	for i := 0; i < 200 && st.Info().Running; i++ {
		st.Frame(&snap)
	}
	info := st.Info()
	if info.Running {
		t.Fatal("200 frames of 50 steps at the learning rate 100 did not diverge")
	}
	m := regexp.MustCompile(`^Training diverged at step (\d+): the learning rate 100 is too large for this network; the weights of step (\d+) are back\. `).FindStringSubmatch(info.Message)
	if m == nil {
		t.Fatalf("message %q does not say what happened", info.Message)
	}
	step, _ := strconv.Atoi(m[1])
	back, _ := strconv.Atoi(m[2])
	if back >= step || info.Steps != back {
		t.Errorf("diverged at %d, weights of %d back, Steps %d", step, back, info.Steps)
	}
	loss, acc, err := st.net.Evaluate(st.points)
	if err != nil || math.IsInf(loss, 0) || math.IsNaN(loss) {
		t.Fatalf("the weights that are back have the loss %v (%v)", loss, err)
	}
	if info.Loss != loss || info.Accuracy != acc {
		t.Errorf("loss shown %v, accuracy %v; the weights shown have %v, %v", info.Loss, info.Accuracy, loss, acc)
	}
	if h := st.history; len(h) == 0 || h[len(h)-1].Step != back || h[len(h)-1].Loss != loss {
		t.Errorf("history ends with %v, want the sample of step %d", h[len(h)-1:], back)
	}
}

// TestOverflowingWeightsAreDivergence opens the page's repro
// /?cost=crossentropy&activation=tanh&weights=1,1,1,1,1,1,0,0,0,1e308,1e308,1e308,0,0,0,0,0:
// the loss shown is not a stale number, the message says the output
// overflows, and playing diverges at step 1 and starts again from the seed
// with a finite loss.
func TestOverflowingWeightsAreDivergence(t *testing.T) {
	s := DefaultSettings()
	s.Net.Cost = nn.CrossEntropy
	s.Net.Activation = nn.Tanh
	hostile := nn.Params{
		{W: [][]float64{{1, 1}, {1, 1}, {1, 1}}, B: []float64{0, 0, 0}},
		{W: [][]float64{{1e308, 1e308, 1e308}, {0, 0, 0}}, B: []float64{0, 0}},
	}
	st, err := New(s, nn.NotebookData(), hostile)
	if err != nil {
		t.Fatal(err)
	}
	info := st.Info()
	if !math.IsInf(info.Loss, 1) || !strings.Contains(info.Message, "overflows") {
		t.Errorf("with overflowing weights: loss %v, message %q", info.Loss, info.Message)
	}
	st.Play()
	var snap Snapshot
	st.Frame(&snap)
	info = st.Info()
	if info.Running || !strings.HasPrefix(info.Message, "Training diverged at step 1: with these weights the network's output overflows") {
		t.Fatalf("after a frame: running %v, message %q", info.Running, info.Message)
	}
	if math.IsInf(info.Loss, 0) || math.IsNaN(info.Loss) || info.Steps != 0 {
		t.Errorf("after starting again: loss %v, steps %d", info.Loss, info.Steps)
	}
}
