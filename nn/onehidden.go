package nn

import "math"

// oneHidden's forward and update are the online step (forwardOne,
// backwardOne and applyDeltas) for a network with a single hidden layer,
// 2-h-2: the notebook's shape and the playground's default. Trainer.Step
// calls them in turn. They exist for speed in wasm, where Go's code for the
// general loops costs more than a small network's arithmetic: every jump
// between basic blocks (each loop iteration) goes through the function's
// dispatch table, a call costs some 10 ns, and slice headers are reloaded
// from struct fields. Here the two inputs and two outputs are written out,
// every slice is a local of exact length, the hidden layer's sigmoid is
// computed in the loop that sums its z, the output layer's in the function
// rather than by a call, and the backward pass and the update share one
// loop over the hidden neurons.
//
// The step is split in two functions. As one function it had about 200
// basic blocks and a 360-byte frame, and V8 ran its own code (the
// exponentials aside) about six times slower than the same code natively;
// split, the step takes about 0.9 times as long in wasm.
//
// They perform the same floating-point operations in the same order as
// the general path, so the results are bit for bit the same
// (TestOneHiddenMatchesGeneral checks that), and they leave n.one holding
// the point's z_l, a_l and delta_l as the general path does. A divergent
// step is undone and names the same matrix as applyDeltas would.

// oneHidden holds the slices the online step of a 2-h-2 network works on,
// taken once from the network, its point panel n.one and the backups in g
// (a network's slices are never reallocated, and a Trainer keeps its
// network). Slicing them per step from the [][]float64 fields, each with
// its bounds checks, took over a thousand wasm instructions per step;
// with them cached the step is about 8% faster in wasm. Pairs are array
// pointers, which need no bounds checks.
type oneHidden struct {
	n                 *Network
	g                 *grads
	w2, b2            []float64 // w_2 (h x 2) and b_2
	w30, w31          []float64 // the rows of w_3 (2 x h)
	z2, a2, d2        []float64 // z_2, a_2, delta_2 in n.one
	bw2, bb2          []float64 // g's backups of w_2 and b_2
	bw30, bw31        []float64 // and of w_3's rows
	b3, bb3           *[2]float64
	in, y, z3, a3, d3 *[2]float64 // a_1, the label, z_3, a_3, delta_3 in n.one
}

// newOneHidden returns the online step's slices for n, a 2-h-2 network,
// with backups in g, a newGrads(n).
func newOneHidden(n *Network, g *grads) *oneHidden {
	p, h := n.one, len(n.lay[2].bd)
	w3, bw3 := n.lay[3].wd, g.bw[3]
	return &oneHidden{
		n: n, g: g,
		w2: n.lay[2].wd, b2: n.lay[2].bd,
		w30: w3[:h], w31: w3[h:],
		z2: p.z[2], a2: p.a[2], d2: p.delta[2],
		bw2: g.bw[2], bb2: g.bb[2],
		bw30: bw3[:h], bw31: bw3[h:],
		b3: (*[2]float64)(n.lay[3].bd), bb3: (*[2]float64)(g.bb[3]),
		in: (*[2]float64)(p.a[1]), y: (*[2]float64)(p.y),
		z3: (*[2]float64)(p.z[3]), a3: (*[2]float64)(p.a[3]), d3: (*[2]float64)(p.delta[3]),
	}
}

