package app

import (
	"testing"

	"github.com/nnviz/nnviz/nn"
)

// TestMeasureAcrossFramesIsExact checks that a loss measured a slice per frame, while training
// goes on, is exactly the loss of the weights at the step it is recorded for.
func TestMeasureAcrossFramesIsExact(t *testing.T) {
	s := deepSettings()
	pts, err := nn.Dataset("circle", 1000, 0.1, 1)
	if err != nil {
		t.Fatal(err)
	}
	st, err := New(s, pts, nil)
	if err != nil {
		t.Fatal(err)
	}
	st.Play()
	var snap Snapshot
	st.Frame(&snap)
	atStep1 := st.Weights()
	frames := 1
	for ; frames < 100 && snap.History[len(snap.History)-1].Step != 1; frames++ {
		st.Frame(&snap)
	}
	if frames < 2 {
		t.Fatalf("a 1,000-point deep network was measured in %d frame; the budget should spread it", frames)
	}
	got := snap.History[len(snap.History)-1]
	if got.Step != 1 {
		t.Fatalf("no sample for step 1 after %d frames: %v", frames, snap.History)
	}
	ref, err := nn.New(s.Net)
	if err != nil {
		t.Fatal(err)
	}
	if err := ref.SetParams(atStep1); err != nil {
		t.Fatal(err)
	}
	loss, acc, err := ref.Evaluate(pts)
	if err != nil {
		t.Fatal(err)
	}
	if d := got.Loss - loss; d > 1e-12 || d < -1e-12 || got.Accuracy != acc {
		t.Errorf("measured over %d frames: loss %v acc %v; the weights of step 1 give %v %v", frames, got.Loss, got.Accuracy, loss, acc)
	}
	st.Pause()
	if info := st.Info(); info.Steps != frames {
		t.Errorf("steps = %d after %d frames at speed 1", info.Steps, frames)
	}
}
