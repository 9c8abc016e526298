package nn

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// Mode says how many points one gradient step averages over.
type Mode int

// The training modes.
const (
	// Online takes one point per step, as the notebook does.
	Online Mode = iota
	// MiniBatch averages the gradient over TrainConfig.Batch points per step.
	MiniBatch
	// FullBatch averages the gradient over all points: one step per epoch.
	FullBatch
)

var modeNames = [...]string{Online: "online", MiniBatch: "minibatch", FullBatch: "batch"}

// String returns the mode's name: "online", "minibatch" or "batch".
func (m Mode) String() string {
	if m.valid() {
		return modeNames[m]
	}
	return fmt.Sprintf("Mode(%d)", int(m))
}

func (m Mode) valid() bool { return m >= 0 && int(m) < len(modeNames) }

// ParseMode returns the mode with the given name (as String writes it).
func ParseMode(s string) (Mode, error) {
	for i, name := range modeNames {
		if s == name {
			return Mode(i), nil
		}
	}
	return 0, fmt.Errorf("nn: unknown mode %q (valid: %s)", s, joinNames(modeNames[:]))
}

// Limits of the training settings. They are the one source of truth: the
// app's address, its configure call and its settings check all use
// TrainConfig.Validate or the Check functions below.
const (
	MaxStepSize = 100  // the largest step size (learning rate)
	MaxBatch    = 2000 // the largest mini-batch
	MaxRegRate  = 10   // the largest regularization rate (λ)
)

// TrainConfig holds the settings of gradient descent.
type TrainConfig struct {
	StepSize float64 // the notebook's step_size; default 0.1; in (0, MaxStepSize]
	Mode     Mode
	Batch    int // mini-batch size: 1..MaxBatch under MiniBatch, at most MaxBatch otherwise
	// Reg is the penalty on the weights (not the biases) and RegRate its rate λ, in
	// [0, MaxRegRate]: see Regularization.
	Reg     Regularization
	RegRate float64
	Seed    uint64 // shuffle seed for epoch order
}

// DefaultTrainConfig is the notebook's step: step size 0.1, online, with
// Batch 10 ready for MiniBatch, no penalty, seed 1.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{StepSize: 0.1, Mode: Online, Batch: 10, Reg: NoReg, RegRate: 0, Seed: 1}
}

// Validate reports a step size outside (0, MaxStepSize], an unknown mode, a
// batch size above MaxBatch or (for MiniBatch) below 1, an unknown
// penalty or a regularization rate outside [0, MaxRegRate].
func (c TrainConfig) Validate() error {
	if err := CheckStepSize(c.StepSize); err != nil {
		return fmt.Errorf("nn: %w", err)
	}
	if !c.Mode.valid() {
		return fmt.Errorf("nn: unknown mode %d (valid: %s)", int(c.Mode), joinNames(modeNames[:]))
	}
	if c.Mode == MiniBatch || c.Batch > MaxBatch {
		if err := CheckBatch(c.Batch); err != nil {
			return fmt.Errorf("nn: %w", err)
		}
	}
	if !c.Reg.valid() {
		return fmt.Errorf("nn: unknown regularization %d (valid: %s)", int(c.Reg), joinNames(regNames[:]))
	}
	if err := CheckRegRate(c.RegRate); err != nil {
		return fmt.Errorf("nn: %w", err)
	}
	return nil
}

// CheckStepSize reports a step size that is not a number in (0, MaxStepSize].
func CheckStepSize(s float64) error {
	if !(s > 0 && s <= MaxStepSize) {
		return fmt.Errorf("step size is %v, want a number above 0 and at most %d", s, MaxStepSize)
	}
	return nil
}

// CheckBatch reports a batch size outside 1..MaxBatch.
func CheckBatch(b int) error {
	if b < 1 || b > MaxBatch {
		return fmt.Errorf("batch size is %d, want a whole number from 1 to %d", b, MaxBatch)
	}
	return nil
}

// Trainer applies gradient steps to a network over a dataset. The points
// of each epoch are visited in an order shuffled from TrainConfig.Seed.
type Trainer struct {
	n     *Network
	cfg   TrainConfig
	g     *grads
	oh    *oneHidden // the online step's slices for a 2-h-2 network, else nil
	p     *panel     // a block of the batch's points
	data  []Point
	in    []float64 // the input columns a_1 of data, one after another
	ys    []float64 // the targets y of data (one-hot labels or values), one after another
	order []int     // this epoch's order of data
	pos   int       // next index into order
	pcg   *rand.PCG // draws the epoch orders (see shuffle)
	steps int
	epoch int
	// moved says the last Step succeeded, so that g's backups hold the weights before it
	// (see LastGradient).
	moved bool
	ckpt  *checkpoints // weights to go back to after a divergence (see Recover)
	// lastLoss is the loss Recover found for the weights it brought back.
	lastLoss float64
}

