package nn

import (
	"fmt"
	"math"
	"testing"
)

// Gradient check: the analytic gradients (Trace's dw_l and db_l for one
// point, and the trainer's averaged batch gradient with its penalty) must
// match central finite differences of the cost to a relative error of
// 1e-6. Gradients below gradFloor in size are compared absolutely against
// gradFloor, since a difference quotient cannot resolve them relatively.
// The five-point stencil's truncation error is O(h^4), so h can be large
// enough for rounding in the cost not to matter.
const (
	gradH     = 1e-4
	gradTol   = 1e-6
	gradFloor = 1e-4
)

// relErr is |a-b| relative to the larger of |a|, |b| and gradFloor.
func relErr(a, b float64) float64 {
	return math.Abs(a-b) / max(math.Abs(a), math.Abs(b), gradFloor)
}

// numGrad returns the five-point central difference of f with respect to *v.
func numGrad(v *float64, f func() float64) float64 {
	old := *v
	at := func(d float64) float64 { *v = old + d; return f() }
	g := (8*(at(gradH)-at(-gradH)) - (at(2*gradH) - at(-2*gradH))) / (12 * gradH)
	*v = old
	return g
}

// nearKink reports whether any hidden ReLU pre-activation of p is so close
// to 0 that a step of gradH could cross it.
func nearKink(n *Network, p Point) bool {
	if n.cfg.Activation != ReLU {
		return false
	}
	n.forward(p.X, p.Y)
	for l := 2; l <= n.L(); l++ {
		for _, z := range n.one.z[l] {
			if math.Abs(z) < 0.05 {
				return true
			}
		}
	}
	return false
}

// checkTraceGradients compares a trace's dw_l and db_l with finite differences of cost, the
// cost of the trace's point as a function of n's weights, reporting each entry that differs
// by more than gradTol under the name what. It returns the largest relative error of the
// others.
func checkTraceGradients(t *testing.T, n *Network, tr *Trace, cost func() float64, what string) (worst float64) {
	t.Helper()
	for l := 2; l <= n.L(); l++ {
		dw, db := tr.Get("dw_"+itoa(l)), tr.Get("db_"+itoa(l))
		cols := len(n.one.a[l-1])
		for k := range n.lay[l].wd {
			num := numGrad(&n.lay[l].wd[k], cost)
			if e := relErr(dw.At(k/cols, k%cols), num); e > gradTol {
				t.Errorf("%s: dw_%d[%d,%d] = %v, finite difference %v (rel. error %.2g)", what, l, k/cols+1, k%cols+1, dw.At(k/cols, k%cols), num, e)
			} else {
				worst = max(worst, e)
			}
		}
		for k := range n.lay[l].bd {
			num := numGrad(&n.lay[l].bd[k], cost)
			if e := relErr(db.At(k, 0), num); e > gradTol {
				t.Errorf("%s: db_%d[%d] = %v, finite difference %v (rel. error %.2g)", what, l, k+1, db.At(k, 0), num, e)
			} else {
				worst = max(worst, e)
			}
		}
	}
	return worst
}

func TestGradientCheckPoint(t *testing.T) {
	pts := []Point{{X: 0.8, Y: -1.3, Label: 1}, {X: -2.2, Y: 0.4, Label: -1}, {X: 3.1, Y: 2.9, Label: 1}}
	worst := 0.0
	for _, cfg := range allConfigs() {
		n, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		// Smaller weights keep deep sigmoid/linear networks out of saturation and overflow.
		for l := 2; l <= n.L(); l++ {
			for i := range n.lay[l].wd {
				n.lay[l].wd[i] *= 0.7
			}
		}
		checked := 0
		for _, p := range pts {
			if nearKink(n, p) {
				continue
			}
			checked++
			tr, err := n.Trace(p, 0.1)
			if err != nil {
				t.Fatal(err)
			}
			y, _ := ConvertLabel(p.Label)
			cost := func() float64 { n.forward(p.X, p.Y); return n.cost(y[:]) }
			worst = max(worst, checkTraceGradients(t, n, tr, cost, fmt.Sprintf("%v %v %v at %v", cfg.Layers, cfg.Activation, cfg.Cost, p)))
		}
		if checked == 0 {
			t.Errorf("%v %v %v: every point near a ReLU kink, nothing checked", cfg.Layers, cfg.Activation, cfg.Cost)
		}
	}
	t.Logf("largest relative error: %.2g", worst)
}

// TestGradientCheckBatchPenalty checks the averaged gradient of a batch with
// each penalty, the trainer's own (Penalty, PenaltyGrad): J = mean C_x +
// λ/2 Σ_l ‖w_l‖² under L2, mean C_x + λ Σ_l ‖w_l‖₁ under L1. |w| has no
// derivative at 0, so the L1 check skips weights within 2·gradH of 0.
func TestGradientCheckBatchPenalty(t *testing.T) {
	pts := NotebookData()
	for _, tc := range []TrainConfig{{Reg: L2, RegRate: 0.03}, {Reg: L1, RegRate: 0.03}, {Reg: L1, RegRate: 1}} {
		for _, cfg := range []Config{
			{Layers: []int{2, 3, 2}, Activation: Sigmoid, Seed: 1},
			{Layers: []int{2, 5, 4, 2}, Activation: Tanh, Cost: CrossEntropy, Seed: 2},
			{Layers: []int{2, 9, 12, 2}, Activation: Sigmoid, Cost: CrossEntropy, Seed: 2},
			{Layers: []int{2, 6, 2}, Activation: ReLU, Seed: 5},
		} {
			name := fmt.Sprintf("%v %v %v λ=%v", cfg.Layers, cfg.Activation, tc.Reg, tc.RegRate)
			n, _ := New(cfg)
			ok := true
			for _, p := range pts {
				ok = ok && !nearKink(n, p)
			}
			if !ok {
				t.Fatalf("%s: a point is near a ReLU kink; pick another seed", name)
			}
			g := newGrads(n)
			for _, p := range pts {
				y, _ := ConvertLabel(p.Label)
				n.forward(p.X, p.Y)
				n.backward(y[:])
				g.accumulatePanel(n, n.one)
			}
			m := float64(len(pts))
			objective := func() float64 {
				var j float64
				for _, p := range pts {
					y, _ := ConvertLabel(p.Label)
					n.forward(p.X, p.Y)
					j += n.cost(y[:])
				}
				return j/m + tc.Penalty(n)
			}
			checked := 0
			for l := 2; l <= n.L(); l++ {
				for k, w := range n.lay[l].wd {
					if tc.Reg == L1 && math.Abs(w) < 2*gradH {
						continue
					}
					checked++
					analytic := g.gw[l][k]/m + tc.PenaltyGrad(w)
					if num := numGrad(&n.lay[l].wd[k], objective); relErr(analytic, num) > gradTol {
						t.Errorf("%s: dJ/dw_%d entry %d = %v, finite difference %v", name, l, k, analytic, num)
					}
				}
				for k := range n.lay[l].bd {
					analytic := g.gb[l][k] / m
					if num := numGrad(&n.lay[l].bd[k], objective); relErr(analytic, num) > gradTol {
						t.Errorf("%s: dJ/db_%d entry %d = %v, finite difference %v", name, l, k, analytic, num)
					}
				}
			}
			if checked == 0 {
				t.Errorf("%s: no weight checked", name)
			}
		}
	}
}
