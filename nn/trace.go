package nn

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Trace lists the notebook's matrices of one online training step, in the
// order the notebook computes them. For a network with L layers the names
// are:
//
//	a_1, then z_l, a_l for l = 2..L             (forward pass, In [9] to In [14])
//	y, C_x, dC_da_L                             (label and cost, In [18] to In [20])
//	sigma_prime_L, delta_L                      (In [22], In [23])
//	sigma_prime_l, delta_l for l = L-1 down to 2 (In [26], In [27])
//	db_L ... db_2, dw_L ... dw_2                (In [28] to In [33])
//	w_l_new, b_l_new for l = L down to 2        (after the step, In [34])
//	a_L_new                                     (the output after the step, In [37])
//
// With L = 3 these are the notebook's names (a_3, delta_2, dw_3, ...).
// Column vectors are n x 1 and C_x is 1 x 1.
//
// dC_da_L is dC_x/da_L: a_L - y for the quadratic cost, and -y/a_L for
// cross-entropy (0 where y is 0; a_L is kept above 1e-300 so the entry
// stays finite). Under cross-entropy the softmax is folded into delta_L =
// a_L - y, so there is no sigma_prime_L entry.
//
// A trace of a step with a penalty (TraceStep) also has, after dw_2, the
// penalty's gradient for each w_l, l = L down to 2, which the update adds
// to dw_l: l2_w_l = λ·w_l under L2, l1_w_l = λ·sign(w_l) under L1 (see
// Regularization). Trace has none.
type Trace struct {
	Entries []TraceEntry
}

// TraceEntry is one named matrix of a Trace.
type TraceEntry struct {
	Name string
	M    *mat.Dense
}

// Get returns the matrix with the given name, or nil if there is none.
func (t *Trace) Get(name string) *mat.Dense {
	for _, e := range t.Entries {
		if e.Name == name {
			return e.M
		}
	}
	return nil
}

func (t *Trace) add(name string, m *mat.Dense) { t.Entries = append(t.Entries, TraceEntry{name, m}) }

// addCol appends a copy of v as an n x 1 column.
func (t *Trace) addCol(name string, v []float64) {
	t.add(name, mat.NewDense(len(v), 1, append([]float64(nil), v...)))
}

// Trace computes every intermediate of one online training step on p with
// stepSize (the notebook's step_size), without changing n: the step is
// taken on a copy. It returns an error for an invalid point or step size,
// a wrapped ErrDiverged if the step would make a weight non-finite, or an
// error naming the first entry that is not finite (only networks whose
// weights are large enough to overflow get there).
func (n *Network) Trace(p Point, stepSize float64) (*Trace, error) {
	return n.TraceStep(p, TrainConfig{StepSize: stepSize})
}

// TraceStep is Trace for the online step of cfg: its step size, and its
// penalty and rate (cfg.Reg, cfg.RegRate) as Trainer.Step applies them.
// cfg's other fields are not used.
func (n *Network) TraceStep(p Point, cfg TrainConfig) (*Trace, error) {
	if err := n.cfg.Task.CheckPoints([]Point{p}); err != nil {
		return nil, err
	}
	stepSize := cfg.StepSize
	if err := CheckStepSize(stepSize); err != nil {
		return nil, fmt.Errorf("nn: %w", err)
	}
	if !cfg.Reg.valid() {
		return nil, fmt.Errorf("nn: unknown regularization %d (valid: %s)", int(cfg.Reg), joinNames(regNames[:]))
	}
	if err := CheckRegRate(cfg.RegRate); err != nil {
		return nil, fmt.Errorf("nn: %w", err)
	}
	y := make([]float64, n.cfg.Task.Outputs())
	n.cfg.Task.Target(p, y)
	c := n.Clone()
	L := c.L()
	act := c.cfg.Activation
	t := &Trace{}

	c.forward(p.X, p.Y)
	t.addCol("a_1", c.one.a[1])
	for l := 2; l <= L; l++ {
		t.addCol(fmt.Sprintf("z_%d", l), c.one.z[l])
		t.addCol(fmt.Sprintf("a_%d", l), c.one.a[l])
	}
	t.addCol("y", y)
	t.add("C_x", mat.NewDense(1, 1, []float64{c.cost(y)}))

	c.backward(y)
	out := c.one.a[L]
	dCda := make([]float64, len(y))
	for k := range dCda {
		if c.cfg.Cost == CrossEntropy {
			if y[k] != 0 {
				dCda[k] = -y[k] / math.Max(out[k], 1e-300)
			}
		} else {
			dCda[k] = out[k] - y[k]
		}
	}
	t.addCol(fmt.Sprintf("dC_da_%d", L), dCda)
	sigmaPrime := func(l int) []float64 {
		s := make([]float64, len(c.one.a[l]))
		for i, a := range c.one.a[l] {
			s[i] = act.Deriv(c.one.z[l][i], a)
		}
		return s
	}
	if c.squashedOutput() {
		t.addCol(fmt.Sprintf("sigma_prime_%d", L), sigmaPrime(L))
	}
	t.addCol(fmt.Sprintf("delta_%d", L), c.one.delta[L])
	for l := L - 1; l >= 2; l-- {
		t.addCol(fmt.Sprintf("sigma_prime_%d", l), sigmaPrime(l))
		t.addCol(fmt.Sprintf("delta_%d", l), c.one.delta[l])
	}
	for l := L; l >= 2; l-- {
		t.addCol(fmt.Sprintf("db_%d", l), c.one.delta[l])
	}
	for l := L; l >= 2; l-- {
		dw := mat.NewDense(len(c.one.delta[l]), len(c.one.a[l-1]), nil)
		dw.Outer(1, mat.NewVecDense(len(c.one.delta[l]), c.one.delta[l]), mat.NewVecDense(len(c.one.a[l-1]), c.one.a[l-1]))
		t.add(fmt.Sprintf("dw_%d", l), dw)
	}

	if cfg.Reg != NoReg {
		for l := L; l >= 2; l-- {
			pen := mat.DenseCopyOf(c.lay[l].w)
			pen.Apply(func(_, _ int, w float64) float64 { return cfg.PenaltyGrad(w) }, pen)
			t.add(fmt.Sprintf("%s_w_%d", cfg.Reg, l), pen)
		}
	}
	l1, l2 := cfg.penaltyRates()
	if err := newGrads(c).applyDeltas(c, stepSize, l1, l2); err != nil {
		return nil, err
	}
	for l := L; l >= 2; l-- {
		t.add(fmt.Sprintf("w_%d_new", l), mat.DenseCopyOf(c.lay[l].w))
		t.add(fmt.Sprintf("b_%d_new", l), mat.DenseCopyOf(c.lay[l].b))
	}
	c.forward(p.X, p.Y)
	t.addCol(fmt.Sprintf("a_%d_new", L), c.one.a[L])
	for _, e := range t.Entries {
		for _, v := range e.M.RawMatrix().Data {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("nn: trace: %s has the entry %v (the network's output overflowed)", e.Name, v)
			}
		}
	}
	return t, nil
}
