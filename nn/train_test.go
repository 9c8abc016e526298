package nn

import (
	"math"
	"slices"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// allConfigs are network configurations covering every activation, cost
// and a range of shapes.
func allConfigs() []Config {
	var cfgs []Config
	shapes := [][]int{{2, 2}, {2, 3, 2}, {2, 5, 4, 2}, {2, 16, 2}, {2, 12, 13, 2}, {2, 3, 3, 3, 3, 3, 3, 3, 3, 2}}
	for si, s := range shapes {
		for _, a := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
			for _, c := range []Cost{Quadratic, CrossEntropy} {
				cfgs = append(cfgs, Config{Layers: s, Activation: a, Cost: c, Seed: uint64(7 + si)})
			}
		}
	}
	return cfgs
}

// TestForwardMatchesReference checks Forward and Prob against the gonum reference.
func TestForwardMatchesReference(t *testing.T) {
	pts := []Point{{X: 1.2, Y: 0.7, Label: 1}, {X: -3, Y: 2.5, Label: -1}, {X: 0, Y: 0, Label: 1}, {X: 5.5, Y: -6, Label: -1}}
	for _, cfg := range allConfigs() {
		n, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pts {
			_, as := refForward(n, p.X, p.Y)
			acts := n.Forward(p.X, p.Y)
			if len(acts) != n.L() {
				t.Fatalf("%v: Forward gave %d layers, want %d", cfg.Layers, len(acts), n.L())
			}
			for l := 1; l <= n.L(); l++ {
				if got := mat.NewDense(len(acts[l-1]), 1, acts[l-1]); !mat.EqualApprox(got, as[l], 1e-12) {
					t.Errorf("%v %v %v at %v: a_%d = %v, want %v", cfg.Layers, cfg.Activation, cfg.Cost, p, l, acts[l-1], mat.Formatted(as[l]))
				}
			}
		}
	}
}

// TestTraceMatchesReference checks the trace's gradients and updated
// weights against the reference backward pass, for every configuration.
func TestTraceMatchesReference(t *testing.T) {
	p := Point{X: 0.8, Y: -1.3, Label: 1}
	for _, cfg := range allConfigs() {
		n, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := n.Trace(p, 0.05)
		if err != nil {
			t.Fatal(err)
		}
		dw, db := refGrad(n, p)
		if got, want := tr.Get("C_x").At(0, 0), refCost(n, p); !close(got, want, 1e-12) {
			t.Errorf("%v %v %v: C_x = %v, want %v", cfg.Layers, cfg.Activation, cfg.Cost, got, want)
		}
		for l := 2; l <= n.L(); l++ {
			if got := tr.Get("dw_" + strconv.Itoa(l)); !mat.EqualApprox(got, dw[l], 1e-12) {
				t.Errorf("%v %v %v: dw_%d = %v, want %v", cfg.Layers, cfg.Activation, cfg.Cost, l, mat.Formatted(got), mat.Formatted(dw[l]))
			}
			if got := tr.Get("db_" + strconv.Itoa(l)); !mat.EqualApprox(got, db[l], 1e-12) {
				t.Errorf("%v %v %v: db_%d = %v, want %v", cfg.Layers, cfg.Activation, cfg.Cost, l, mat.Formatted(got), mat.Formatted(db[l]))
			}
			var want mat.Dense
			want.Scale(-0.05, dw[l])
			want.Add(n.W(l), &want)
			if got := tr.Get("w_" + strconv.Itoa(l) + "_new"); !mat.EqualApprox(got, &want, 1e-12) {
				t.Errorf("%v: w_%d_new = %v, want %v", cfg.Layers, l, mat.Formatted(got), mat.Formatted(&want))
			}
		}
	}
}

// close reports whether a and b agree to tol, relative to their size when it exceeds 1.
func close(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*max(1, math.Abs(a), math.Abs(b))
}

