package nn

import "math"

// stepOneHidden is the online step (forwardOne, backwardOne and
// applyDeltas) for a network with a single hidden layer, 2-h-2: the
// notebook's shape and the playground's default. It exists for speed in
// wasm, where Go's code for the general loops costs more than a small
// network's arithmetic: every jump between basic blocks (each loop
// iteration) goes through the function's dispatch table, and slice
// headers are reloaded from struct fields. Here the two inputs and two
// outputs are written out, every slice is a local of exact length, the
// hidden layer's sigmoid is computed in the loop that sums its z, and the
// backward pass and the update share one loop over the hidden neurons.
//
// The step is split in two functions, forwardOneHidden and
// updateOneHidden, with the rare divergent case here. As one function it
// had about 200 basic blocks and a 360-byte frame, and V8 ran its own code
// (the exponentials aside) about six times slower than the same code
// natively; split, the step takes about 0.9 times as long in wasm, although
// a call there costs some 10 ns.
//
// It performs the same floating-point operations in the same order as the
// general path, so the results are bit for bit the same
// (TestOneHiddenMatchesGeneral checks that), and it leaves n.one holding
// the point's z_l, a_l and delta_l as the general path does. A divergent
// step is undone and names the same matrix as applyDeltas would.
func (g *grads) stepOneHidden(n *Network, x, y, y0, y1, eta, l2 float64) error {
	forwardOneHidden(n, x, y)
	badW3, badB3, badW2, badB2 := g.updateOneHidden(n, y0, y1, eta, l2)
	if badW3+badB3+badW2+badB2 != 0 {
		// Name the first matrix the general path would have found.
		g.restore(n, 2, false)
		switch {
		case badW3 != 0:
			return errDiverged(3, true)
		case badB3 != 0:
			return errDiverged(3, false)
		case badW2 != 0:
			return errDiverged(2, true)
		}
		return errDiverged(2, false)
	}
	return nil
}

// forwardOneHidden is forwardOne for the point (x, y) on a 2-h-2 network.
func forwardOneHidden(n *Network, x, y float64) {
	p := n.one
	h := len(n.lay[2].bd)
	w2, b2 := n.lay[2].wd[:2*h], n.lay[2].bd[:h]
	w3, b3 := n.lay[3].wd[:2*h], n.lay[3].bd[:2]
	z2, a2 := p.z[2][:h], p.a[2][:h]
	in := p.a[1][:2]
	in[0], in[1] = x, y
	act := n.cfg.Activation

	// Layer 2: z_2 = w_2 a_1 + b_2, a_2 = sigma(z_2). The sigmoid is
	// computed in the same loop, with sigmoidVec's arithmetic.
	if act == Sigmoid {
		const (
			invLn2N   = 64 / math.Ln2
			ln2HiN    = 6.93147180369123816490e-01 / 64
			ln2LoN    = 1.90821492927058770002e-10 / 64
			shift     = 0x1.8p52
			shiftBits = 0x4338000000000000
		)
		for i, b := range b2 {
			w := w2[2*i : 2*i+2]
			v := b + w[0]*x + w[1]*y
			z2[i] = v
			ex := -math.Abs(v)
			zs := ex*invLn2N + shift
			k := int64(math.Float64bits(zs) - shiftBits)
			kf := zs - shift
			r := (ex - kf*ln2HiN) - kf*ln2LoN
			q := r + r*r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120+r*(1.0/720)))))
			two := math.Float64frombits(uint64(1023+k>>6) << 52)
			hi, lo := exp2Hi[k&63]*two, exp2Lo[k&63]*two
			e := hi + (lo + hi*q)
			if !(ex >= -708) {
				e = math.Exp(ex)
			}
			num := math.Float64bits(e)
			if v >= 0 {
				num = 0x3ff0000000000000 // 1
			}
			a2[i] = math.Float64frombits(num) / (1 + e)
		}
	} else {
		for i := range z2 {
			w := w2[2*i : 2*i+2]
			z2[i] = b2[i] + w[0]*x + w[1]*y
		}
		act.applyVec(z2, a2)
	}

	// Layer 3: z_3 = w_3 a_2 + b_3, summed in forwardOne's blocks of
	// eight, then four, then one.
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
	z3, a3 := p.z[3][:2], p.a[3][:2]
	z3[0], z3[1] = s0, s1
	if n.cfg.Cost == CrossEntropy {
		softmax2(z3, a3, p.delta[3][:2], 1)
	} else {
		act.applyVec(z3, a3)
	}
}

