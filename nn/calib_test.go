package nn

import (
	"testing"

	"gonum.org/v1/gonum/mat"
)

// BenchmarkCalibGonumSeed is a yardstick, not a target: one online SGD step
// of the notebook's network written with gonum operations on reused
// receivers, the way docs/facts.md measured it (2.26 us native, 13.5 us in
// wasm on an idle machine). Comparing it with BenchmarkTrainSeed on the
// same run factors out how busy the machine is.
func BenchmarkCalibGonumSeed(b *testing.B) {
	w2 := mat.NewDense(3, 2, []float64{-0.124, 0.871, 0.692, -0.036, 0.455, 1.239})
	b2 := mat.NewDense(3, 1, []float64{-0.923, 0.02, -2.918})
	w3 := mat.NewDense(2, 3, []float64{-0.006, 0.295, 0.207, 0.126, 0.399, -0.637})
	b3 := mat.NewDense(2, 1, []float64{-0.07, 1.912})
	var z2, a2, z3, a3, d3, d2, sp2, sp3, back, dw3, dw2 mat.Dense
	a1 := mat.NewDense(2, 1, nil)
	y := mat.NewDense(2, 1, nil)
	sig := func(_, _ int, v float64) float64 { return Sigmoid.Apply(v) }
	deriv := func(_, _ int, v float64) float64 { return v * (1 - v) }
	pts := NotebookData()
	i := 0
	for b.Loop() {
		p := pts[i%len(pts)]
		i++
		yv, _ := ConvertLabel(p.Label)
		a1.Set(0, 0, p.X)
		a1.Set(1, 0, p.Y)
		y.Set(0, 0, yv[0])
		y.Set(1, 0, yv[1])
		z2.Mul(w2, a1)
		z2.Add(&z2, b2)
		a2.Apply(sig, &z2)
		z3.Mul(w3, &a2)
		z3.Add(&z3, b3)
		a3.Apply(sig, &z3)
		d3.Sub(&a3, y)
		sp3.Apply(deriv, &a3)
		d3.MulElem(&d3, &sp3)
		back.Mul(w3.T(), &d3)
		sp2.Apply(deriv, &a2)
		d2.MulElem(&back, &sp2)
		dw3.Mul(&d3, a2.T())
		dw2.Mul(&d2, a1.T())
		dw3.Scale(0.1, &dw3)
		w3.Sub(w3, &dw3)
		d3.Scale(0.1, &d3)
		b3.Sub(b3, &d3)
		dw2.Scale(0.1, &dw2)
		w2.Sub(w2, &dw2)
		d2.Scale(0.1, &d2)
		b2.Sub(b2, &d2)
	}
}

// BenchmarkCalibPlainSeed is the second yardstick: the same step as plain
// loops over []float64 for the fixed 2-3-2 shape, with no divergence
// guard or shuffle, as docs/facts.md measured it (0.12 us native, 0.32 us
// in wasm on an idle machine).
func BenchmarkCalibPlainSeed(b *testing.B) {
	w2 := []float64{-0.124, 0.871, 0.692, -0.036, 0.455, 1.239}
	b2 := []float64{-0.923, 0.02, -2.918}
	w3 := []float64{-0.006, 0.295, 0.207, 0.126, 0.399, -0.637}
	b3 := []float64{-0.07, 1.912}
	var a2, d2 [3]float64
	var a3, d3 [2]float64
	pts := NotebookData()
	i := 0
	for b.Loop() {
		p := pts[i%len(pts)]
		i++
		yv, _ := ConvertLabel(p.Label)
		for r := range 3 {
			a2[r] = sigmoid(w2[2*r]*p.X + w2[2*r+1]*p.Y + b2[r])
		}
		for r := range 2 {
			a3[r] = sigmoid(w3[3*r]*a2[0] + w3[3*r+1]*a2[1] + w3[3*r+2]*a2[2] + b3[r])
			d3[r] = (a3[r] - yv[r]) * a3[r] * (1 - a3[r])
		}
		for c := range 3 {
			d2[c] = (w3[c]*d3[0] + w3[3+c]*d3[1]) * a2[c] * (1 - a2[c])
		}
		for r := range 2 {
			for c := range 3 {
				w3[3*r+c] -= 0.1 * d3[r] * a2[c]
			}
			b3[r] -= 0.1 * d3[r]
		}
		for r := range 3 {
			w2[2*r] -= 0.1 * d2[r] * p.X
			w2[2*r+1] -= 0.1 * d2[r] * p.Y
			b2[r] -= 0.1 * d2[r]
		}
	}
}