// TestStepModes checks one step of each mode against the reference
// gradient: online on a single point, mini-batch covering all points (the
// average does not depend on the order), and full batch with an L2 term.
func TestStepModes(t *testing.T) {
	pts := NotebookData()
	many, err := Dataset("spiral", 150, 0.1, 2)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		cfg  TrainConfig
		data []Point
	}{
		{"online", TrainConfig{StepSize: 0.3, Mode: Online, Seed: 4}, pts[:1]},
		{"online L2", TrainConfig{StepSize: 0.3, Mode: Online, Reg: L2, RegRate: 0.01, Seed: 4}, pts[3:4]},
		{"online L1", TrainConfig{StepSize: 0.3, Mode: Online, Reg: L1, RegRate: 0.03, Seed: 4}, pts[3:4]},
		{"minibatch of all", TrainConfig{StepSize: 0.2, Mode: MiniBatch, Batch: 10, Seed: 4}, pts},
		{"minibatch larger than data", TrainConfig{StepSize: 0.2, Mode: MiniBatch, Batch: 50, Seed: 4}, pts},
		{"batch L2", TrainConfig{StepSize: 0.1, Mode: FullBatch, Reg: L2, RegRate: 0.05, Seed: 4}, pts},
		{"batch L1", TrainConfig{StepSize: 0.1, Mode: FullBatch, Reg: L1, RegRate: 0.3, Seed: 4}, pts},
		{"batch of 150 (three panels)", TrainConfig{StepSize: 0.1, Mode: FullBatch, Seed: 4}, many},
	}
	for _, tc := range tests {
		for _, cfg := range []Config{
			{Layers: []int{2, 4, 3, 2}, Activation: Tanh, Seed: 3},
			{Layers: []int{2, 3, 2}, Cost: CrossEntropy, Seed: 5},
			{Layers: []int{2, 9, 8, 2}, Activation: ReLU, Seed: 6},
		} {
			n, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			L := n.L()
			want := make([]*mat.Dense, L+1)
			wantB := make([]*mat.Dense, L+1)
			for l := 2; l <= L; l++ {
				want[l], wantB[l] = mat.NewDense(n.cfg.Layers[l-1], n.cfg.Layers[l-2], nil), mat.NewDense(n.cfg.Layers[l-1], 1, nil)
			}
			for _, p := range tc.data {
				dw, db := refGrad(n, p)
				for l := 2; l <= L; l++ {
					want[l].Add(want[l], dw[l])
					wantB[l].Add(wantB[l], db[l])
				}
			}
			m := float64(len(tc.data))
			for l := 2; l <= L; l++ {
				// w - eta*(mean dw + L2 w), or under L1 w - eta*mean dw then
				// - eta*L1*sign(w), stopping at 0; b - eta*mean db.
				var g mat.Dense
				g.Scale(1/m, want[l])
				if tc.cfg.Reg == L2 {
					var reg mat.Dense
					reg.Scale(tc.cfg.RegRate, n.W(l))
					g.Add(&g, &reg)
				}
				g.Scale(-tc.cfg.StepSize, &g)
				want[l].Add(n.W(l), &g)
				if tc.cfg.Reg == L1 {
					want[l].Apply(func(i, j int, v float64) float64 {
						w := n.W(l).At(i, j)
						u := v - tc.cfg.StepSize*tc.cfg.RegRate*math.Copysign(1, w)
						if (u < 0) != (v < 0) {
							return 0
						}
						return u
					}, want[l])
				}
				wantB[l].Scale(-tc.cfg.StepSize/m, wantB[l])
				wantB[l].Add(n.B(l), wantB[l])
			}
			tr, err := NewTrainer(n, tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if err := tr.SetData(tc.data); err != nil {
				t.Fatal(err)
			}
			if err := tr.Step(); err != nil {
				t.Fatal(err)
			}
			for l := 2; l <= L; l++ {
				if !mat.EqualApprox(n.W(l), want[l], 1e-12) || !mat.EqualApprox(n.B(l), wantB[l], 1e-12) {
					t.Errorf("%s %v: after one step w_%d = %v b = %v, want %v %v", tc.name, cfg.Layers, l,
						mat.Formatted(n.W(l)), mat.Formatted(n.B(l)), mat.Formatted(want[l]), mat.Formatted(wantB[l]))
				}
			}
			if tr.Steps() != 1 {
				t.Errorf("%s: Steps() = %d after one step", tc.name, tr.Steps())
			}
		}
	}
}

