package nn

import (
	"fmt"
	"math"
	"testing"
)

// Gradient check: the analytic gradients (Trace's dw_l and db_l for one
// point, and the trainer's averaged batch gradient with its L2 term) must
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

// TestGradientCheckBatchL2 checks the averaged gradient of a batch with
// the L2 penalty: J = mean C_x + L2/2 sum_l ||w_l||^2.
func TestGradientCheckBatchL2(t *testing.T) {
	pts := NotebookData()
	const l2 = 0.03
	for _, cfg := range []Config{
		{Layers: []int{2, 3, 2}, Activation: Sigmoid, Seed: 1},
		{Layers: []int{2, 5, 4, 2}, Activation: Tanh, Cost: CrossEntropy, Seed: 2},
		{Layers: []int{2, 9, 12, 2}, Activation: Sigmoid, Cost: CrossEntropy, Seed: 2},
		{Layers: []int{2, 6, 2}, Activation: ReLU, Seed: 5},
	} {
		n, _ := New(cfg)
		ok := true
		for _, p := range pts {
			ok = ok && !nearKink(n, p)
		}
		if !ok {
			t.Fatalf("%v: a point is near a ReLU kink; pick another seed", cfg.Layers)
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
			j /= m
			for l := 2; l <= n.L(); l++ {
				for _, w := range n.lay[l].wd {
					j += l2 / 2 * w * w
				}
			}
			return j
		}
		for l := 2; l <= n.L(); l++ {
			for k := range n.lay[l].wd {
				analytic := g.gw[l][k]/m + l2*n.lay[l].wd[k]
				if num := numGrad(&n.lay[l].wd[k], objective); relErr(analytic, num) > gradTol {
					t.Errorf("%v %v: dJ/dw_%d entry %d = %v, finite difference %v", cfg.Layers, cfg.Activation, l, k, analytic, num)
				}
			}
			for k := range n.lay[l].bd {
				analytic := g.gb[l][k] / m
				if num := numGrad(&n.lay[l].bd[k], objective); relErr(analytic, num) > gradTol {
					t.Errorf("%v %v: dJ/db_%d entry %d = %v, finite difference %v", cfg.Layers, cfg.Activation, l, k, analytic, num)
				}
			}
		}
	}
}
