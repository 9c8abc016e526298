package nn

import (
	"fmt"
	"math"
	"testing"
)

func TestL1StepStopsAtZero(t *testing.T) {
	for _, tc := range []struct{ old, v, etaL1, want float64 }{
		{1, 0.9, 0.05, 0.85},       // shrinks towards 0
		{-1, -0.9, 0.05, -0.85},    // from below too
		{0.01, 0.02, 0.05, 0},      // would cross 0: stops there
		{-0.01, -0.02, 0.05, 0},    // from below too
		{0.01, -0.02, 0.05, -0.07}, // the data's part crossed 0, not the penalty's: TF's rule keeps it
		{0, 0.3, 0.05, 0.3},        // sign(0) = 0: no penalty at 0
	} {
		if got := l1Step(tc.old, tc.v, tc.etaL1); got != tc.want && math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("l1Step(%v, %v, %v) = %v, want %v", tc.old, tc.v, tc.etaL1, got, tc.want)
		}
	}
	if got := l1Step(1, math.NaN(), 0.05); !math.IsNaN(got) {
		t.Errorf("l1Step of NaN = %v, want NaN (so the step is caught as divergent)", got)
	}
}

// trainWith trains a network of the given shape for 3000 steps on the circle preset under mode
// and penalty, and returns it.
func trainWith(t *testing.T, layers []int, mode Mode, reg Regularization, rate float64) *Network {
	t.Helper()
	pts, err := Dataset("circle", 100, 0.1, 3)
	if err != nil {
		t.Fatal(err)
	}
	n, err := New(Config{Layers: layers, Activation: Tanh, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := NewTrainer(n, TrainConfig{StepSize: 0.03, Mode: mode, Batch: 10, Reg: reg, RegRate: rate, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.SetData(pts); err != nil {
		t.Fatal(err)
	}
	for tr.Steps() < 3000 {
		if err := tr.Step(); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

// zerosAndSquares counts n's weights that are exactly 0, and sums their squares.
func zerosAndSquares(n *Network) (zeros int, sq float64) {
	for l := 2; l <= n.L(); l++ {
		for _, w := range n.lay[l].wd {
			if w == 0 {
				zeros++
			}
			sq += w * w
		}
	}
	return zeros, sq
}

// TestL1MakesWeightsZeroAndL2ShrinksThem trains the same network with no penalty, L1 and L2,
// through every update path (the one-hidden-layer online step, the general online step, the
// mini-batch and the batch step): L1 leaves weights that are exactly 0 where none is without a
// penalty, and L2 leaves a smaller sum of squares.
func TestL1MakesWeightsZeroAndL2ShrinksThem(t *testing.T) {
	for _, tc := range []struct {
		layers []int
		mode   Mode
	}{
		{[]int{2, 8, 2}, Online},
		{[]int{2, 6, 6, 2}, Online},
		{[]int{2, 8, 2}, MiniBatch},
		{[]int{2, 6, 6, 2}, FullBatch},
	} {
		name := fmt.Sprintf("%v %v", tc.layers, tc.mode)
		zeros0, sq0 := zerosAndSquares(trainWith(t, tc.layers, tc.mode, NoReg, 0))
		zeros1, _ := zerosAndSquares(trainWith(t, tc.layers, tc.mode, L1, 0.1))
		zeros2, sq2 := zerosAndSquares(trainWith(t, tc.layers, tc.mode, L2, 0.1))
		if zeros0 != 0 {
			t.Errorf("%s: %d weights exactly 0 without a penalty", name, zeros0)
		}
		if zeros1 == 0 {
			t.Errorf("%s: no weight exactly 0 under L1", name)
		}
		if zeros2 != 0 {
			t.Errorf("%s: %d weights exactly 0 under L2, which only shrinks them", name, zeros2)
		}
		if !(sq2 < sq0) {
			t.Errorf("%s: Σw² is %v under L2, %v without a penalty: want smaller", name, sq2, sq0)
		}
		t.Logf("%s: exact zeros %d (none), %d (L1); Σw² %.3g (none), %.3g (L2)", name, zeros0, zeros1, sq0, sq2)
	}
}

// TestTraceStepShowsThePenalty checks the trace of a step with a penalty: its l1_w_l or l2_w_l
// entries are the penalty's gradient of the weights before the step, w_l_new is what the
// trainer's online step makes, and a trace without a penalty has no such entries.
func TestTraceStepShowsThePenalty(t *testing.T) {
	p := NotebookData()[2]
	for _, cfg := range []TrainConfig{{Reg: L2, RegRate: 0.3}, {Reg: L1, RegRate: 0.3}} {
		cfg.StepSize = 0.5
		for _, layers := range [][]int{{2, 3, 2}, {2, 4, 3, 2}} {
			n, _ := New(Config{Layers: layers, Seed: 3})
			tc, err := n.TraceStep(p, cfg)
			if err != nil {
				t.Fatal(err)
			}
			tr, _ := NewTrainer(n, TrainConfig{StepSize: cfg.StepSize, Mode: Online, Reg: cfg.Reg, RegRate: cfg.RegRate, Seed: 1})
			if err := tr.SetData([]Point{p}); err != nil {
				t.Fatal(err)
			}
			for l := 2; l <= n.L(); l++ {
				pen := tc.Get(fmt.Sprintf("%v_w_%d", cfg.Reg, l))
				if pen == nil {
					t.Fatalf("%v %v: no %v_w_%d in the trace", layers, cfg.Reg, cfg.Reg, l)
				}
				r, c := n.W(l).Dims()
				for i := range r {
					for j := range c {
						if want := cfg.PenaltyGrad(n.W(l).At(i, j)); pen.At(i, j) != want {
							t.Errorf("%v %v_w_%d[%d,%d] = %v, want %v", layers, cfg.Reg, l, i+1, j+1, pen.At(i, j), want)
						}
					}
				}
			}
			if err := tr.Step(); err != nil {
				t.Fatal(err)
			}
			for l := 2; l <= n.L(); l++ {
				got, want := tc.Get(fmt.Sprintf("w_%d_new", l)), n.W(l)
				r, c := want.Dims()
				for i := range r {
					for j := range c {
						if got.At(i, j) != want.At(i, j) {
							t.Errorf("%v %v: w_%d_new[%d,%d] = %v, the trainer's step %v", layers, cfg.Reg, l, i+1, j+1, got.At(i, j), want.At(i, j))
						}
					}
				}
			}
		}
	}
	plain, _ := New(Config{Layers: []int{2, 3, 2}, Seed: 3})
	tc, err := plain.Trace(p, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range tc.Entries {
		if e.Name == "l1_w_2" || e.Name == "l2_w_2" {
			t.Errorf("a trace without a penalty has %s", e.Name)
		}
	}
}
