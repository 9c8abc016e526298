package nn

import "math"

// panelWidth is the most points a panel holds. Grid rows and batches are
// processed in panels of up to this many points, so that the inner loops
// run over points and the per-layer calls are shared by all of them.
const panelWidth = 64

// panel is scratch space for the forward and backward pass of a block of m
// points at once. For each layer l, z[l], a[l] and delta[l] hold row i
// (neuron i) for the m points at [i*m : (i+1)*m]: the notebook's z_l, a_l
// and delta_l with one column per point. a[1] is the input: x's in row 0,
// y's in row 1. y holds the one-hot labels the same way. A panel of width
// 1 is one point's column vectors, exactly as the notebook has them.
type panel struct {
	m           int
	z, a, delta [][]float64 // indexed by layer number; z[1] and delta[1] are nil
	y           []float64
}

// newPanel allocates a panel for up to width points of a network shape.
func newPanel(layers []int, width int) *panel {
	L := len(layers)
	p := &panel{z: make([][]float64, L+1), a: make([][]float64, L+1), delta: make([][]float64, L+1), y: make([]float64, layers[L-1]*width)}
	p.a[1] = make([]float64, layers[0]*width)
	for l := 2; l <= L; l++ {
		k := layers[l-1] * width
		p.z[l], p.a[l], p.delta[l] = make([]float64, k), make([]float64, k), make([]float64, k)
	}
	return p
}

// setInput puts the input columns of the points (xs[k], ys[k]) into the
// panel's a_1: row i holds feature i of the task.
func (p *panel) setInput(t Task, xs, ys []float64) {
	m := len(xs)
	p.m = m
	if len(t.Features) == 0 {
		copy(p.a[1][:m], xs)
		copy(p.a[1][m:2*m], ys)
		return
	}
	for i, f := range t.Features {
		row := p.a[1][i*m : (i+1)*m]
		for k := range row {
			row[k] = f.Of(xs[k], ys[k])
		}
	}
}

// forwardPanel runs the forward pass for the panel's points:
// z_l = w_l a_{l-1} + b_l and a_l = sigma(z_l) (In [10] to In [14]), with
// a softmax output layer under CrossEntropy.
//
// Each z is summed as b + (w_1 a_1 + ... + w_8 a_8) + (w_9 a_9 + ...) + ...:
// eight products at a time, then four if four remain, then one at a time,
// exactly as forwardOne sums it, so a point gives bit for bit the same z in
// a panel as alone. Eight weights per pass over the points cut the loads,
// stores and loop steps per product, which is what costs in wasm.
func (n *Network) forwardPanel(p *panel) {
	m, L := p.m, n.L()
	for l := 2; l <= L; l++ {
		ly := &n.lay[l]
		rows, cols := len(ly.bd), len(ly.wd)/len(ly.bd)
		prev := p.a[l-1][:cols*m]
		z := p.z[l][:rows*m]
		for i := range rows {
			zr := z[i*m : i*m+m]
			b := ly.bd[i]
			for k := range zr {
				zr[k] = b
			}
			row := ly.wd[i*cols : i*cols+cols]
			j := 0
			for ; j+8 <= len(row); j += 8 {
				w := row[j : j+8 : j+8]
				a0 := prev[j*m : j*m+m]
				a1 := prev[(j+1)*m:][:len(a0)]
				a2 := prev[(j+2)*m:][:len(a0)]
				a3 := prev[(j+3)*m:][:len(a0)]
				a4 := prev[(j+4)*m:][:len(a0)]
				a5 := prev[(j+5)*m:][:len(a0)]
				a6 := prev[(j+6)*m:][:len(a0)]
				a7 := prev[(j+7)*m:][:len(a0)]
				zr := zr[:len(a0)]
				for k, v := range a0 {
					zr[k] += w[0]*v + w[1]*a1[k] + w[2]*a2[k] + w[3]*a3[k] + w[4]*a4[k] + w[5]*a5[k] + w[6]*a6[k] + w[7]*a7[k]
				}
			}
			if j+4 <= len(row) {
				w := row[j : j+4 : j+4]
				a0 := prev[j*m : j*m+m]
				a1 := prev[(j+1)*m:][:len(a0)]
				a2 := prev[(j+2)*m:][:len(a0)]
				a3 := prev[(j+3)*m:][:len(a0)]
				zr := zr[:len(a0)]
				for k, v := range a0 {
					zr[k] += w[0]*v + w[1]*a1[k] + w[2]*a2[k] + w[3]*a3[k]
				}
				j += 4
			}
			for ; j < len(row); j++ {
				w := row[j]
				a := prev[j*m : j*m+m]
				zr := zr[:len(a)]
				for k, v := range a {
					zr[k] += w * v
				}
			}
		}
		n.activate(l, z, p.a[l][:rows*m], p.delta[l][:rows*m], m)
	}
}

// activate writes a_l = sigma(z_l) for m points; for the output layer the
// softmax under CrossEntropy (scratch holds 2m values), and a_L = z_L for
// regression.
func (n *Network) activate(l int, z, a, scratch []float64, m int) {
	if l == n.L() && n.cfg.Cost == CrossEntropy {
		softmax(z, a, scratch, m)
	} else if l == n.L() && n.cfg.Task.Problem == Regression {
		copy(a, z)
	} else {
		n.cfg.Activation.applyVec(z, a)
	}
}