// NewTrainer returns a trainer for n with no data yet (see SetData).
func NewTrainer(n *Network, cfg TrainConfig) (*Trainer, error) {
	if n == nil {
		return nil, fmt.Errorf("nn: NewTrainer with a nil network")
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	t := &Trainer{n: n, cfg: cfg, g: newGrads(n), p: newPanel(n.cfg.Layers, panelWidth), pcg: rand.NewPCG(cfg.Seed, ShuffleStream), ckpt: newCheckpoints(n)}
	if n.L() == 3 && n.cfg.Task.plain() {
		t.oh = newOneHidden(n, t.g)
	}
	return t, nil
}

// Network returns the network being trained.
func (t *Trainer) Network() *Network { return t.n }

// Config returns the training settings.
func (t *Trainer) Config() TrainConfig { return t.cfg }

// SetConfig changes the settings from the next step on. Counters and the
// position in the epoch are kept; a new Seed reshuffles the epoch order
// from the start. On error nothing changes.
func (t *Trainer) SetConfig(cfg TrainConfig) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	reseed := cfg.Seed != t.cfg.Seed
	if cfg.StepSize != t.cfg.StepSize {
		t.moved = false // LastGradient divides by the step size of the step
	}
	t.cfg = cfg
	if reseed {
		t.restart()
	}
	return nil
}

// SetData replaces the dataset with a copy of pts, checked by the
// network's Task.CheckPoints (an empty slice is an error). The epoch
// starts again in an order shuffled from Seed; Steps and Epoch keep
// counting.
func (t *Trainer) SetData(pts []Point) error {
	if len(pts) == 0 {
		return errNoData
	}
	task := t.n.cfg.Task
	if err := task.CheckPoints(pts); err != nil {
		return err
	}
	t.data = append(t.data[:0], pts...)
	ni, no := task.Inputs(), task.Outputs()
	t.in = slices.Grow(t.in[:0], len(pts)*ni)[:len(pts)*ni]
	t.ys = slices.Grow(t.ys[:0], len(pts)*no)[:len(pts)*no]
	for i, p := range pts {
		task.Input(p.X, p.Y, t.in[i*ni:(i+1)*ni])
		task.Target(p, t.ys[i*no:(i+1)*no])
	}
	t.restart()
	return nil
}

// Reset sets Steps and Epoch to 0 and reshuffles the epoch order from
// Seed. It does not touch the weights.
func (t *Trainer) Reset() {
	t.steps, t.epoch = 0, 0
	t.moved = false
	t.ckpt.clear()
	t.restart()
}

// restart begins an epoch in the order a fresh generator from Seed gives.
func (t *Trainer) restart() {
	t.pcg.Seed(t.cfg.Seed, ShuffleStream)
	t.order = t.order[:0]
	for i := range t.data {
		t.order = append(t.order, i)
	}
	shuffle(t.order, t.pcg)
	t.pos = 0
}

// Steps returns the number of updates applied since creation or Reset.
func (t *Trainer) Steps() int { return t.steps }

// CountStep counts one update applied to the network from outside the trainer (such as a
// step on one chosen point, shown stage by stage): Steps goes up by one, and the epoch's
// order and position stay as they are.
func (t *Trainer) CountStep() { t.steps++ }

// Epoch returns the number of completed passes over the data.
func (t *Trainer) Epoch() int { return t.epoch }

