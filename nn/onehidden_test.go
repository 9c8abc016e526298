package nn

import (
	"fmt"
	"math"
	"testing"
)

// generalOnlineStep is the online step by the general path, which
// Trainer.Step does not take for one-hidden-layer networks.
func generalOnlineStep(n *Network, g *grads, p Point, eta, l1, l2 float64) error {
	y, _ := ConvertLabel(p.Label)
	n.forward(p.X, p.Y)
	n.backward(y[:])
	return g.applyDeltas(n, eta, l1, l2)
}

// sameBits reports the first entry where a and b differ in their bits (so
// that 0 and -0, or two NaNs, are told apart), or "" if none does.
func sameBits(what string, a, b []float64) string {
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return fmt.Sprintf("%s[%d] = %v, general path %v", what, i, a[i], b[i])
		}
	}
	return ""
}

// TestOneHiddenMatchesGeneral trains 2-h-2 networks of every width class
// (the output sums' blocks of eight, four and one), activation, cost and
// penalty (none, L2, L1) both by Trainer.Step's specialised path and by the general
// one, and requires the same bits in every weight, bias, z_l, a_l and
// delta_l after every step.
func TestOneHiddenMatchesGeneral(t *testing.T) {
	pts, err := Dataset("spiral", 40, 0.2, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range []int{1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 16} {
		for _, a := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
			for _, c := range []Cost{Quadratic, CrossEntropy} {
				for _, pen := range []TrainConfig{{}, {Reg: L2, RegRate: 0.01}, {Reg: L1, RegRate: 0.01}} {
					name := fmt.Sprintf("2-%d-2 %v %v %v %v", h, a, c, pen.Reg, pen.RegRate)
					l1, l2 := pen.penaltyRates()
					n, err := New(Config{Layers: []int{2, h, 2}, Activation: a, Cost: c, Seed: uint64(h)})
					if err != nil {
						t.Fatal(err)
					}
					ref := n.Clone()
					g := newGrads(ref)
					eta := 0.3
					if a == ReLU || a == Linear {
						eta = 0.002 // unbounded activations diverge on the spiral at larger steps
					}
					tr, err := NewTrainer(n, TrainConfig{StepSize: eta, Mode: Online, Reg: pen.Reg, RegRate: pen.RegRate, Seed: 4})
					if err != nil {
						t.Fatal(err)
					}
					if err := tr.SetData(pts); err != nil {
						t.Fatal(err)
					}
					for s := range 2 * len(pts) {
						p := pts[tr.order[tr.pos]]
						if err := tr.Step(); err != nil {
							t.Fatalf("%s step %d: %v", name, s, err)
						}
						if err := generalOnlineStep(ref, g, p, eta, l1, l2); err != nil {
							t.Fatalf("%s step %d, general path: %v", name, s, err)
						}
						diff := ""
						for l := 2; l <= 3 && diff == ""; l++ {
							for _, d := range []string{
								sameBits(fmt.Sprintf("w_%d", l), n.lay[l].wd, ref.lay[l].wd),
								sameBits(fmt.Sprintf("b_%d", l), n.lay[l].bd, ref.lay[l].bd),
								sameBits(fmt.Sprintf("z_%d", l), n.one.z[l], ref.one.z[l]),
								sameBits(fmt.Sprintf("a_%d", l), n.one.a[l], ref.one.a[l]),
								sameBits(fmt.Sprintf("delta_%d", l), n.one.delta[l], ref.one.delta[l]),
							} {
								if diff == "" {
									diff = d
								}
							}
						}
						if diff != "" {
							t.Fatalf("%s step %d: %s", name, s, diff)
						}
					}
				}
			}
		}
	}
}

// TestOneHiddenDivergence checks that a divergent step of the specialised
// path names the same matrix as the general path and restores every
// weight, for overflow in each of w_3, b_3, w_2 and b_2 (linear 2-3-2
// networks whose weights are chosen to overflow exactly there).
func TestOneHiddenDivergence(t *testing.T) {
	const big = 1e308
	tests := []struct {
		name string
		eta  float64
		pt   Point
		p    Params
	}{
		// a_2 = 2 and delta_3 = (9, 10): eta*delta_3 overflows.
		{"w_3", big, Point{X: 1, Y: 1, Label: -1}, Params{
			{W: [][]float64{{1, 1}, {1, 1}, {1, 1}}, B: []float64{0, 0, 0}},
			{W: [][]float64{{0, 0, 0}, {0, 0, 0}}, B: []float64{10, 10}},
		}},
		// a_2 = 1, z_3 = 0 (b_3[1] cancels w_3's row) and delta_3[1] = -1:
		// b_3[1] - eta*delta_3[1] overflows, w_3 does not.
		{"b_3", big, Point{X: 0, Y: 0, Label: 1}, Params{
			{W: [][]float64{{0, 0}, {0, 0}, {0, 0}}, B: []float64{1, 1, 1}},
			{W: [][]float64{{0, 0, 0}, {-0.5 * big, -0.5 * big, 0}}, B: []float64{0, big}},
		}},
		// a_2 = 0 keeps layer 3 finite; delta_2 = -10 makes eta*delta_2 overflow.
		{"w_2", big, Point{X: 1, Y: 0, Label: -1}, Params{
			{W: [][]float64{{0, 0}, {0, 0}, {0, 0}}, B: []float64{0, 0, 0}},
			{W: [][]float64{{10, 10, 10}, {-10, -10, -10}}, B: []float64{0.5, 0.5}},
		}},
		// z_2[1] = 0 and delta_2[1] = -1e308: w_2[1,1] comes back to
		// -0.5e308 while b_2[1] overflows.
		{"b_2", 1, Point{X: 1, Y: 0, Label: -1}, Params{
			{W: [][]float64{{-1.5 * big, 0}, {0, 0}, {0, 0}}, B: []float64{1.5 * big, 0, 0}},
			{W: [][]float64{{-big, 0, 0}, {0, 0, 0}}, B: []float64{2, 0}},
		}},
	}
	for _, tc := range tests {
		n, err := New(Config{Layers: []int{2, 3, 2}, Activation: Linear, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if err := n.SetParams(tc.p); err != nil {
			t.Fatal(err)
		}
		ref := n.Clone()
		tr, err := NewTrainer(n, TrainConfig{StepSize: 1, Mode: Online, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		tr.cfg.StepSize = tc.eta // beyond MaxStepSize, to overflow where the case says
		if err := tr.SetData([]Point{tc.pt}); err != nil {
			t.Fatal(err)
		}
		err = tr.Step()
		want := generalOnlineStep(ref, newGrads(ref), tc.pt, tc.eta, 0, 0)
		if err == nil || want == nil || AsDiverged(err) == nil || AsDiverged(want) == nil || AsDiverged(err).Cause != AsDiverged(want).Cause {
			t.Errorf("%s: Step = %v, general path %v", tc.name, err, want)
		} else if !contains(err.Error(), ": "+tc.name+" ") {
			t.Errorf("%s: error %q names another matrix", tc.name, err)
		}
		if !paramsEqual(n.Params(), tc.p) || !paramsEqual(ref.Params(), tc.p) {
			t.Errorf("%s: weights changed by a divergent step", tc.name)
		}
		if tr.Steps() != 0 {
			t.Errorf("%s: Steps() = %d after a divergent step", tc.name, tr.Steps())
		}
	}
}
