package nn

// stepOneHidden is the online step (forwardOne, backwardOne and
// applyDeltas) for a network with a single hidden layer, 2-h-2: the
// notebook's shape and the playground's default. It exists for speed in
// wasm, where Go's code for the general loops costs more than a small
// network's arithmetic: loops of two or three iterations, bounds checks,
// and slice headers reloaded from struct fields. Here the two inputs and
// two outputs are written out, every slice is a local of exact length, and
// the activation is chosen once, outside the loops. BenchmarkTrainSeed
// measures it.
//
// It performs the same floating-point operations in the same order as the
// general path, so the results are bit for bit the same
// (TestOneHiddenMatchesGeneral checks that), and it leaves n.one holding
// the point's z_l, a_l and delta_l as the general path does. A divergent
// step is undone and reported as by applyDeltas.
func (g *grads) stepOneHidden(n *Network, x, y, y0, y1, eta, l2 float64) error {
	p := n.one
	h := len(n.lay[2].bd)
	w2, b2 := n.lay[2].wd[:2*h], n.lay[2].bd[:h]
	w3, b3 := n.lay[3].wd[:2*h], n.lay[3].bd[:2]
	z2, a2, d2 := p.z[2][:h], p.a[2][:h], p.delta[2][:h]
	z3, a3, d3 := p.z[3][:2], p.a[3][:2], p.delta[3][:2]
	in := p.a[1][:2]
	in[0], in[1] = x, y
	p.y[0], p.y[1] = y0, y1
	act := n.cfg.Activation

	// Forward, layer 2: z_2 = w_2 a_1 + b_2, a_2 = sigma(z_2).
	for i := range z2 {
		w := w2[2*i : 2*i+2]
		z2[i] = b2[i] + w[0]*x + w[1]*y
	}
	act.applyVec(z2, a2)

	// Forward, layer 3: z_3 = w_3 a_2 + b_3, summed in forwardOne's blocks
	// of eight, then four, then one.
	w30, w31 := w3[:h], w3[h:]
	s0, s1 := b3[0], b3[1]
	j := 0
	for ; j+8 <= h; j += 8 {
		a, u, v := a2[j:j+8], w30[j:j+8], w31[j:j+8]
		s0 += u[0]*a[0] + u[1]*a[1] + u[2]*a[2] + u[3]*a[3] + u[4]*a[4] + u[5]*a[5] + u[6]*a[6] + u[7]*a[7]
		s1 += v[0]*a[0] + v[1]*a[1] + v[2]*a[2] + v[3]*a[3] + v[4]*a[4] + v[5]*a[5] + v[6]*a[6] + v[7]*a[7]
	}
	if j+4 <= h {
		a, u, v := a2[j:j+4], w30[j:j+4], w31[j:j+4]
		s0 += u[0]*a[0] + u[1]*a[1] + u[2]*a[2] + u[3]*a[3]
		s1 += v[0]*a[0] + v[1]*a[1] + v[2]*a[2] + v[3]*a[3]
		j += 4
	}
	for ; j < h; j++ {
		s0 += w30[j] * a2[j]
		s1 += w31[j] * a2[j]
	}
	z3[0], z3[1] = s0, s1
	if n.cfg.Cost == CrossEntropy {
		softmax2(z3, a3, d3, 1)
	} else {
		act.applyVec(z3, a3)
	}

	// Backward: delta_3 = (a_3 - y) * sigma'(z_3) (a_3 - y for
	// cross-entropy), delta_2 = (w_3^T delta_3) * sigma'(z_2).
	d3[0], d3[1] = a3[0]-y0, a3[1]-y1
	if n.cfg.Cost != CrossEntropy {
		act.mulDerivVec(a3, d3)
	}
	e0, e1 := d3[0], d3[1]
	for j := range d2 {
		var s float64
		s += w30[j] * e0
		s += w31[j] * e1
		d2[j] = s
	}
	act.mulDerivVec(a2, d2)

	// Update, layer 3 before layer 2 as applyDeltas does.
	etaL2 := eta * l2
	bw3, bb3 := g.bw[3][:2*h], g.bb[3][:2]
	var bad float64 // stays 0 while every result is finite: v-v is NaN for Inf and NaN
	for i, d := range d3 {
		ed := eta * d
		w, bw := w3[i*h:i*h+h], bw3[i*h:i*h+h]
		for j, a := range a2 {
			old := w[j]
			bw[j] = old
			v := old - (ed*a + etaL2*old)
			w[j] = v
			bad += v - v
		}
	}
	if bad != 0 {
		return g.undo(n, 3, true)
	}
	for i, d := range d3 {
		old := b3[i]
		bb3[i] = old
		v := old - eta*d
		b3[i] = v
		bad += v - v
	}
	if bad != 0 {
		return g.undo(n, 3, false)
	}
	bw2, bb2 := g.bw[2][:2*h], g.bb[2][:h]
	for i, d := range d2 {
		ed := eta * d
		w, bw := w2[2*i:2*i+2], bw2[2*i:2*i+2]
		o0, o1 := w[0], w[1]
		bw[0], bw[1] = o0, o1
		v0 := o0 - (ed*x + etaL2*o0)
		v1 := o1 - (ed*y + etaL2*o1)
		w[0], w[1] = v0, v1
		bad += v0 - v0
		bad += v1 - v1
	}
	if bad != 0 {
		return g.undo(n, 2, true)
	}
	for i, d := range d2 {
		old := b2[i]
		bb2[i] = old
		v := old - eta*d
		b2[i] = v
		bad += v - v
	}
	if bad != 0 {
		return g.undo(n, 2, false)
	}
	return nil
}
