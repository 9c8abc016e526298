package nn

import (
	"fmt"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// layer holds one layer's parameters. The slices wd and bd are the backing
// arrays of w and b, so writes through either are seen by both.
type layer struct {
	w, b   *mat.Dense // w_l (n_l x n_{l-1}) and b_l (n_l x 1); nil for layer 1
	wd, bd []float64  // w.RawMatrix().Data and b.RawMatrix().Data, rows contiguous
}

// Network is a fully connected network in the notebook's terms: layer 1 is
// the input, and layers 2..L have weights w_l and biases b_l.
type Network struct {
	cfg  Config
	lay  []layer     // indexed by layer number: lay[1] is the input, lay[L] the output
	one  *panel      // one point's z_l, a_l and delta_l (Forward, Trace, online steps)
	grid *panel      // grid rows (ProbGrid, NeuronGrid), allocated on first use
	acts [][]float64 // acts[i] is one.a[i+1], returned by Forward
}

// New returns a network of the configured shape, its weights and biases
// drawn from a standard normal distribution (the notebook's randn) with
// cfg.Seed; see the package documentation for the exact order.
func New(cfg Config) (*Network, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	n := alloc(cfg.clone())
	n.Reinit(cfg.Seed)
	return n, nil
}

// alloc builds a zero network of a valid configuration.
func alloc(cfg Config) *Network {
	L := len(cfg.Layers)
	n := &Network{cfg: cfg, lay: make([]layer, L+1), one: newPanel(cfg.Layers, 1), acts: make([][]float64, L)}
	n.one.m = 1
	for l := 2; l <= L; l++ {
		rows, cols := cfg.Layers[l-1], cfg.Layers[l-2]
		ly := &n.lay[l]
		ly.wd = make([]float64, rows*cols)
		ly.bd = make([]float64, rows)
		ly.w = mat.NewDense(rows, cols, ly.wd)
		ly.b = mat.NewDense(rows, 1, ly.bd)
	}
	for l := 1; l <= L; l++ {
		n.acts[l-1] = n.one.a[l]
	}
	return n
}

// Config returns a copy of the network's configuration. After Reinit its
// Seed is the seed last drawn from.
func (n *Network) Config() Config { return n.cfg.clone() }

// Activation returns the activation of the hidden layers (and of the output under the
// quadratic cost), without the copy Config makes.
func (n *Network) Activation() Activation { return n.cfg.Activation }

// Cost returns the cost the network trains with.
func (n *Network) Cost() Cost { return n.cfg.Cost }

// Task returns what the network learns: its input features and problem.
// Do not mutate its feature list.
func (n *Network) Task() Task { return n.cfg.Task }

// squashedOutput reports whether the output layer goes through the
// activation, so delta_L has the factor sigma'(z_L): under the quadratic
// cost for classes, not under the softmax or the linear output of
// regression.
func (n *Network) squashedOutput() bool {
	return n.cfg.Cost != CrossEntropy && n.cfg.Task.Problem != Regression
}

// Layers returns the neurons per layer, input to output. Do not mutate it.
func (n *Network) Layers() []int { return n.cfg.Layers }

// L returns the number of layers, input and output included: 3 for 2-3-2.
func (n *Network) L() int { return len(n.cfg.Layers) }

// W returns w_l for 2 <= l <= L (nil otherwise): the live matrix, with one
// row per neuron of layer l and one column per neuron of layer l-1. Writes
// to it change the network; do not resize it.
func (n *Network) W(l int) *mat.Dense {
	if l < 2 || l > n.L() {
		return nil
	}
	return n.lay[l].w
}

// B returns b_l for 2 <= l <= L (nil otherwise): the live n_l x 1 column.
func (n *Network) B(l int) *mat.Dense {
	if l < 2 || l > n.L() {
		return nil
	}
	return n.lay[l].b
}

// Reinit draws every weight and bias again from a standard normal
// distribution with the given seed, and records the seed in Config.
func (n *Network) Reinit(seed uint64) {
	n.cfg.Seed = seed
	r := newRand(seed, InitStream)
	// The notebook draws w_2 and w_3 (In [5], In [6]) before b_2 and b_3.
	for l := 2; l <= n.L(); l++ {
		for i := range n.lay[l].wd {
			n.lay[l].wd[i] = r.NormFloat64()
		}
	}
	for l := 2; l <= n.L(); l++ {
		for i := range n.lay[l].bd {
			n.lay[l].bd[i] = r.NormFloat64()
		}
	}
}

// CopyFrom makes n a copy of src (configuration, weights and biases)
// without allocating. The two networks must have the same shape.
func (n *Network) CopyFrom(src *Network) error {
	if src == nil {
		return fmt.Errorf("nn: CopyFrom a nil network")
	}
	if !slices.Equal(n.cfg.Layers, src.cfg.Layers) {
		return fmt.Errorf("nn: CopyFrom a %s network into a %s network", shapeString(src.cfg.Layers), shapeString(n.cfg.Layers))
	}
	n.cfg.Activation, n.cfg.Cost, n.cfg.Seed, n.cfg.Task = src.cfg.Activation, src.cfg.Cost, src.cfg.Seed, src.cfg.Task
	for l := 2; l <= n.L(); l++ {
		copy(n.lay[l].wd, src.lay[l].wd)
		copy(n.lay[l].bd, src.lay[l].bd)
	}
	return nil
}

// Clone returns an independent copy of n.
func (n *Network) Clone() *Network {
	c := alloc(n.cfg.clone())
	c.CopyFrom(n) //nolint:errcheck // same shape by construction
	return c
}

// shapeString writes a shape as the notebook would say it: "2-3-2".
func shapeString(layers []int) string {
	s := ""
	for i, k := range layers {
		if i > 0 {
			s += "-"
		}
		s += fmt.Sprint(k)
	}
	return s
}
