package nn

import (
	"fmt"
	"math"
)

// forward runs the forward pass for the point (x, y) in n.one: its input
// column a_1 holds the task's features of (x, y).
func (n *Network) forward(x, y float64) {
	n.cfg.Task.Input(x, y, n.one.a[1])
	n.forwardOne()
}

// output returns a_L of the last forward pass of one point.
func (n *Network) output() []float64 { return n.one.a[n.L()] }

// Forward runs the forward pass for one point and returns the activations
// of every layer: acts[0] = a_1 (the input), acts[L-1] = a_L. The slices
// are owned by n and reused by the next call. Coordinates are expected to
// pass CheckPoints; NaN in gives NaN out.
func (n *Network) Forward(x, y float64) [][]float64 {
	n.forward(x, y)
	return n.acts
}

// Prob is the class-1 score in [0,1] for a point, or for regression the
// predicted value a_L[1]. For classification: with CrossEntropy, the
// softmax output a_L[2]; with Quadratic, clamp(0.5 + (a_L[2]-a_L[1])/2, 0,
// 1). Prob > 0.5 exactly when the network predicts label 1 (a_L[2] >
// a_L[1]), so 0.5 is the decision boundary. Prob never returns NaN: an
// output that overflowed to NaN gives 0.5.
func (n *Network) Prob(x, y float64) float64 {
	n.forward(x, y)
	out := n.output()
	if n.cfg.Task.Problem == Regression {
		return out[0]
	}
	return n.prob(out[0], out[1])
}

// prob turns the output activations a_L = (a1, a2) into Prob's score.
func (n *Network) prob(a1, a2 float64) float64 {
	var p float64
	if n.cfg.Cost == CrossEntropy {
		p = a2
	} else {
		p = 0.5 + (a2-a1)/2
		if p < 0 {
			p = 0
		} else if p > 1 {
			p = 1
		}
	}
	// Rounding may put p on the wrong side of 0.5 when a1 and a2 are a few
	// ulps apart; the prediction (a2 > a1) decides. An output that
	// overflowed to NaN (only absurd weights get there) is undecided: 0.5.
	if a2 > a1 {
		if !(p > 0.5) {
			p = math.Nextafter(0.5, 1)
		}
	} else if !(p <= 0.5) {
		p = 0.5
	}
	return p
}

// argmax returns the index of the largest entry, the first of equals.
func argmax(v []float64) int {
	k := 0
	for j, x := range v {
		if x > v[k] {
			k = j
		}
	}
	return k
}

// Predict returns the label the network gives a point: 1 if a_L[2] >
// a_L[1], else -1; for K classes the label of the largest output. For
// regression it gives the sign of the value (1 for a value above 0, else
// -1).
func (n *Network) Predict(x, y float64) int {
	n.forward(x, y)
	if out := n.output(); n.cfg.Task.Problem == Regression {
		if out[0] > 0 {
			return 1
		}
		return -1
	} else if len(out) > 2 {
		return n.cfg.Task.Label(argmax(out))
	} else if out[1] > out[0] {
		return 1
	}
	return -1
}

// ProbGrid writes Prob(xs[i], ys[j]) (for regression, the value) into out[j*len(xs)+i]. It returns an
// error if len(out) is not len(xs)*len(ys) or a coordinate fails
// CheckPoints' rules. The points go through the network a panel at a
// time; after the first call it does not allocate.
func (n *Network) ProbGrid(xs, ys []float64, out []float64) error {
	if err := checkGrid(xs, ys, out); err != nil {
		return err
	}
	if k := n.cfg.Task.NumClasses(); k > 2 {
		return fmt.Errorf("nn: ProbGrid of %d classes; OutputGrid gives every class's output", k)
	}
	L := n.L()
	n.eachGridPanel(xs, ys, func(p *panel, cell int) {
		a, dst := p.a[L], out[cell:cell+p.m]
		if n.cfg.Task.Problem == Regression {
			copy(dst, a[:len(dst)])
			return
		}
		for k := range dst {
			dst[k] = n.prob(a[k], a[p.m+k])
		}
	})
	return nil
}

// OutputGrid writes the output a_L of the point (xs[i], ys[j]) into
// out[K*(j*len(xs)+i):][:K], for a network of K output neurons: the class
// probabilities of a softmax, for K classes. It returns an error if len(out)
// is not K*len(xs)*len(ys) or a coordinate fails CheckPoints' rules.
func (n *Network) OutputGrid(xs, ys []float64, out []float64) error {
	L := n.L()
	K := n.cfg.Layers[L-1]
	if len(out) != K*len(xs)*len(ys) {
		return fmt.Errorf("nn: output grid has %d values, want %d (%d outputs for %d xs by %d ys)", len(out), K*len(xs)*len(ys), K, len(xs), len(ys))
	}
	if err := checkGrid(xs, ys, out[:len(xs)*len(ys)]); err != nil {
		return err
	}
	n.eachGridPanel(xs, ys, func(p *panel, cell int) {
		a, m := p.a[L], p.m
		for c := range m {
			for r := range K {
				out[(cell+c)*K+r] = a[r*m+c]
			}
		}
	})
	return nil
}

