package nn

import (
	"errors"
	"math"
	"testing"
)

// TestOutputOverflowIsDivergence checks that a step whose output z_L or
// cost overflows reports divergence whatever the cost and the activation,
// in every mode and for the one-hidden-layer and the general path, and
// leaves the weights alone; and that Recover then gives weights with a
// finite loss.
func TestOutputOverflowIsDivergence(t *testing.T) {
	for _, layers := range [][]int{{2, 3, 2}, {2, 3, 3, 2}} {
		for _, act := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
			for _, cost := range []Cost{Quadratic, CrossEntropy} {
				for _, mode := range []Mode{Online, MiniBatch, FullBatch} {
					n, err := New(Config{Layers: layers, Activation: act, Cost: cost, Seed: 2})
					if err != nil {
						t.Fatal(err)
					}
					p := n.Params()
					// As the address weights=1,1,1,1,1,1,0,0,0,1e308,1e308,1e308,0,0,0,0,0
					// does for 2-3-2: hidden weights 1 and biases 0 (so every a_l is
					// positive for the points below), the last layer's first row 1e308.
					for _, lp := range p[:len(p)-1] {
						for i, row := range lp.W {
							for j := range row {
								row[j] = 1
							}
							lp.B[i] = 0
						}
					}
					last := p[len(p)-1]
					for j := range last.W[0] {
						last.W[0][j] = 1e308
					}
					if err := n.SetParams(p); err != nil {
						t.Fatal(err)
					}
					name := act.String() + "/" + cost.String() + "/" + mode.String()
					tr, err := NewTrainer(n, TrainConfig{StepSize: 0.1, Mode: mode, Batch: 4, Seed: 1})
					if err != nil {
						t.Fatal(err)
					}
					pts := []Point{{X: 1, Y: 1, Label: 1}, {X: 2, Y: 1, Label: -1}, {X: 1, Y: 3, Label: 1}, {X: 3, Y: 2, Label: -1}}
					if err := tr.SetData(pts); err != nil {
						t.Fatal(err)
					}
					err = tr.Step()
					d := AsDiverged(err)
					if d == nil || !errors.Is(err, ErrDiverged) {
						t.Fatalf("%v %s: Step = %v, want a DivergedError", layers, name, err)
					}
					if d.Step != 1 || !contains(d.Cause, "output or the cost of point") {
						t.Errorf("%v %s: %+v, want step 1 and the point named", layers, name, d)
					}
					if !paramsEqual(n.Params(), p) || tr.Steps() != 0 {
						t.Errorf("%v %s: the divergent step changed the network or the counter", layers, name)
					}
					rec := tr.Recover()
					loss, _, err := n.Evaluate(pts)
					if err != nil || !finite(loss) {
						t.Fatalf("%v %s: after Recover the loss is %v, %v", layers, name, loss, err)
					}
					// The weights it started from overflow too: it had to start again.
					if rec.Step != -1 || tr.Steps() != 0 || math.Abs(rec.Loss-loss) > 1e-12*max(1, loss) {
						t.Errorf("%v %s: Recover = %+v (loss %v, Steps %d), want step -1", layers, name, rec, loss, tr.Steps())
					}
				}
			}
		}
	}
}