// Step performs exactly one gradient update: one point (Online), the next
// Batch points of the epoch (MiniBatch; the last batch of an epoch may be
// smaller), or all points (FullBatch). The step diverges if the output z_L
// or the cost of one of its points is not finite, or if the update
// produces a NaN or infinite weight: the network and the trainer are then
// restored to their state before the step, and a *DivergedError (which
// wraps ErrDiverged) names the point or the matrix. Recover then finds
// weights with a finite loss. Step does not allocate.
func (t *Trainer) Step() error {
	if len(t.data) == 0 {
		return fmt.Errorf("nn: Step without data (call SetData first)")
	}
	t.maybeSave()
	n, cfg := t.n, t.cfg
	l1, l2 := cfg.penaltyRates()
	var err error
	switch cfg.Mode {
	case Online:
		i := t.order[t.pos]
		if t.oh != nil {
			y0, y1 := t.ys[2*i], t.ys[2*i+1]
			t.oh.forward(t.data[i].X, t.data[i].Y)
			z, a := t.oh.z3, t.oh.a3
			if outputBad(n.cfg.Cost, z[0], z[1], a[0], a[1], y0, y1) {
				err = errOutput(i)
			} else {
				err = t.oh.update(y0, y1, cfg.StepSize, l1, l2)
			}
		} else {
			one, L := n.one, n.L()
			ni, no := len(one.a[1]), len(one.y)
			copy(one.a[1], t.in[i*ni:(i+1)*ni])
			copy(one.y, t.ys[i*no:(i+1)*no])
			n.forwardOne()
			if n.outputBadOne(one.z[L], one.a[L], one.y) {
				err = errOutput(i)
			} else {
				n.backwardOne()
				err = t.g.applyDeltas(n, cfg.StepSize, l1, l2)
			}
		}
		if err == nil {
			t.advance(1)
		}
	case MiniBatch:
		m := min(cfg.Batch, len(t.order)-t.pos)
		err = t.batchStep(t.order[t.pos : t.pos+m])
		if err == nil {
			t.advance(m)
		}
	case FullBatch:
		err = t.batchStep(nil)
		if err == nil {
			t.steps++
			t.epoch++
		}
	}
	t.moved = err == nil
	if err != nil {
		t.stepFailed(err)
	}
	return err
}

// LastGradient writes into dw, row by row, the gradient by which the last Step moved w_l: the
// notebook's dw_l (averaged over the step's points) plus the regulariser's term, and reports
// whether there is one: false before the first step, after a step that diverged, after
// Reset and a new step size, and for a layer l out of 2..L or a dw too short for w_l. The step does no
// extra work for it: it is worked out from the weights before the step, which Step keeps to
// undo a divergent one, as (w_l before − w_l after) / step_size, exact to rounding. It is
// the caller's to know that nothing else changed the network's weights since the step. It
// does not allocate.
func (t *Trainer) LastGradient(l int, dw []float64) bool {
	if !t.moved || l < 2 || l > t.n.L() {
		return false
	}
	w, before := t.n.lay[l].wd, t.g.bw[l]
	if len(dw) < len(w) {
		return false
	}
	inv := 1 / t.cfg.StepSize
	for i, v := range w {
		dw[i] = (before[i] - v) * inv
	}
	return true
}

// stepFailed numbers the divergent step in its error. It is out of line to
// keep Step's common path short.
//
//go:noinline
func (t *Trainer) stepFailed(err error) {
	if d := AsDiverged(err); d != nil {
		d.Step = t.steps + 1
	}
}

// batchStep averages the gradient over the points idx (all points if idx
// is nil) and applies it. The points go through the network a panel at a
// time.
func (t *Trainer) batchStep(idx []int) error {
	n, g, p := t.n, t.g, t.p
	g.clearGrads()
	m := len(idx)
	if idx == nil {
		m = len(t.data)
	}
	for start := 0; start < m; start += panelWidth {
		w := min(panelWidth, m-start)
		p.m = w
		in, y := p.a[1], p.y
		ni, no := n.cfg.Layers[0], n.cfg.Layers[n.L()-1]
		for k := range w {
			i := start + k
			if idx != nil {
				i = idx[i]
			}
			for r, v := range t.in[i*ni : (i+1)*ni] {
				in[r*w+k] = v
			}
			for r, v := range t.ys[i*no : (i+1)*no] {
				y[r*w+k] = v
			}
		}
		n.forwardPanel(p)
		if k := n.panelOutputBad(p); k >= 0 {
			i := start + k
			if idx != nil {
				i = idx[i]
			}
			return errOutput(i)
		}
		n.backwardPanel(p)
		g.accumulatePanel(n, p)
	}
	l1, l2 := t.cfg.penaltyRates()
	return g.applyGrads(n, t.cfg.StepSize, 1/float64(m), l1, l2)
}

// advance moves past m points of the epoch, reshuffling when it completes.
// The reshuffle is a function of its own so that advance is inlined into
// Step: in wasm a call costs about as much as a tenth of an online step.
func (t *Trainer) advance(m int) {
	t.steps++
	t.pos += m
	if t.pos >= len(t.order) {
		t.nextEpoch()
	}
}

// nextEpoch starts the next epoch in a new order. It is kept out of line
// so that advance stays small enough to inline.
//
//go:noinline
func (t *Trainer) nextEpoch() {
	t.epoch++
	t.pos = 0
	shuffle(t.order, t.pcg)
}
