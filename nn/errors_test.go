package nn

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// TestBadInputErrors checks that each kind of bad input returns an error
// that names the problem.
func TestBadInputErrors(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	good := func() *Network { return notebookNetwork(t) }
	wrongW := NotebookParams()
	wrongW[1].W = [][]float64{{1, 2}, {3, 4}}
	ragged := NotebookParams()
	ragged[0].W[2] = []float64{1}
	nanW := NotebookParams()
	nanW[0].W[1][0] = nan
	infB := NotebookParams()
	infB[1].B[1] = inf
	shortB := NotebookParams()
	shortB[0].B = shortB[0].B[:2]

	tests := []struct {
		name string
		err  func() error
		want []string
	}{
		{"no layers", func() error { _, err := New(Config{}); return err }, []string{"0 layers", "2 to 10"}},
		{"too many hidden", func() error {
			_, err := New(Config{Layers: []int{2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2}})
			return err
		}, []string{"11 layers", "0 to 8 hidden"}},
		{"input 3", func() error { _, err := New(Config{Layers: []int{3, 3, 2}}); return err }, []string{"layer 1", "3 neurons", "want 2"}},
		{"output 1", func() error { _, err := New(Config{Layers: []int{2, 3, 1}}); return err }, []string{"layer 3", "output", "want 2"}},
		{"hidden 17", func() error { _, err := New(Config{Layers: []int{2, 4, 17, 2}}); return err }, []string{"layer 3", "17 neurons", "1 to 16"}},
		{"hidden 0", func() error { _, err := New(Config{Layers: []int{2, 0, 2}}); return err }, []string{"layer 2", "0 neurons"}},
		{"activation", func() error { _, err := New(Config{Layers: []int{2, 2}, Activation: 9}); return err }, []string{"activation 9", `"relu"`}},
		{"cost", func() error { _, err := New(Config{Layers: []int{2, 2}, Cost: -1}); return err }, []string{"cost -1", `"quadratic"`}},
		{"params count", func() error { return good().SetParams(NotebookParams()[:1]) }, []string{"1 layers", "want 2"}},
		{"w shape", func() error { return good().SetParams(wrongW) }, []string{"w_3 is 2x2, want 2x3"}},
		{"ragged w", func() error { return good().SetParams(ragged) }, []string{"w_2 is 3x1, want 3x2", "row 3"}},
		{"NaN weight", func() error { return good().SetParams(nanW) }, []string{"w_2[2,1]", "NaN"}},
		{"Inf bias", func() error { return good().SetParams(infB) }, []string{"b_3[2]", "+Inf"}},
		{"short bias", func() error { return good().SetParams(shortB) }, []string{"b_2 is 2x1, want 3x1"}},
		{"label", func() error { _, err := ConvertLabel(0); return err }, []string{"label 0", "-1 or 1"}},
		{"NaN x", func() error { return CheckPoints([]Point{{X: 0, Y: 0, Label: 1}, {X: nan, Y: 0, Label: 1}}) }, []string{"point 1", "x is NaN"}},
		{"Inf y", func() error { return CheckPoints([]Point{{X: 0, Y: inf, Label: 1}}) }, []string{"point 0", "y is +Inf"}},
		{"far x", func() error { return CheckPoints([]Point{{X: -2e6, Y: 0, Label: 1}}) }, []string{"point 0", "x is -2e+06", "outside"}},
		{"bad label", func() error {
			return CheckPoints([]Point{{X: 0, Y: 0, Label: 1}, {X: 0, Y: 0, Label: 1}, {X: 0, Y: 0, Label: 2}})
		}, []string{"point 2", "label is 2"}},
		{"evaluate empty", func() error { _, _, err := good().Evaluate(nil); return err }, []string{"no data"}},
		{"evaluate NaN", func() error { _, _, err := good().Evaluate([]Point{{X: nan, Y: 0, Label: 1}}); return err }, []string{"x is NaN"}},
		{"trace label", func() error { _, err := good().Trace(Point{X: 0, Y: 0, Label: 0}, 0.1); return err }, []string{"label is 0"}},
		{"trace step 0", func() error { _, err := good().Trace(Point{X: 0, Y: 0, Label: 1}, 0); return err }, []string{"step size is 0"}},
		{"trace step NaN", func() error { _, err := good().Trace(Point{X: 0, Y: 0, Label: 1}, nan); return err }, []string{"step size is NaN"}},
		{"step -1", func() error { return TrainConfig{StepSize: -1}.Validate() }, []string{"step size is -1", "above 0 and at most 100"}},
		{"step Inf", func() error { return TrainConfig{StepSize: inf}.Validate() }, []string{"step size is +Inf"}},
		{"batch 0", func() error { return TrainConfig{StepSize: 1, Mode: MiniBatch}.Validate() }, []string{"batch size is 0"}},
		{"mode", func() error { return TrainConfig{StepSize: 1, Mode: 7}.Validate() }, []string{"mode 7", `"minibatch"`}},
		{"reg rate", func() error { return TrainConfig{StepSize: 1, Reg: L2, RegRate: -0.1}.Validate() }, []string{"regularization rate is -0.1"}},
		{"reg rate NaN", func() error { return TrainConfig{StepSize: 1, Reg: L1, RegRate: nan}.Validate() }, []string{"regularization rate is NaN"}},
		{"reg kind", func() error { return TrainConfig{StepSize: 1, Reg: 3}.Validate() }, []string{"regularization 3", `"l1"`}},
		{"reg name", func() error { _, err := ParseRegularization("l3"); return err }, []string{`"l3"`, `"none", "l1", "l2"`}},
		{"trace reg rate", func() error {
			_, err := good().TraceStep(Point{X: 0, Y: 0, Label: 1}, TrainConfig{StepSize: 0.1, Reg: L1, RegRate: 20})
			return err
		}, []string{"regularization rate is 20"}},
		{"step above the limit", func() error { return TrainConfig{StepSize: 1000}.Validate() }, []string{"step size is 1000", "at most 100"}},
		{"batch above the limit", func() error { return TrainConfig{StepSize: 1, Batch: 5000}.Validate() }, []string{"batch size is 5000", "1 to 2000"}},
		{"reg rate above the limit", func() error { return TrainConfig{StepSize: 1, RegRate: 11}.Validate() }, []string{"regularization rate is 11", "0 to 10"}},
		{"trainer nil", func() error { _, err := NewTrainer(nil, DefaultTrainConfig()); return err }, []string{"nil network"}},
		{"trainer config", func() error { _, err := NewTrainer(good(), TrainConfig{}); return err }, []string{"step size is 0"}},
		{"set data empty", func() error { tr, _ := NewTrainer(good(), DefaultTrainConfig()); return tr.SetData(nil) }, []string{"no data"}},
		{"set data bad", func() error {
			tr, _ := NewTrainer(good(), DefaultTrainConfig())
			return tr.SetData([]Point{{X: 0, Y: 0, Label: 1}, {X: 0, Y: 0, Label: -2}})
		}, []string{"point 1", "label is -2"}},
		{"step no data", func() error { tr, _ := NewTrainer(good(), DefaultTrainConfig()); return tr.Step() }, []string{"without data"}},
		{"set config", func() error {
			tr, _ := NewTrainer(good(), DefaultTrainConfig())
			return tr.SetConfig(TrainConfig{StepSize: 0.1, Mode: MiniBatch, Batch: -3})
		}, []string{"batch size is -3"}},
		{"grid size", func() error { return good().ProbGrid([]float64{0, 1}, []float64{0, 1, 2}, make([]float64, 5)) }, []string{"5 cells, want 6"}},
		{"grid NaN", func() error { return good().ProbGrid([]float64{0, nan}, []float64{0}, make([]float64, 2)) }, []string{"xs[1]", "NaN"}},
		{"grid Inf y", func() error { return good().ProbGrid([]float64{0}, []float64{inf}, make([]float64, 1)) }, []string{"ys[0]", "+Inf"}},
		{"neuron layer", func() error { return good().NeuronGrid(4, 0, []float64{0}, []float64{0}, make([]float64, 1)) }, []string{"layer 4", "1 to 3"}},
		{"neuron index", func() error { return good().NeuronGrid(2, 3, []float64{0}, []float64{0}, make([]float64, 1)) }, []string{"neuron 3 of layer 2", "0 to 2"}},
		{"copy shape", func() error {
			other, _ := New(Config{Layers: []int{2, 4, 2}})
			return good().CopyFrom(other)
		}, []string{"2-4-2", "2-3-2"}},
		{"copy nil", func() error { return good().CopyFrom(nil) }, []string{"nil"}},
		{"dataset name", func() error { _, err := Dataset("moons", 10, 0, 1); return err }, []string{`"moons"`, `"circle"`, `"spiral"`}},
		{"dataset n", func() error { _, err := Dataset("circle", 0, 0, 1); return err }, []string{"0 points"}},
		{"dataset noise", func() error { _, err := Dataset("xor", 10, -1, 1); return err }, []string{"noise is -1"}},
	}
	for _, tc := range tests {
		err := tc.err()
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		for _, w := range tc.want {
			if !contains(err.Error(), w) {
				t.Errorf("%s: error %q does not mention %q", tc.name, err, w)
			}
		}
	}
}

