package nn

import (
	"math"
	"testing"
)

// TestProbGridMatchesProb checks ProbGrid's layout and values against Prob
// point by point, and NeuronGrid against Forward.
func TestProbGridMatchesProb(t *testing.T) {
	xs := []float64{-6, -2.5, 0, 1.2, 6}
	ys := []float64{-6, -1, 0.7, 6}
	out := make([]float64, len(xs)*len(ys))
	for _, cfg := range allConfigs() {
		n, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := n.ProbGrid(xs, ys, out); err != nil {
			t.Fatal(err)
		}
		for j, y := range ys {
			for i, x := range xs {
				if got, want := out[j*len(xs)+i], n.Prob(x, y); got != want {
					t.Errorf("%v %v %v: ProbGrid at (%v,%v) = %v, Prob = %v", cfg.Layers, cfg.Activation, cfg.Cost, x, y, got, want)
				}
			}
		}
		for l := 1; l <= n.L(); l++ {
			for k := 0; k < cfg.Layers[l-1]; k++ {
				if err := n.NeuronGrid(l, k, xs, ys, out); err != nil {
					t.Fatal(err)
				}
				for j, y := range ys {
					for i, x := range xs {
						if got, want := out[j*len(xs)+i], n.Forward(x, y)[l-1][k]; got != want {
							t.Errorf("%v: NeuronGrid(%d,%d) at (%v,%v) = %v, Forward = %v", cfg.Layers, l, k, x, y, got, want)
						}
					}
				}
			}
		}
	}
}

// TestGridPanels checks a grid wider than a panel (64 points), so that
// full and partial panels both occur, against Prob point by point.
func TestGridPanels(t *testing.T) {
	xs := make([]float64, 150)
	for i := range xs {
		xs[i] = -6 + 12*float64(i)/149
	}
	ys := []float64{-3.3, 0.1, 5}
	out := make([]float64, len(xs)*len(ys))
	for _, cfg := range []Config{
		{Layers: []int{2, 8, 8, 8, 8, 8, 8, 2}, Activation: Tanh, Seed: 4},
		{Layers: []int{2, 5, 13, 2}, Activation: Sigmoid, Cost: CrossEntropy, Seed: 4},
	} {
		n, _ := New(cfg)
		if err := n.ProbGrid(xs, ys, out); err != nil {
			t.Fatal(err)
		}
		for j, y := range ys {
			for i, x := range xs {
				if got, want := out[j*len(xs)+i], n.Prob(x, y); got != want {
					t.Fatalf("%v: ProbGrid at (%v,%v) = %v, Prob = %v", cfg.Layers, x, y, got, want)
				}
			}
		}
	}
}

// TestProbAgreesWithPredict checks that Prob is in [0,1] and above 0.5
// exactly where Predict says 1, including where the two outputs are a few
// ulps apart.
func TestProbAgreesWithPredict(t *testing.T) {
	for _, cfg := range allConfigs() {
		n, _ := New(cfg)
		for i := range 400 {
			x, y := -6+12*float64(i%20)/19, -6+12*float64(i/20)/19
			p := n.Prob(x, y)
			if !(p >= 0 && p <= 1) {
				t.Fatalf("%v: Prob(%v,%v) = %v", cfg.Layers, x, y, p)
			}
			if (p > 0.5) != (n.Predict(x, y) == 1) {
				t.Fatalf("%v: Prob(%v,%v) = %v but Predict = %d", cfg.Layers, x, y, p, n.Predict(x, y))
			}
		}
	}
	// Outputs an ulp apart: a_3[2] - a_3[1] is far below what 0.5 + d/2 can show.
	for _, c := range []Cost{Quadratic, CrossEntropy} {
		n, _ := New(Config{Layers: []int{2, 2}, Activation: Linear, Cost: c})
		for _, b := range [][2]float64{{0.3, math.Nextafter(0.3, 1)}, {0.3, math.Nextafter(0.3, 0)}, {0.3, 0.3}, {1e-320, 2e-320}} {
			n.SetParams(Params{{W: [][]float64{{0, 0}, {0, 0}}, B: b[:]}})
			p := n.Prob(0, 0)
			if (p > 0.5) != (n.Predict(0, 0) == 1) {
				t.Errorf("%v with outputs %v: Prob %v, Predict %d", c, b, p, n.Predict(0, 0))
			}
		}
	}
}