// forward is forwardOne for the point (x, y).
func (o *oneHidden) forward(x, y float64) {
	h := len(o.b2)
	w2, b2 := o.w2[:2*h], o.b2
	w30, w31 := o.w30[:h], o.w31[:h]
	z2, a2 := o.z2[:h], o.a2[:h]
	b3, z3, a3 := o.b3, o.z3, o.a3
	o.in[0], o.in[1] = x, y
	act := o.n.cfg.Activation

	// z_3 = w_3 a_2 + b_3 is summed as forwardOne sums it, in blocks of
	// eight products, then four, then one: each block is added up in t0
	// and t1 and then into s0 and s1 after the neurons in flush. A block
	// starts from -0, to which adding x gives x exactly (even x = -0).
	s0, s1 := b3[0], b3[1]
	negZero := math.Float64frombits(1 << 63)
	t0, t1 := negZero, negZero
	// Bit i of flush is set for the last neuron of each block of eight
	// (7 and 15, below n8), of the block of four (n8+3, if four remain) and
	// for each neuron from n4 on, summed one at a time.
	uh := uint(h)
	n8 := uh &^ 7
	n4 := n8 + uh&4
	flush := 0x8080&(1<<n8-1) | (uh&4)<<(n8+1) | (1<<uh-1)&^(1<<n4-1)

	if act == Sigmoid {
		// Layer 2: z_2 = w_2 a_1 + b_2, a_2 = sigma(z_2), computed in one
		// loop with sigmoidVec's arithmetic, and a_2's part of z_3. The
		// sigmoid is written out here and below, not called: one shared
		// function for all three copies measured 10% slower per step in wasm.
		// TestOneHiddenMatchesGeneral keeps the copies bit-identical.
		for i, b := range b2 {
			w := w2[2*i : 2*i+2]
			v := b + w[0]*x + w[1]*y
			z2[i] = v
			ex := -math.Abs(v)
			zs := ex*invLn2N + expShift
			k := int64(math.Float64bits(zs) - expShiftBits)
			kf := zs - expShift
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
			a := math.Float64frombits(num) / (1 + e)
			a2[i] = a
			t0 += w30[i] * a
			t1 += w31[i] * a
			if flush>>i&1 != 0 {
				s0 += t0
				s1 += t1
				t0, t1 = negZero, negZero
			}
		}
	} else {
		for i := range z2 {
			w := w2[2*i : 2*i+2]
			z2[i] = b2[i] + w[0]*x + w[1]*y
		}
		act.applyVec(z2, a2)
		for i, a := range a2 {
			t0 += w30[i] * a
			t1 += w31[i] * a
			if flush>>i&1 != 0 {
				s0 += t0
				s1 += t1
				t0, t1 = negZero, negZero
			}
		}
	}

	z3[0], z3[1] = s0, s1
	switch {
	case o.n.cfg.Cost == CrossEntropy:
		softmax2(z3[:], a3[:], o.d3[:], 1)
	case act == Sigmoid:
		// sigmoidVec's loop, here rather than called: the two calls
		// (applyVec, sigmoidVec) cost about as much as the arithmetic.
		for i, v := range z3 {
			ex := -math.Abs(v)
			zs := ex*invLn2N + expShift
			k := int64(math.Float64bits(zs) - expShiftBits)
			kf := zs - expShift
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
			a3[i] = math.Float64frombits(num) / (1 + e)
		}
	default:
		act.applyVec(z3[:], a3[:])
	}
}

// update is backwardOne and applyDeltas for a 2-h-2 network
// after forward, for the label (y0, y1): delta_3 = (a_3 - y) *
// sigma'(z_3) (a_3 - y for cross-entropy), delta_2 = (w_3^T delta_3) *
// sigma'(z_2), and the update w_l -= eta*(delta_l a_{l-1}^T + l2*w_l)
// (then l1Step's L1 part when l1 is set), b_l -= eta*delta_l, with w_l
// and b_l saved in g first. Each entry is
// updated exactly as applyDeltas does, in one loop over the hidden
// neurons: a column of w_3, then a row of w_2. Per matrix it sums v-v over
// the new entries, which is 0 while they are finite (NaN for Inf and NaN),
// and undoes a divergent step.
func (o *oneHidden) update(y0, y1, eta, l1, l2 float64) error {
	h := len(o.b2)
	w2, b2 := o.w2[:2*h], o.b2
	w30, w31 := o.w30[:h], o.w31[:h]
	a2, d2 := o.a2[:h], o.d2[:h]
	b3, a3, d3 := o.b3, o.a3, o.d3
	x, y := o.in[0], o.in[1]
	o.y[0], o.y[1] = y0, y1
	act := o.n.cfg.Activation

	d3[0], d3[1] = a3[0]-y0, a3[1]-y1
	if o.n.cfg.Cost != CrossEntropy {
		act.mulDerivVec(a3[:], d3[:])
	}
	e0, e1 := d3[0], d3[1]
	ed0, ed1 := eta*e0, eta*e1
	etaL1, etaL2 := eta*l1, eta*l2
	var badW3, badW2, badB2 float64
	bw2, bb2 := o.bw2[:2*h], o.bb2[:h]
	bw30, bw31 := o.bw30[:h], o.bw31[:h]
	for j, a := range a2 {
		u, v := w30[j], w31[j]
		var s float64
		s += u * e0
		s += v * e1
		bw30[j], bw31[j] = u, v
		u -= ed0*a + etaL2*u
		v -= ed1*a + etaL2*v
		if etaL1 != 0 {
			u, v = l1Step(bw30[j], u, etaL1), l1Step(bw31[j], v, etaL1)
		}
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
		if etaL1 != 0 {
			v0, v1 = l1Step(o0, v0, etaL1), l1Step(o1, v1, etaL1)
		}
		w[0], w[1] = v0, v1
		badW2 += (v0 - v0) + (v1 - v1)
		old := b2[j]
		bb2[j] = old
		b := old - ed
		b2[j] = b
		badB2 += b - b
	}
	bb3 := o.bb3
	bb3[0], bb3[1] = b3[0], b3[1]
	b3[0] -= ed0
	b3[1] -= ed1
	badB3 := (b3[0] - b3[0]) + (b3[1] - b3[1])
	if badW3+badB3+badW2+badB2 != 0 {
		return o.g.undoOneHidden(o.n, badW3, badB3, badW2)
	}
	return nil
}

// undoOneHidden restores a 2-h-2 network after a divergent step and names
// the first matrix the general path would have found non-finite. It is a
// function of its own to keep the rare case out of update's
// blocks.
func (g *grads) undoOneHidden(n *Network, badW3, badB3, badW2 float64) error {
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
