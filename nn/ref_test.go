package nn

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// This file is an independent reference for the tests: the notebook's
// matrix code written with plain gonum operations, sharing nothing with
// the package's hot loops but the Activation functions.

// refForward returns z_l and a_l (index l = layer number; zs[1] is nil)
// for one point, computed with mat.Dense products.
func refForward(n *Network, x, y float64) (zs, as []*mat.Dense) {
	L := n.L()
	zs, as = make([]*mat.Dense, L+1), make([]*mat.Dense, L+1)
	as[1] = mat.NewDense(2, 1, []float64{x, y})
	for l := 2; l <= L; l++ {
		z := &mat.Dense{}
		z.Mul(n.W(l), as[l-1]) // z_l = w_l.dot(a_{l-1}) + b_l (In [10], In [13])
		z.Add(z, n.B(l))
		a := &mat.Dense{}
		if l == L && n.cfg.Cost == CrossEntropy {
			m := math.Max(z.At(0, 0), z.At(1, 0))
			e0, e1 := math.Exp(z.At(0, 0)-m), math.Exp(z.At(1, 0)-m)
			a = mat.NewDense(2, 1, []float64{e0 / (e0 + e1), e1 / (e0 + e1)})
		} else {
			a.Apply(func(_, _ int, v float64) float64 { return n.cfg.Activation.Apply(v) }, z)
		}
		zs[l], as[l] = z, a
	}
	return zs, as
}

// refCost is C_x of one point.
func refCost(n *Network, p Point) float64 {
	zs, as := refForward(n, p.X, p.Y)
	y, _ := ConvertLabel(p.Label)
	L := n.L()
	if n.cfg.Cost == CrossEntropy {
		k := 0
		if p.Label == 1 {
			k = 1
		}
		z := zs[L]
		m := math.Max(z.At(0, 0), z.At(1, 0))
		return m + math.Log(math.Exp(z.At(0, 0)-m)+math.Exp(z.At(1, 0)-m)) - z.At(k, 0)
	}
	d0, d1 := as[L].At(0, 0)-y[0], as[L].At(1, 0)-y[1]
	return (d0*d0 + d1*d1) / 2
}

// refGrad returns dw_l and db_l of one point by the notebook's backward
// pass (In [23], In [27], In [31], In [33]).
func refGrad(n *Network, p Point) (dw, db []*mat.Dense) {
	zs, as := refForward(n, p.X, p.Y)
	yv, _ := ConvertLabel(p.Label)
	y := mat.NewDense(2, 1, yv[:])
	L := n.L()
	act := n.cfg.Activation
	sigmaPrime := func(l int) *mat.Dense {
		s := &mat.Dense{}
		s.Apply(func(i, _ int, z float64) float64 { return act.Deriv(z, as[l].At(i, 0)) }, zs[l])
		return s
	}
	deltas := make([]*mat.Dense, L+1)
	d := &mat.Dense{}
	d.Sub(as[L], y)
	if n.cfg.Cost != CrossEntropy {
		d.MulElem(d, sigmaPrime(L))
	}
	deltas[L] = d
	for l := L - 1; l >= 2; l-- {
		d := &mat.Dense{}
		d.Mul(n.W(l+1).T(), deltas[l+1])
		d.MulElem(d, sigmaPrime(l))
		deltas[l] = d
	}
	dw, db = make([]*mat.Dense, L+1), make([]*mat.Dense, L+1)
	for l := 2; l <= L; l++ {
		w := &mat.Dense{}
		w.Mul(deltas[l], as[l-1].T())
		dw[l], db[l] = w, deltas[l]
	}
	return dw, db
}
