package nn

import (
	"math"
	"testing"
)

// TestLastGradientIsTheStepsDw steps online on the notebook's first point alone and checks
// that LastGradient gives the trace's dw_l of that step (plus l2·w_l with a penalty), for the
// 2-h-2 fast path and the general one, and nothing before a step, after Reset or for a bad layer.
func TestLastGradientIsTheStepsDw(t *testing.T) {
	for _, c := range []struct {
		layers []int
		l2     float64
	}{{[]int{2, 3, 2}, 0}, {[]int{2, 4, 3, 2}, 0}, {[]int{2, 3, 2}, 0.01}} {
		cfg := DefaultConfig()
		cfg.Layers = c.layers
		n, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		tc := DefaultTrainConfig()
		if c.l2 != 0 {
			tc.Reg, tc.RegRate = L2, c.l2
		}
		tr, err := NewTrainer(n, tc)
		if err != nil {
			t.Fatal(err)
		}
		pt := NotebookData()[:1]
		if err := tr.SetData(pt); err != nil {
			t.Fatal(err)
		}
		dw := make([]float64, 16)
		if tr.LastGradient(2, dw) {
			t.Errorf("%v: a gradient before the first step", c.layers)
		}
		trace, err := n.Trace(pt[0], tc.StepSize)
		if err != nil {
			t.Fatal(err)
		}
		before := n.Clone()
		if err := tr.Step(); err != nil {
			t.Fatal(err)
		}
		L := len(c.layers)
		for l := 2; l <= L; l++ {
			if !tr.LastGradient(l, dw) {
				t.Fatalf("%v: no gradient for layer %d after a step", c.layers, l)
			}
			want := trace.Get("dw_" + string(rune('0'+l)))
			r, cols := want.Dims()
			for i := range r {
				for j := range cols {
					w := want.At(i, j) + c.l2*before.W(l).At(i, j)
					if got := dw[i*cols+j]; math.Abs(got-w) > 1e-9*math.Max(1, math.Abs(w)) {
						t.Errorf("%v l2 %v: dw_%d[%d,%d] = %v, the step's is %v", c.layers, c.l2, l, i+1, j+1, got, w)
					}
				}
			}
		}
		if tr.LastGradient(1, dw) || tr.LastGradient(L+1, dw) || tr.LastGradient(2, dw[:1]) {
			t.Errorf("%v: a gradient for a layer without weights or into too short a slice", c.layers)
		}
		if a := testing.AllocsPerRun(10, func() { tr.LastGradient(2, dw) }); a != 0 {
			t.Errorf("LastGradient allocates %v times", a)
		}
		tr.Reset()
		if tr.LastGradient(2, dw) {
			t.Errorf("%v: a gradient after Reset", c.layers)
		}
	}
}