// TestSetParamsAtomic checks that a rejected SetParams changes nothing,
// even when the bad matrix comes after good ones.
func TestSetParamsAtomic(t *testing.T) {
	n := notebookNetwork(t)
	before := n.Params()
	p := NotebookParams()
	p[0].W[0][0] = 100 // a valid change that must not be applied
	p[1].B[0] = math.NaN()
	if err := n.SetParams(p); err == nil {
		t.Fatal("SetParams accepted a NaN bias")
	}
	if !paramsEqual(n.Params(), before) {
		t.Error("a rejected SetParams changed the weights")
	}
}

// TestDivergenceRestores drives a linear network to overflow with a huge
// step and checks that Step reports ErrDiverged, names the matrix, and
// leaves the weights and counters as they were.
func TestDivergenceRestores(t *testing.T) {
	for _, mode := range []Mode{Online, MiniBatch, FullBatch} {
		n, err := New(Config{Layers: []int{2, 4, 2}, Activation: Linear, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		tr, err := NewTrainer(n, TrainConfig{StepSize: 1, Mode: mode, Batch: 3, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		tr.cfg.StepSize = 1e300 // beyond MaxStepSize, to overflow in one step
		if err := tr.SetData([]Point{{X: 1e5, Y: -1e5, Label: 1}, {X: 3e5, Y: 2e5, Label: -1}, {X: -4e5, Y: 1e5, Label: 1}, {X: 5, Y: 5, Label: -1}}); err != nil {
			t.Fatal(err)
		}
		before := n.Params()
		err = tr.Step()
		if !errors.Is(err, ErrDiverged) {
			t.Fatalf("%v: Step = %v, want ErrDiverged", mode, err)
		}
		if !contains(err.Error(), "w_") && !contains(err.Error(), "b_") {
			t.Errorf("%v: error %q names no matrix", mode, err)
		}
		if !paramsEqual(n.Params(), before) {
			t.Errorf("%v: weights changed by a divergent step", mode)
		}
		if tr.Steps() != 0 || tr.Epoch() != 0 {
			t.Errorf("%v: counters %d steps, %d epochs after a divergent step", mode, tr.Steps(), tr.Epoch())
		}
		// The trainer stays usable: a sane step size trains again.
		if err := tr.SetConfig(TrainConfig{StepSize: 1e-12, Mode: mode, Batch: 3, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		if err := tr.Step(); err != nil {
			t.Errorf("%v: step after recovery: %v", mode, err)
		}
	}
}

// TestEvaluateOverflow checks that an output too large to square is an
// error, not a NaN or Inf loss.
func TestEvaluateOverflow(t *testing.T) {
	n, err := New(Config{Layers: []int{2, 2}, Activation: Linear})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.SetParams(Params{{W: [][]float64{{1e300, 1e300}, {0, 0}}, B: []float64{0, 0}}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := n.Evaluate([]Point{{X: 1, Y: 1, Label: 1}, {X: 1e6, Y: 1e6, Label: -1}}); err == nil || !contains(err.Error(), "point 0") {
		t.Errorf("Evaluate of an overflowing network: %v, want an error naming point 0", err)
	}
}
