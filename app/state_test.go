package app

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

func newNotebook(t *testing.T) *State {
	t.Helper()
	st, err := New(DefaultSettings(), nn.NotebookData(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestNewIsTheNotebook(t *testing.T) {
	st := newNotebook(t)
	info := st.Info()
	if !slices.Equal(info.Layers, []int{2, 3, 2}) || info.Activation != "sigmoid" || info.Cost != "quadratic" {
		t.Errorf("network = %v %s %s, want the notebook's 2-3-2 sigmoid quadratic", info.Layers, info.Activation, info.Cost)
	}
	if info.LearningRate != 0.1 || info.Mode != "online" {
		t.Errorf("training = %g %s, want the notebook's step_size 0.1, online", info.LearningRate, info.Mode)
	}
	if len(info.Points) != 10 || info.Points[0] != (nn.Point{X: 1.2, Y: 0.7, Label: 1}) {
		t.Errorf("points = %v, want the notebook's ten, starting at [1.2, 0.7] label 1", info.Points)
	}
	if info.Steps != 0 || info.Running || info.Selected != -1 {
		t.Errorf("fresh state: steps %d running %v selected %d", info.Steps, info.Running, info.Selected)
	}
	if info.Loss <= 0 || math.IsNaN(info.Loss) {
		t.Errorf("loss = %v, want the initial network's positive loss", info.Loss)
	}
}

func TestNewRejectsBadInput(t *testing.T) {
	bad := DefaultSettings()
	bad.Speed = 0
	if _, err := New(bad, nil, nil); err == nil || !strings.Contains(err.Error(), "speed") {
		t.Errorf("speed 0: err = %v, want one naming speed", err)
	}
	if _, err := New(DefaultSettings(), []nn.Point{{X: math.NaN(), Y: 0, Label: 1}}, nil); err == nil {
		t.Error("NaN point accepted")
	}
	short := nn.Params{{W: [][]float64{{1, 2}}, B: []float64{0}}}
	if _, err := New(DefaultSettings(), nil, short); err == nil || !strings.Contains(err.Error(), "weights") {
		t.Errorf("wrong weights: err = %v, want one naming weights", err)
	}
}

func TestStepCountsAndImproves(t *testing.T) {
	st := newNotebook(t)
	before := st.Info().Loss
	if err := st.Step(200); err != nil {
		t.Fatal(err)
	}
	info := st.Info()
	if info.Steps != 200 {
		t.Errorf("steps = %d, want 200", info.Steps)
	}
	if info.Epoch != 20 {
		t.Errorf("epoch = %d, want 20 after 200 online steps over 10 points", info.Epoch)
	}
	if !(info.Loss < before) {
		t.Errorf("loss %v after 200 steps is not below %v", info.Loss, before)
	}
	for _, n := range []int{0, -1, MaxStepsPerCall + 1} {
		if err := st.Step(n); err == nil {
			t.Errorf("Step(%d) accepted", n)
		}
	}
	if st.Info().Steps != 200 {
		t.Error("a rejected Step changed the step count")
	}
}

func TestFrameTrainsOnlyWhilePlaying(t *testing.T) {
	st := newNotebook(t)
	withClock(st, 0) // steps cost nothing: the speed alone bounds a frame
	var snap Snapshot
	st.Frame(&snap)
	if snap.Steps != 0 {
		t.Fatalf("paused frame trained: steps = %d", snap.Steps)
	}
	s := st.Settings()
	s.Speed = 3
	if err := st.Configure(s); err != nil {
		t.Fatal(err)
	}
	st.Play()
	st.Frame(&snap)
	st.Frame(&snap)
	if snap.Steps != 6 || !snap.Running {
		t.Errorf("two frames at speed 3: steps = %d running = %v, want 6 true", snap.Steps, snap.Running)
	}
	if len(snap.History) != 3 || snap.History[2].Step != 6 {
		t.Errorf("history = %v, want samples at steps 0, 3, 6", snap.History)
	}
	if got, want := snap.Net.Params(), st.Weights(); !sameParams(got, want) {
		t.Error("snapshot's network differs from the state's")
	}
	st.Pause()
	st.Frame(&snap)
	if snap.Steps != 6 || snap.Running {
		t.Errorf("after pause: steps = %d running = %v", snap.Steps, snap.Running)
	}
}

func TestFrameAllocatesNothingInSteadyState(t *testing.T) {
	st := newNotebook(t)
	st.Play()
	var snap Snapshot
	for i := 0; i < historyCap*2; i++ { // grow every buffer to its steady size
		st.Frame(&snap)
	}
	if n := testing.AllocsPerRun(100, func() { st.Frame(&snap) }); n != 0 {
		t.Errorf("Frame allocates %v times per call, want 0", n)
	}
}

func sameParams(a, b nn.Params) bool {
	if len(a) != len(b) {
		return false
	}
	for l := range a {
		if !slices.Equal(a[l].B, b[l].B) || len(a[l].W) != len(b[l].W) {
			return false
		}
		for r := range a[l].W {
			if !slices.Equal(a[l].W[r], b[l].W[r]) {
				return false
			}
		}
	}
	return true
}

func TestResetReplaysTheSameRun(t *testing.T) {
	st := newNotebook(t)
	w0 := st.Weights()
	if err := st.Step(37); err != nil {
		t.Fatal(err)
	}
	w37 := st.Weights()
	if err := st.Reset(); err != nil {
		t.Fatal(err)
	}
	if !sameParams(st.Weights(), w0) || st.Info().Steps != 0 {
		t.Fatal("reset did not return to the initial weights and step 0")
	}
	if err := st.Step(37); err != nil {
		t.Fatal(err)
	}
	if !sameParams(st.Weights(), w37) {
		t.Error("replaying 37 steps after reset gave different weights")
	}
	if err := st.ResetSeed(99); err != nil {
		t.Fatal(err)
	}
	if sameParams(st.Weights(), w0) || st.Info().Seed != 99 {
		t.Error("a new seed gave the same weights")
	}
}

func TestPinnedWeightsSurviveReset(t *testing.T) {
	st, err := New(DefaultSettings(), nn.NotebookData(), nn.NotebookParams())
	if err != nil {
		t.Fatal(err)
	}
	if !sameParams(st.Weights(), nn.NotebookParams()) {
		t.Fatal("initial weights were not applied")
	}
	if err := st.Step(5); err != nil {
		t.Fatal(err)
	}
	if err := st.Reset(); err != nil {
		t.Fatal(err)
	}
	if !sameParams(st.Weights(), nn.NotebookParams()) {
		t.Error("reset did not return to the pinned notebook weights")
	}
}

func TestConfigure(t *testing.T) {
	st := newNotebook(t)
	w := st.Weights()
	s := st.Settings()
	s.Train.StepSize = 0.5
	if err := st.Configure(s); err != nil {
		t.Fatal(err)
	}
	if !sameParams(st.Weights(), w) || st.Info().LearningRate != 0.5 {
		t.Error("changing the learning rate should keep the weights and set the rate")
	}
	s.Net.Layers = []int{2, 4, 4, 2}
	if err := st.Configure(s); err != nil {
		t.Fatal(err)
	}
	if got := st.Weights(); len(got) != 3 || len(got[0].W) != 4 {
		t.Errorf("after reshaping to 2-4-4-2 the weights have %d layers", len(got))
	}
	bad := st.Settings()
	bad.Net.Layers = []int{2, 99, 2}
	if err := st.Configure(bad); err == nil {
		t.Error("a 99-neuron layer was accepted")
	}
	if info := st.Info(); !slices.Equal(info.Layers, []int{2, 4, 4, 2}) {
		t.Errorf("a rejected configuration changed the shape to %v", info.Layers)
	}
}

func TestDivergencePausesAndKeepsFiniteWeights(t *testing.T) {
	s := DefaultSettings()
	s.Net.Activation = nn.Linear
	s.Net.Layers = []int{2, 8, 8, 2}
	s.Train.StepSize = 100
	st, err := New(s, []nn.Point{{X: 500, Y: -400, Label: 1}, {X: -300, Y: 700, Label: -1}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	st.Play()
	err = st.Step(1000)
	if err == nil {
		t.Fatal("a linear network at step size 100 on far points did not diverge")
	}
	info := st.Info()
	if info.Running || info.Message == "" {
		t.Errorf("after divergence: running = %v, message = %q", info.Running, info.Message)
	}
	for _, lp := range st.Weights() {
		for _, row := range lp.W {
			for _, w := range row {
				if math.IsNaN(w) || math.IsInf(w, 0) {
					t.Fatal("divergence left a non-finite weight")
				}
			}
		}
	}
	if err := st.Reset(); err != nil || st.Info().Message != "" {
		t.Errorf("reset after divergence: err %v, message %q", err, st.Info().Message)
	}
}

func TestEmptyPlaneDoesNotTrain(t *testing.T) {
	st, err := New(DefaultSettings(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Step(1); err == nil || !strings.Contains(err.Error(), "no points") {
		t.Errorf("Step on an empty plane: err = %v", err)
	}
	st.Play()
	if st.Info().Running {
		t.Error("Play on an empty plane started training")
	}
	if _, err := st.AddPoint(1, 1, 1); err != nil {
		t.Fatal(err)
	}
	if err := st.Step(1); err != nil {
		t.Errorf("after adding a point: %v", err)
	}
}

func TestEvents(t *testing.T) {
	st := newNotebook(t)
	var got []Event
	st.On(func(e Event) { got = append(got, e) })
	if _, err := st.AddPoint(0, 0, 1); err != nil {
		t.Fatal(err)
	}
	if err := st.Step(1); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(got, EventPoints) || !slices.Contains(got, EventStep) {
		t.Errorf("events = %v, want points and step", got)
	}
}

func TestTraceLeavesTheNetwork(t *testing.T) {
	st, err := New(DefaultSettings(), nn.NotebookData(), nn.NotebookParams())
	if err != nil {
		t.Fatal(err)
	}
	tr, err := st.Trace(0)
	if err != nil {
		t.Fatal(err)
	}
	if a3 := tr.Get("a_3"); a3 == nil || math.Abs(a3.At(0, 0)-0.542) > 0.002 || math.Abs(a3.At(1, 0)-0.893) > 0.002 {
		t.Errorf("a_3 of the notebook's first point = %v, want 0.542, 0.893 (notebook In [14])", a3)
	}
	if !sameParams(st.Weights(), nn.NotebookParams()) {
		t.Error("Trace changed the weights")
	}
	if _, err := st.Trace(10); err == nil {
		t.Error("Trace(10) of ten points accepted")
	}
}