// softmax writes the softmax of the output rows of z (len(z)/m of them, for
// m points) into a: softmax2 for two, else each column less its largest
// entry, so that no exponential overflows. scratch holds len(z) values.
func softmax(z, a, scratch []float64, m int) {
	k := len(z) / m
	if k == 2 {
		softmax2(z, a, scratch, m)
		return
	}
	for c := range m {
		mx := z[c]
		for r := 1; r < k; r++ {
			mx = max(mx, z[r*m+c])
		}
		var sum float64
		for r := range k {
			e := math.Exp(z[r*m+c] - mx)
			a[r*m+c] = e
			sum += e
		}
		for r := range k {
			a[r*m+c] /= sum
		}
	}
}

// softmax2 writes the softmax of the two output rows of z into a, using
// scratch (2m values): for two outputs, softmax(z)_i = sigma(z_i - z_o)
// where o is the other output, and the sigmoid computes that without
// overflow.
func softmax2(z, a, scratch []float64, m int) {
	z0, z1 := z[:m], z[m:2*m]
	d0, d1 := scratch[:m], scratch[m:2*m]
	for k, v := range z0 {
		d0[k] = v - z1[k]
		d1[k] = z1[k] - v
	}
	Sigmoid.applyVec(scratch[:2*m], a[:2*m])
}

// backwardPanel computes delta_l for l = L down to 2 from the panel's last
// forward pass and its labels p.y:
//
//	delta_L = (a_L - y) * sigma'(z_L)   (quadratic, In [23])
//	delta_L = a_L - y                   (cross-entropy with softmax)
//	delta_l = (w_{l+1}^T delta_{l+1}) * sigma'(z_l)   (In [27])
//
// The sums in w_{l+1}^T delta_{l+1} take eight terms per pass over the
// points, then one at a time, like backwardOne's.
func (n *Network) backwardPanel(p *panel) {
	m, L := p.m, n.L()
	act := n.cfg.Activation
	k := n.cfg.Layers[L-1] * m
	out, d, y := p.a[L][:k], p.delta[L][:k], p.y[:k]
	for k, a := range out {
		d[k] = a - y[k]
	}
	if n.squashedOutput() {
		act.mulDerivVec(out, d)
	}
	for l := L - 1; l >= 2; l-- {
		w := n.lay[l+1].wd // w[i*rows+j] is w_{l+1}[i,j]
		rows, nrows := len(n.lay[l].bd), len(n.lay[l+1].bd)
		dl := p.delta[l][:rows*m]
		dn := p.delta[l+1][:nrows*m]
		clear(dl)
		for j := range rows {
			t := dl[j*m : j*m+m]
			i := 0
			for ; i+8 <= nrows; i += 8 {
				w0, w1, w2, w3 := w[i*rows+j], w[(i+1)*rows+j], w[(i+2)*rows+j], w[(i+3)*rows+j]
				w4, w5, w6, w7 := w[(i+4)*rows+j], w[(i+5)*rows+j], w[(i+6)*rows+j], w[(i+7)*rows+j]
				d0 := dn[i*m : i*m+m]
				d1 := dn[(i+1)*m:][:len(d0)]
				d2 := dn[(i+2)*m:][:len(d0)]
				d3 := dn[(i+3)*m:][:len(d0)]
				d4 := dn[(i+4)*m:][:len(d0)]
				d5 := dn[(i+5)*m:][:len(d0)]
				d6 := dn[(i+6)*m:][:len(d0)]
				d7 := dn[(i+7)*m:][:len(d0)]
				t := t[:len(d0)]
				for k, v := range d0 {
					t[k] += w0*v + w1*d1[k] + w2*d2[k] + w3*d3[k] + w4*d4[k] + w5*d5[k] + w6*d6[k] + w7*d7[k]
				}
			}
			for ; i < nrows; i++ {
				wi := w[i*rows+j]
				di := dn[i*m : i*m+m]
				t := t[:len(di)]
				for k, v := range di {
					t[k] += wi * v
				}
			}
		}
		act.mulDerivVec(p.a[l][:rows*m], dl)
	}
}

// accumulatePanel adds the panel's gradients, summed over its points, to
// g: dw_l += delta_l a_{l-1}^T (In [31], In [33]) and db_l += delta_l
// (In [28], In [29]). Four entries of dw_l are summed per pass over the
// points.
func (g *grads) accumulatePanel(n *Network, p *panel) {
	m := p.m
	for l := 2; l <= n.L(); l++ {
		rows := len(n.lay[l].bd)
		cols := len(n.lay[l].wd) / rows
		d := p.delta[l][:rows*m]
		prev := p.a[l-1][:cols*m]
		gw, gb := g.gw[l], g.gb[l][:rows]
		for i := range gb {
			dr := d[i*m : i*m+m]
			var sb float64
			for _, v := range dr {
				sb += v
			}
			gb[i] += sb
			row := gw[i*cols : i*cols+cols]
			j := 0
			for ; j+4 <= len(row); j += 4 {
				a0 := prev[j*m:][:len(dr)]
				a1 := prev[(j+1)*m:][:len(dr)]
				a2 := prev[(j+2)*m:][:len(dr)]
				a3 := prev[(j+3)*m:][:len(dr)]
				var s0, s1, s2, s3 float64
				for k, v := range dr {
					s0 += v * a0[k]
					s1 += v * a1[k]
					s2 += v * a2[k]
					s3 += v * a3[k]
				}
				row[j] += s0
				row[j+1] += s1
				row[j+2] += s2
				row[j+3] += s3
			}
			for ; j < len(row); j++ {
				a := prev[j*m:][:len(dr)]
				var s float64
				for k, v := range dr {
					s += v * a[k]
				}
				row[j] += s
			}
		}
	}
}