// TestRecoverBringsBackFiniteWeights trains a linear network with the
// learning rate 100 (the address lr=100&activation=linear) until it
// diverges, and checks that Recover brings back the weights of an earlier
// step whose loss over the data is finite, and says which.
func TestRecoverBringsBackFiniteWeights(t *testing.T) {
	for _, mode := range []Mode{Online, MiniBatch, FullBatch} {
		n, err := New(Config{Layers: []int{2, 3, 2}, Activation: Linear, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		tr, err := NewTrainer(n, TrainConfig{StepSize: 100, Mode: mode, Batch: 3, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		pts := NotebookData()
		if err := tr.SetData(pts); err != nil {
			t.Fatal(err)
		}
		var d *DivergedError
		for range 10000 {
			if err := tr.Step(); err != nil {
				if d = AsDiverged(err); d == nil {
					t.Fatal(err)
				}
				break
			}
		}
		if d == nil {
			t.Fatalf("%v: 10000 steps of size 100 did not diverge", mode)
		}
		if d.Step != tr.Steps()+1 {
			t.Errorf("%v: diverged at step %d with Steps() = %d", mode, d.Step, tr.Steps())
		}
		rec := tr.Recover()
		loss, _, err := n.Evaluate(pts)
		if err != nil || !finite(loss) {
			t.Fatalf("%v: after Recover the loss is %v, %v", mode, loss, err)
		}
		if rec.Step < 0 || rec.Step >= d.Step || tr.Steps() != rec.Step || rec.Loss != loss {
			t.Errorf("%v: diverged at %d, Recover = %+v, Steps %d, loss %v", mode, d.Step, rec, tr.Steps(), loss)
		}
		checkFinite(t, n, "Recover")
	}
}

// TestRecoverKeepsGoodWeights checks that Recover leaves weights with a
// finite loss as they are.
func TestRecoverKeepsGoodWeights(t *testing.T) {
	n, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	tr, err := NewTrainer(n, DefaultTrainConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.SetData(NotebookData()); err != nil {
		t.Fatal(err)
	}
	for range 40 {
		if err := tr.Step(); err != nil {
			t.Fatal(err)
		}
	}
	before := n.Params()
	if rec := tr.Recover(); rec.Step != 40 || !paramsEqual(before, n.Params()) {
		t.Errorf("Recover of good weights = %+v and changed them: %v", rec, !paramsEqual(before, n.Params()))
	}
}

// FuzzTrainRecover drives the training loop with hostile weights (the
// initial weights scaled by any finite factor) and learning rates, for
// every activation and cost and mode. After each step, either the loss
// over the data is finite, or divergence was found (by Step, or by the
// loss being not finite, as the app measures it after its steps), and
// Recover then gives weights with a finite loss.
func FuzzTrainRecover(f *testing.F) {
	f.Add(uint8(0), uint8(0), uint8(0), uint8(0), 1.0, 0.1, 0.0, uint8(20), uint64(1))
	f.Add(uint8(1), uint8(3), uint8(0), uint8(0), 1.0, 100.0, 0.0, uint8(60), uint64(2))
	f.Add(uint8(0), uint8(1), uint8(1), uint8(0), 1e308, 0.1, 0.0, uint8(10), uint64(3))
	f.Add(uint8(2), uint8(2), uint8(1), uint8(2), 1e154, 1e10, 0.5, uint8(30), uint64(4))
	f.Add(uint8(3), uint8(3), uint8(0), uint8(1), 1e100, 1e300, 1e300, uint8(30), uint64(5))
	f.Add(uint8(1), uint8(2), uint8(0), uint8(1), -1e200, 3.0, 0.0, uint8(63), uint64(6))
	shapes := [][]int{{2, 3, 2}, {2, 4, 4, 2}, {2, 2}, {2, 16, 16, 16, 2}}
	f.Fuzz(func(t *testing.T, shape, act, cost, mode uint8, scale, lr, l2 float64, steps uint8, seed uint64) {
		if !finite(scale) {
			return
		}
		cfg := Config{Layers: shapes[int(shape)%len(shapes)], Activation: Activation(act % 4), Cost: Cost(cost % 2), Seed: seed}
		n, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		p := n.Params()
		for _, lp := range p {
			for _, row := range lp.W {
				for j := range row {
					row[j] *= scale
				}
			}
			for j := range lp.B {
				lp.B[j] *= scale
			}
		}
		if n.SetParams(p) != nil {
			return // the scaled weights overflowed to Inf: not a network
		}
		tr, err := NewTrainer(n, TrainConfig{StepSize: lr, Mode: Mode(mode % 3), Batch: 1 + int(seed%7), Reg: Regularization(seed % 3), RegRate: l2, Seed: seed})
		if err != nil {
			return // an invalid step size or regularization rate: rejected, nothing to train
		}
		pts, err := Dataset("spiral", 40, 0.1, seed)
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.SetData(pts); err != nil {
			t.Fatal(err)
		}
		for i := range int(steps % 64) {
			err := tr.Step()
			checkFinite(t, n, "Step")
			if err != nil && !errors.Is(err, ErrDiverged) {
				t.Fatalf("step %d: %v", i, err)
			}
			loss, _, evalErr := n.Evaluate(pts)
			if err == nil && evalErr == nil {
				if !finite(loss) {
					t.Fatalf("step %d: Evaluate gave %v without an error", i, loss)
				}
				continue
			}
			rec := tr.Recover()
			loss, _, evalErr = n.Evaluate(pts)
			if evalErr != nil || !finite(loss) || !finite(rec.Loss) {
				t.Fatalf("step %d (%v): after Recover %+v the loss is %v, %v", i, err, rec, loss, evalErr)
			}
			if rec.Step > i+1 || tr.Steps() != max(rec.Step, 0) {
				t.Fatalf("step %d: Recover = %+v with Steps %d", i, rec, tr.Steps())
			}
			checkFinite(t, n, "Recover")
		}
	})
}