// TestProbFormula checks Prob's definition on hand-set outputs.
func TestProbFormula(t *testing.T) {
	n, _ := New(Config{Layers: []int{2, 2}, Activation: Linear})
	tests := []struct{ b1, b2, want float64 }{
		{0.2, 0.8, 0.8}, {0.8, 0.2, 0.2}, {-5, 5, 1}, {5, -5, 0}, {0.5, 0.5, 0.5},
	}
	for _, tc := range tests {
		n.SetParams(Params{{W: [][]float64{{0, 0}, {0, 0}}, B: []float64{tc.b1, tc.b2}}})
		if got := n.Prob(3, 4); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("quadratic outputs (%v,%v): Prob %v, want %v", tc.b1, tc.b2, got, tc.want)
		}
	}
	ce, _ := New(Config{Layers: []int{2, 2}, Activation: Linear, Cost: CrossEntropy})
	ce.SetParams(Params{{W: [][]float64{{0, 0}, {0, 0}}, B: []float64{0, math.Log(3)}}})
	if got := ce.Prob(1, 1); math.Abs(got-0.75) > 1e-15 {
		t.Errorf("cross-entropy with z = (0, log 3): Prob %v, want 0.75", got)
	}
}

// TestEvaluate checks loss and accuracy against the reference cost.
func TestEvaluate(t *testing.T) {
	pts := NotebookData()
	for _, cfg := range allConfigs()[:16] {
		n, _ := New(cfg)
		loss, acc, err := n.Evaluate(pts)
		if err != nil {
			t.Fatal(err)
		}
		var want float64
		correct := 0
		for _, p := range pts {
			want += refCost(n, p)
			if n.Predict(p.X, p.Y) == p.Label {
				correct++
			}
		}
		want /= float64(len(pts))
		if !close(loss, want, 1e-12) || acc != float64(correct)/10 {
			t.Errorf("%v %v %v: Evaluate = %v, %v; want %v, %v", cfg.Layers, cfg.Activation, cfg.Cost, loss, acc, want, float64(correct)/10)
		}
	}
	// The notebook's network, before training: C_x of the first point is In [19]'s.
	n := notebookNetwork(t)
	loss, _, err := n.Evaluate(pts[:1])
	if err != nil || math.Abs(loss-0.1528) > 0.002 {
		t.Errorf("In [19]: cost of the first point %v, %v; want 0.1528", loss, err)
	}
}

// TestCloneAndCopy checks that Clone and CopyFrom give independent copies.
func TestCloneAndCopy(t *testing.T) {
	n := notebookNetwork(t)
	c := n.Clone()
	if !paramsEqual(n.Params(), c.Params()) {
		t.Fatal("Clone differs")
	}
	c.W(2).Set(0, 0, 42)
	if n.W(2).At(0, 0) == 42 {
		t.Error("Clone shares weights")
	}
	if err := n.CopyFrom(c); err != nil {
		t.Fatal(err)
	}
	if n.W(2).At(0, 0) != 42 || n.Prob(1, 1) != c.Prob(1, 1) {
		t.Error("CopyFrom did not copy")
	}
	// W and B are live views of the weights Forward uses.
	n.B(3).Set(1, 0, -50)
	if n.Predict(1, 1) != -1 {
		t.Error("a write through B(3) did not change the output")
	}
	if n.W(1) != nil || n.W(4) != nil || n.B(1) != nil {
		t.Error("W or B out of range is not nil")
	}
	if n.L() != 3 || len(n.Layers()) != 3 {
		t.Errorf("L() = %d, Layers() = %v", n.L(), n.Layers())
	}
}