// updateOneHidden is backwardOne and applyDeltas for a 2-h-2 network
// after forwardOneHidden, for the label (y0, y1): delta_3 = (a_3 - y) *
// sigma'(z_3) (a_3 - y for cross-entropy), delta_2 = (w_3^T delta_3) *
// sigma'(z_2), and the update w_l -= eta*(delta_l a_{l-1}^T + l2*w_l),
// b_l -= eta*delta_l, with w_l and b_l saved in g first. Each entry is
// updated exactly as applyDeltas does, in one loop over the hidden
// neurons: a column of w_3, then a row of w_2. It returns, per matrix, a
// sum that is 0 while the matrix's new entries are finite (v-v is NaN for
// Inf and NaN).
func (g *grads) updateOneHidden(n *Network, y0, y1, eta, l2 float64) (badW3, badB3, badW2, badB2 float64) {
	p := n.one
	h := len(n.lay[2].bd)
	w2, b2 := n.lay[2].wd[:2*h], n.lay[2].bd[:h]
	w3, b3 := n.lay[3].wd[:2*h], n.lay[3].bd[:2]
	a2, d2 := p.a[2][:h], p.delta[2][:h]
	a3, d3 := p.a[3][:2], p.delta[3][:2]
	in := p.a[1][:2]
	x, y := in[0], in[1]
	p.y[0], p.y[1] = y0, y1
	act := n.cfg.Activation

	d3[0], d3[1] = a3[0]-y0, a3[1]-y1
	if n.cfg.Cost != CrossEntropy {
		act.mulDerivVec(a3, d3)
	}
	e0, e1 := d3[0], d3[1]
	ed0, ed1 := eta*e0, eta*e1
	etaL2 := eta * l2
	bw3, bw2, bb2 := g.bw[3][:2*h], g.bw[2][:2*h], g.bb[2][:h]
	w30, w31 := w3[:h], w3[h:]
	bw30, bw31 := bw3[:h], bw3[h:]
	for j, a := range a2 {
		u, v := w30[j], w31[j]
		var s float64
		s += u * e0
		s += v * e1
		bw30[j], bw31[j] = u, v
		u -= ed0*a + etaL2*u
		v -= ed1*a + etaL2*v
		w30[j], w31[j] = u, v
		badW3 += (u - u) + (v - v)

		// delta_2[j], times sigma'(z_2) as mulDerivVec computes it.
		switch act {
		case Sigmoid:
			s *= a * (1 - a)
		case Tanh:
			s *= 1 - a*a
		case ReLU:
			if a <= 0 {
				s = 0
			}
		}
		d2[j] = s

		ed := eta * s
		w, bw := w2[2*j:2*j+2], bw2[2*j:2*j+2]
		o0, o1 := w[0], w[1]
		bw[0], bw[1] = o0, o1
		v0 := o0 - (ed*x + etaL2*o0)
		v1 := o1 - (ed*y + etaL2*o1)
		w[0], w[1] = v0, v1
		badW2 += (v0 - v0) + (v1 - v1)
		old := b2[j]
		bb2[j] = old
		b := old - ed
		b2[j] = b
		badB2 += b - b
	}
	bb3 := g.bb[3][:2]
	bb3[0], bb3[1] = b3[0], b3[1]
	b3[0] -= ed0
	b3[1] -= ed1
	badB3 = (b3[0] - b3[0]) + (b3[1] - b3[1])
	return badW3, badB3, badW2, badB2
}
