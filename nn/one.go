package nn

// The forward and backward pass of a single point, the notebook's case and
// the online step's. They compute what forwardPanel and backwardPanel do
// for a panel of width 1, summing in the same order, but index the flat
// slices directly: in wasm the panels' per-row slicing costs more than a
// 2-3-2 network's arithmetic.

// forwardOne runs the forward pass for n.one's input a_1, filling z_l and
// a_l of every layer (In [10] to In [14]).
func (n *Network) forwardOne() {
	p, L := n.one, n.L()
	for l := 2; l <= L; l++ {
		ly := &n.lay[l]
		rows := len(ly.bd)
		prev := p.a[l-1]
		cols := len(prev)
		w, b, z := ly.wd[:rows*cols], ly.bd[:rows], p.z[l][:rows]
		k := 0
		for i := range z {
			s := b[i]
			j := 0
			for ; j+8 <= cols; j += 8 {
				s += w[k]*prev[j] + w[k+1]*prev[j+1] + w[k+2]*prev[j+2] + w[k+3]*prev[j+3] +
					w[k+4]*prev[j+4] + w[k+5]*prev[j+5] + w[k+6]*prev[j+6] + w[k+7]*prev[j+7]
				k += 8
			}
			if j+4 <= cols {
				s += w[k]*prev[j] + w[k+1]*prev[j+1] + w[k+2]*prev[j+2] + w[k+3]*prev[j+3]
				k += 4
				j += 4
			}
			for ; j < cols; j++ {
				s += w[k] * prev[j]
				k++
			}
			z[i] = s
		}
		if l == L && n.cfg.Cost == CrossEntropy {
			softmax(z, p.a[l][:rows], p.delta[l][:rows], 1)
		} else if l == L && n.cfg.Task.Problem == Regression {
			copy(p.a[l][:rows], z)
		} else {
			n.cfg.Activation.applyVec(z, p.a[l][:rows])
		}
	}
}

// backwardOne computes delta_l for l = L down to 2 from n.one's last
// forward pass and its label n.one.y (In [23] and In [27]).
func (n *Network) backwardOne() {
	p, L := n.one, n.L()
	act := n.cfg.Activation
	out, d, y := p.a[L], p.delta[L], p.y
	switch len(d) {
	case 1:
		d[0] = out[0] - y[0] // a linear output: sigma'(z_L) = 1
	case 2:
		d[0], d[1] = out[0]-y[0], out[1]-y[1]
	default:
		for k := range d {
			d[k] = out[k] - y[k]
		}
	}
	if n.squashedOutput() {
		act.mulDerivVec(out, d)
	}
	for l := L - 1; l >= 2; l-- {
		dn := p.delta[l+1]
		rows, nrows := len(n.lay[l].bd), len(dn)
		w := n.lay[l+1].wd[:nrows*rows] // w[i*rows+j] is w_{l+1}[i,j]
		dl := p.delta[l][:rows]
		for j := range dl {
			var s float64
			i, k := 0, j
			for ; i+8 <= nrows; i += 8 {
				s += w[k]*dn[i] + w[k+rows]*dn[i+1] + w[k+2*rows]*dn[i+2] + w[k+3*rows]*dn[i+3] +
					w[k+4*rows]*dn[i+4] + w[k+5*rows]*dn[i+5] + w[k+6*rows]*dn[i+6] + w[k+7*rows]*dn[i+7]
				k += 8 * rows
			}
			for ; i < nrows; i++ {
				s += w[k] * dn[i]
				k += rows
			}
			dl[j] = s
		}
		act.mulDerivVec(p.a[l][:rows], dl)
	}
}