// NeuronGrid is like ProbGrid but writes the activation of neuron i
// (0-based) of layer l (1..L), for per-neuron heatmaps. Layer 1 gives the
// input itself.
func (n *Network) NeuronGrid(l, i int, xs, ys []float64, out []float64) error {
	if l < 1 || l > n.L() {
		return fmt.Errorf("nn: layer %d, want 1 to %d", l, n.L())
	}
	if k := n.cfg.Layers[l-1]; i < 0 || i >= k {
		return fmt.Errorf("nn: neuron %d of layer %d, want 0 to %d", i, l, k-1)
	}
	if err := checkGrid(xs, ys, out); err != nil {
		return err
	}
	n.eachGridPanel(xs, ys, func(p *panel, cell int) {
		copy(out[cell:cell+p.m], p.a[l][i*p.m:(i+1)*p.m])
	})
	return nil
}

// eachGridPanel runs the forward pass over the grid a panel of points at a
// time, and calls emit with each panel and the index of its first cell
// (j*len(xs)+i, row by row).
func (n *Network) eachGridPanel(xs, ys []float64, emit func(p *panel, cell int)) {
	if n.grid == nil {
		n.grid = newPanel(n.cfg.Layers, panelWidth)
	}
	p := n.grid
	var yrow [panelWidth]float64
	for j, y := range ys {
		for start := 0; start < len(xs); start += panelWidth {
			chunk := xs[start:min(start+panelWidth, len(xs))]
			for k := range chunk {
				yrow[k] = y
			}
			p.setInput(n.cfg.Task, chunk, yrow[:len(chunk)])
			n.forwardPanel(p)
			emit(p, j*len(xs)+start)
		}
	}
}

func checkGrid(xs, ys, out []float64) error {
	if len(out) != len(xs)*len(ys) {
		return fmt.Errorf("nn: grid output has %d cells, want %d (%d xs by %d ys)", len(out), len(xs)*len(ys), len(xs), len(ys))
	}
	for i, v := range xs {
		if err := checkCoord("x", v); err != nil {
			return fmt.Errorf("nn: grid xs[%d]: %w", i, err)
		}
	}
	for i, v := range ys {
		if err := checkCoord("y", v); err != nil {
			return fmt.Errorf("nn: grid ys[%d]: %w", i, err)
		}
	}
	return nil
}

// cost returns C_x for the last forward pass against the target column y
// (one-hot for classification).
func (n *Network) cost(y []float64) float64 {
	z, a := n.one.z[n.L()], n.one.a[n.L()]
	if n.cfg.Cost == CrossEntropy && len(z) > 2 {
		// -log a_k = log Σ_j e^(z_j) - z_k for the one-hot label k, with the
		// largest z taken out of the sum so that nothing overflows.
		k, mx := 0, z[0]
		for j, v := range z {
			if y[j] != 0 {
				k = j
			}
			mx = max(mx, v)
		}
		var s float64
		for _, v := range z {
			s += math.Exp(v - mx)
		}
		return mx + math.Log(s) - z[k]
	}
	if n.cfg.Cost == CrossEntropy {
		// -sum y_k log a_k = log(1 + e^(z_o - z_k)) for the one-hot label k
		// and the other output o, computed as a softplus that neither
		// overflows nor loses digits when the cost is small.
		k := 0
		if y[1] != 0 {
			k = 1
		}
		d := z[1-k] - z[k]
		return max(d, 0) + math.Log1p(expNeg(d))
	}
	var s float64
	for k, yk := range y {
		d := a[k] - yk
		s += d * d
	}
	return s / 2
}

// Evaluate returns the mean cost over pts and the fraction classified
// correctly (0 for regression, which has no classes). The penalty of a
// regularisation is not part of the loss. It returns an error for empty
// or invalid points, or if a cost is not finite (the network's output
// overflowed).
func (n *Network) Evaluate(pts []Point) (loss, accuracy float64, err error) {
	if len(pts) == 0 {
		return 0, 0, errNoData
	}
	task := n.cfg.Task
	if err := task.CheckPoints(pts); err != nil {
		return 0, 0, err
	}
	out, y := n.output(), n.one.y
	correct := 0
	for i, p := range pts {
		task.Target(p, y)
		n.forward(p.X, p.Y)
		c := n.cost(y)
		if math.IsNaN(c) || math.IsInf(c, 0) || n.outputBadOne(n.one.z[n.L()], out, y) {
			return 0, 0, fmt.Errorf("nn: cost of point %d is %v: the network's output is not finite", i, c)
		}
		loss += c / float64(len(pts)) // a sum of finite costs could overflow; a mean cannot
		if task.Problem == Classification && argmax(out) == argmax(y) {
			correct++
		}
	}
	return loss, float64(correct) / float64(len(pts)), nil
}
