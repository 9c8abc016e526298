package nn

import (
	"errors"
	"fmt"
)

// ErrDiverged is wrapped by the *DivergedError of a gradient step whose
// output or cost overflowed, or that drove a weight or bias to NaN or
// infinity. The step is undone.
var ErrDiverged = errors.New("nn: training diverged")

// backward computes delta_l of the last forward pass of one point (in
// n.one) for the target column y (one-hot for classes).
func (n *Network) backward(y []float64) {
	copy(n.one.y, y)
	n.backwardOne()
}

// grads is the scratch space of gradient steps for one network shape,
// indexed by layer number like Network.lay.
type grads struct {
	gw, gb [][]float64 // accumulated dw_l and db_l of a batch
	bw, bb [][]float64 // w_l and b_l before the step, to undo a divergent one
}

func newGrads(n *Network) *grads {
	L := n.L()
	g := &grads{gw: make([][]float64, L+1), gb: make([][]float64, L+1), bw: make([][]float64, L+1), bb: make([][]float64, L+1)}
	for l := 2; l <= L; l++ {
		g.gw[l] = make([]float64, len(n.lay[l].wd))
		g.bw[l] = make([]float64, len(n.lay[l].wd))
		g.gb[l] = make([]float64, len(n.lay[l].bd))
		g.bb[l] = make([]float64, len(n.lay[l].bd))
	}
	return g
}

// clearGrads zeroes the accumulated gradients.
func (g *grads) clearGrads() {
	for l := 2; l < len(g.gw); l++ {
		clear(g.gw[l])
		clear(g.gb[l])
	}
}

// applyDeltas is one online step straight from the last backward pass of
// n.one: w_l -= eta*(delta_l a_{l-1}^T + l2*w_l) and b_l -= eta*delta_l,
// for l = L down to 2 as the notebook's In [34] does; with an L1 rate l1,
// each weight then takes l1Step's eta*l1*sign(w_l) (l1 and l2 are not both
// set). It undoes the step and returns a wrapped ErrDiverged if any result
// is not finite.
func (g *grads) applyDeltas(n *Network, eta, l1, l2 float64) error {
	etaL1, etaL2 := eta*l1, eta*l2
	for l := n.L(); l >= 2; l-- {
		ly := &n.lay[l]
		prev, delta := n.one.a[l-1], n.one.delta[l]
		rows, cols := len(delta), len(prev)
		w, bw := ly.wd[:rows*cols], g.bw[l][:rows*cols]
		b, bb := ly.bd[:rows], g.bb[l][:rows]
		var bad float64 // stays 0 while every result is finite: v-v is NaN for Inf and NaN
		k := 0
		for _, d := range delta {
			ed := eta * d
			for _, a := range prev {
				old := w[k]
				bw[k] = old
				v := old - (ed*a + etaL2*old)
				if etaL1 != 0 {
					v = l1Step(old, v, etaL1)
				}
				w[k] = v
				bad += v - v
				k++
			}
		}
		if bad != 0 {
			return g.undo(n, l, true)
		}
		for i, d := range delta {
			old := b[i]
			bb[i] = old
			v := old - eta*d
			b[i] = v
			bad += v - v
		}
		if bad != 0 {
			return g.undo(n, l, false)
		}
	}
	return nil
}

// applyGrads is one step from the accumulated gradients of a batch:
// w_l -= eta*(scale*gw_l + l2*w_l), b_l -= eta*scale*gb_l, for l = L down
// to 2, with l1Step's L1 part after the weights' as in applyDeltas. scale
// is 1/batch size. It undoes a divergent step like applyDeltas.
func (g *grads) applyGrads(n *Network, eta, scale, l1, l2 float64) error {
	etaL1 := eta * l1
	for l := n.L(); l >= 2; l-- {
		ly := &n.lay[l]
		w, bw, gw := ly.wd, g.bw[l], g.gw[l]
		bw, gw = bw[:len(w)], gw[:len(w)]
		var bad float64
		for i, old := range w {
			bw[i] = old
			v := old - eta*(scale*gw[i]+l2*old)
			if etaL1 != 0 {
				v = l1Step(old, v, etaL1)
			}
			w[i] = v
			bad += v - v
		}
		if bad != 0 {
			return g.undo(n, l, true)
		}
		b, bb, gb := ly.bd, g.bb[l], g.gb[l]
		bb, gb = bb[:len(b)], gb[:len(b)]
		for i, old := range b {
			bb[i] = old
			v := old - eta*scale*gb[i]
			b[i] = v
			bad += v - v
		}
		if bad != 0 {
			return g.undo(n, l, false)
		}
	}
	return nil
}

// undo restores the layers a step has written, from L down to layer l
// (whose w, and b if inW is false, were written), and names the matrix
// that went non-finite.
func (g *grads) undo(n *Network, l int, inW bool) error {
	g.restore(n, l, inW)
	return errDiverged(l, inW)
}

// restore copies back the backups of w_k and b_k for k = L down to l, but
// not b_l if inW is set.
func (g *grads) restore(n *Network, l int, inW bool) {
	for k := n.L(); k >= l; k-- {
		copy(n.lay[k].wd, g.bw[k])
		if k > l || !inW {
			copy(n.lay[k].bd, g.bb[k])
		}
	}
}

// errDiverged is the error of a step that made w_l (inW) or b_l non-finite.
func errDiverged(l int, inW bool) error {
	name := fmt.Sprintf("b_%d", l)
	if inW {
		name = fmt.Sprintf("w_%d", l)
	}
	return &DivergedError{Cause: name + " has a non-finite entry after the step"}
}
