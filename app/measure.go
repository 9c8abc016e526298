package app

import "github.com/nnviz/nnviz/nn"

// frameBudget is how many multiply-adds of forward passes one frame spends measuring the loss
// while playing. A large network over many points is measured across several frames instead of
// stalling one: at the notebook's size every frame measures everything.
const frameBudget = 150_000

// pass measures loss and accuracy over all points for one fixed set of weights, a slice of the
// points per frame. Its copy of the network holds those weights still while training goes on,
// so each recorded sample is exact for the step it names.
type pass struct {
	net     *nn.Network
	step    int
	next    int
	loss    float64
	correct float64
	active  bool
}

// measure evaluates loss and accuracy over every point now, and records them.
func (st *State) measure() {
	st.pass.active = false
	if len(st.points) == 0 {
		st.loss, st.acc = 0, 0
	} else if loss, acc, err := st.net.Evaluate(st.points); err != nil {
		if st.running {
			st.diverged(st.trainer.Steps())
			return
		}
		st.lossNotFinite(err)
		return
	} else {
		st.loss, st.acc = loss, acc
	}
	st.record(st.trainer.Steps())
}

// measureSome advances the measuring pass by one frame's budget, starting one if none is under
// way, and records the result when the pass is complete.
func (st *State) measureSome() {
	n := len(st.points)
	if n == 0 {
		st.measure()
		return
	}
	p := &st.pass
	if !p.active {
		if p.net == nil || p.net.CopyFrom(st.net) != nil {
			p.net = st.net.Clone()
		}
		p.step, p.next, p.loss, p.correct, p.active = st.trainer.Steps(), 0, 0, 0, true
	}
	chunk := min(n-p.next, max(1, frameBudget/macs(st.settings.Net.Layers)))
	loss, acc, err := p.net.Evaluate(st.points[p.next : p.next+chunk])
	if err != nil {
		// The weights of step p.step overflow on a point no step has
		// visited since: training diverged there.
		p.active = false
		st.diverged(p.step)
		return
	}
	p.loss += loss * float64(chunk)
	p.correct += acc * float64(chunk)
	p.next += chunk
	if p.next == n {
		st.loss, st.acc = p.loss/float64(n), p.correct/float64(n)
		p.active = false
		st.record(p.step)
	}
}

// macs is the number of multiply-adds of one forward pass.
func macs(layers []int) int {
	m := 0
	for l := 1; l < len(layers); l++ {
		m += layers[l] * layers[l-1]
	}
	return max(m, 1)
}

// record appends a sample of loss and accuracy at a step to the history.
func (st *State) record(step int) {
	s := Sample{Step: step, Loss: st.loss, Accuracy: st.acc}
	if n := len(st.history); n > 0 && st.history[n-1].Step >= s.Step {
		st.history[n-1] = s
		return
	}
	if len(st.history) == historyCap {
		half := st.history[:0]
		for i := 0; i < historyCap; i += 2 {
			half = append(half, st.history[i])
		}
		st.history = half
	}
	st.history = append(st.history, s)
}
