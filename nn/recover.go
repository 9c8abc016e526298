package nn

// Checkpoints: every checkpointEvery steps a Trainer copies the weights
// into a ring of checkpointRing saved sets, and it keeps the weights it
// started from (at step 0) apart. Copying the notebook's 17 numbers every
// few steps costs next to nothing; a check of the loss over all the data
// would cost a forward pass per point, so checkpoints are only checked
// when they are needed, by Recover.
const (
	checkpointEvery = 16
	checkpointRing  = 4
)

// checkpoint is a copy of a network's weights and biases at a step.
type checkpoint struct {
	step int
	ok   bool
	w, b [][]float64 // indexed by layer number
}

func newCheckpoint(n *Network) checkpoint {
	c := checkpoint{w: make([][]float64, n.L()+1), b: make([][]float64, n.L()+1)}
	for l := 2; l <= n.L(); l++ {
		c.w[l] = make([]float64, len(n.lay[l].wd))
		c.b[l] = make([]float64, len(n.lay[l].bd))
	}
	return c
}

func (c *checkpoint) save(n *Network, step int) {
	for l := 2; l <= n.L(); l++ {
		copy(c.w[l], n.lay[l].wd)
		copy(c.b[l], n.lay[l].bd)
	}
	c.step, c.ok = step, true
}

func (c *checkpoint) load(n *Network) {
	for l := 2; l <= n.L(); l++ {
		copy(n.lay[l].wd, c.w[l])
		copy(n.lay[l].bd, c.b[l])
	}
}

// checkpoints holds the weights at step 0 and the last few multiples of
// checkpointEvery.
type checkpoints struct {
	start checkpoint
	ring  [checkpointRing]checkpoint
	next  int // the ring's slot to write next
	tmp   checkpoint
}

func newCheckpoints(n *Network) *checkpoints {
	c := &checkpoints{start: newCheckpoint(n), tmp: newCheckpoint(n)}
	for i := range c.ring {
		c.ring[i] = newCheckpoint(n)
	}
	return c
}

// clear forgets every checkpoint (the step numbers start again).
func (c *checkpoints) clear() {
	c.start.ok = false
	for i := range c.ring {
		c.ring[i].ok = false
	}
	c.next = 0
}

// maybeSave records the weights before step+1 if step is 0 or a multiple
// of checkpointEvery.
func (t *Trainer) maybeSave() {
	s := t.steps
	if s%checkpointEvery != 0 {
		return
	}
	c := t.ckpt
	if s == 0 {
		c.start.save(t.n, 0)
		return
	}
	c.ring[c.next].save(t.n, s)
	c.next = (c.next + 1) % checkpointRing
}

// Recovery says which weights Recover brought back.
type Recovery struct {
	// Step is the step whose weights are back (Steps() is set to it), or -1
	// if no weights with a finite loss were kept and the network was
	// initialised again from its seed (Steps() is then 0).
	Step int
	// Loss is the mean cost of the weights now in the network over the data.
	Loss float64
}

// Recover makes the network hold weights whose loss over the trainer's
// data is finite, after Step returned ErrDiverged or the loss was found
// not finite. It keeps the weights now in the network if their loss is
// finite; else it brings back the newest checkpoint (taken every few
// steps, and at step 0) whose loss is finite, and sets Steps to that
// checkpoint's step; else it initialises the network again from its seed
// and sets Steps to 0. Without data it does nothing.
func (t *Trainer) Recover() Recovery {
	if len(t.data) == 0 {
		return Recovery{Step: t.steps}
	}
	if loss, ok := t.lossFinite(); ok {
		return Recovery{Step: t.steps, Loss: loss}
	}
	c := t.ckpt
	c.tmp.save(t.n, t.steps) // to put back if nothing better is found
	for i := range checkpointRing {
		k := &c.ring[(c.next-1-i+2*checkpointRing)%checkpointRing]
		if t.tryCheckpoint(k) {
			return Recovery{Step: t.steps, Loss: t.lastLoss}
		}
	}
	if t.tryCheckpoint(&c.start) {
		return Recovery{Step: t.steps, Loss: t.lastLoss}
	}
	t.n.Reinit(t.n.cfg.Seed)
	loss, _ := t.lossFinite()
	t.Reset()
	c.clear()
	return Recovery{Step: -1, Loss: loss}
}

// tryCheckpoint loads k if it is set, is not after the current step and
// its loss is finite, and moves Steps back to its step.
func (t *Trainer) tryCheckpoint(k *checkpoint) bool {
	if !k.ok || k.step > t.steps {
		return false
	}
	k.load(t.n)
	if loss, ok := t.lossFinite(); ok {
		t.steps, t.lastLoss = k.step, loss
		// Checkpoints after this step are no longer in this run's past.
		c := t.ckpt
		for i := range c.ring {
			if c.ring[i].step > k.step {
				c.ring[i].ok = false
			}
		}
		return true
	}
	t.ckpt.tmp.load(t.n)
	return false
}

// lossFinite returns the mean cost over the data and whether every
// point's output and cost is finite.
func (t *Trainer) lossFinite() (float64, bool) {
	n := t.n
	var loss float64
	L := n.L()
	no := n.cfg.Layers[L-1]
	for i, p := range t.data {
		n.forward(p.X, p.Y)
		z, a, y := n.one.z[L], n.one.a[L], t.ys[i*no:(i+1)*no]
		if n.outputBadOne(z, a, y) {
			return 0, false
		}
		c := n.cost(y)
		if c-c != 0 {
			return 0, false
		}
		loss += c / float64(len(t.data))
	}
	return loss, true
}