// TestEpochOrder checks that each epoch visits every point once, that
// epochs are shuffled differently, and that the counters add up.
func TestEpochOrder(t *testing.T) {
	n := notebookNetwork(t)
	tr, err := NewTrainer(n, TrainConfig{StepSize: 0.1, Mode: Online, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.SetData(NotebookData()); err != nil {
		t.Fatal(err)
	}
	var orders [][]int
	for e := 0; e < 3; e++ {
		orders = append(orders, slices.Clone(tr.order))
		sorted := slices.Sorted(slices.Values(tr.order))
		for i, v := range sorted {
			if v != i {
				t.Fatalf("epoch %d order %v is not a permutation of 0..9", e, tr.order)
			}
		}
		for range 10 {
			if err := tr.Step(); err != nil {
				t.Fatal(err)
			}
		}
		if tr.Epoch() != e+1 || tr.Steps() != 10*(e+1) {
			t.Errorf("after %d steps: Epoch %d, Steps %d", 10*(e+1), tr.Epoch(), tr.Steps())
		}
	}
	if slices.Equal(orders[0], orders[1]) && slices.Equal(orders[1], orders[2]) {
		t.Errorf("three epochs in the same order %v", orders[0])
	}
	if slices.Equal(orders[0], []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
		t.Errorf("first epoch not shuffled")
	}

	// Mini-batches of 4 over 10 points: 4, 4, then the short batch of 2 ends the epoch.
	tr2, _ := NewTrainer(notebookNetwork(t), TrainConfig{StepSize: 0.1, Mode: MiniBatch, Batch: 4, Seed: 9})
	tr2.SetData(NotebookData())
	for i, want := range []int{0, 0, 1, 1} {
		if err := tr2.Step(); err != nil {
			t.Fatal(err)
		}
		if tr2.Epoch() != want {
			t.Errorf("mini-batch step %d: Epoch %d, want %d", i+1, tr2.Epoch(), want)
		}
	}
	// Full batch: every step is an epoch.
	tr3, _ := NewTrainer(notebookNetwork(t), TrainConfig{StepSize: 0.1, Mode: FullBatch, Seed: 9})
	tr3.SetData(NotebookData())
	tr3.Step()
	tr3.Step()
	if tr3.Epoch() != 2 || tr3.Steps() != 2 {
		t.Errorf("full batch after 2 steps: Epoch %d Steps %d", tr3.Epoch(), tr3.Steps())
	}
}

// TestTrainingDeterministic checks that the same seeds give the same
// weights, and that Reset replays the same order.
func TestTrainingDeterministic(t *testing.T) {
	data, err := Dataset("xor", 60, 0.2, 5)
	if err != nil {
		t.Fatal(err)
	}
	run := func(reset bool) Params {
		n, _ := New(Config{Layers: []int{2, 6, 2}, Activation: Tanh, Seed: 11})
		tr, _ := NewTrainer(n, TrainConfig{StepSize: 0.05, Mode: MiniBatch, Batch: 7, Seed: 12})
		tr.SetData(data)
		if reset {
			for range 13 {
				tr.Step()
			}
			n.Reinit(11)
			tr.Reset()
			if tr.Steps() != 0 || tr.Epoch() != 0 {
				t.Errorf("after Reset: Steps %d Epoch %d", tr.Steps(), tr.Epoch())
			}
		}
		for range 100 {
			if err := tr.Step(); err != nil {
				t.Fatal(err)
			}
		}
		return n.Params()
	}
	a, b, c := run(false), run(false), run(true)
	if !paramsEqual(a, b) {
		t.Error("two runs with the same seeds differ")
	}
	if !paramsEqual(a, c) {
		t.Error("a run after Reset and Reinit differs from a fresh one")
	}
}

// TestTrainerConfigLive checks SetConfig: a new step size applies from the
// next step, and a bad config is rejected without change.
func TestTrainerConfigLive(t *testing.T) {
	n := notebookNetwork(t)
	tr, _ := NewTrainer(n, DefaultTrainConfig())
	tr.SetData(NotebookData()[:1])
	if err := tr.SetConfig(TrainConfig{StepSize: 0}); err == nil {
		t.Error("SetConfig accepted step size 0")
	}
	if tr.Config() != DefaultTrainConfig() {
		t.Errorf("config after a rejected SetConfig: %+v", tr.Config())
	}
	cfg := DefaultTrainConfig()
	cfg.StepSize = 0.5
	if err := tr.SetConfig(cfg); err != nil {
		t.Fatal(err)
	}
	want, err := n.Trace(NotebookData()[0], 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Step(); err != nil {
		t.Fatal(err)
	}
	if !mat.EqualApprox(n.W(2), want.Get("w_2_new"), 1e-15) {
		t.Error("the step after SetConfig did not use the new step size")
	}
	if tr.Network() != n {
		t.Error("Network() is not the trained network")
	}
}

// TestNoAllocations checks the hot paths allocate nothing.
func TestNoAllocations(t *testing.T) {
	data, _ := Dataset("circle", 50, 0.1, 1)
	xs := make([]float64, 20)
	for i := range xs {
		xs[i] = -6 + 12*float64(i)/19
	}
	out := make([]float64, len(xs)*len(xs))
	for _, mode := range []Mode{Online, MiniBatch, FullBatch} {
		n, _ := New(Config{Layers: []int{2, 8, 8, 2}, Activation: Tanh, Seed: 2})
		tr, _ := NewTrainer(n, TrainConfig{StepSize: 0.03, Mode: mode, Batch: 7, Reg: L1, RegRate: 0.001, Seed: 3})
		tr.SetData(data)
		if a := testing.AllocsPerRun(30, func() { tr.Step() }); a != 0 {
			t.Errorf("%v Step: %v allocations", mode, a)
		}
	}
	n, _ := New(Config{Layers: []int{2, 8, 8, 2}, Activation: Tanh, Cost: CrossEntropy, Seed: 2})
	checks := map[string]func(){
		"ProbGrid":   func() { n.ProbGrid(xs, xs, out) },
		"NeuronGrid": func() { n.NeuronGrid(3, 2, xs, xs, out) },
		"Forward":    func() { n.Forward(1, 2) },
		"Prob":       func() { n.Prob(1, 2) },
	}
	for name, f := range checks {
		if a := testing.AllocsPerRun(10, f); a != 0 {
			t.Errorf("%s: %v allocations", name, a)
		}
	}
}
