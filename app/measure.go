package app

import "github.com/nnviz/nnviz/nn"

// frameBudget is how many multiply-adds of forward passes one frame spends measuring the loss
// while playing. A large network over many points is measured across several frames instead of
// stalling one: at the notebook's size every frame measures everything.
const frameBudget = 150_000

// pass measures loss and accuracy over the training and the test points for one fixed set of
// weights, a slice of the points per frame. Its copy of the network holds those weights still
// while training goes on, so each recorded sample is exact for the step it names.
type pass struct {
	net    *nn.Network
	step   int
	next   int         // the next point: the training points first, then the test points
	sums   [2]evalSums // over the training points, over the test points
	active bool
}

// evalSums adds up a measurement over points.
type evalSums struct{ loss, correct float64 }

// add adds the mean loss and accuracy of n points.
func (e *evalSums) add(loss, acc float64, n int) {
	e.loss += loss * float64(n)
	e.correct += acc * float64(n)
}

// measure evaluates loss and accuracy over every training and test point now, and records
// them.
func (st *State) measure() {
	st.pass.active = false
	var err error
	if st.loss, st.acc, err = evaluate(st.net, st.trainPts); err == nil {
		st.tloss, st.tacc, err = evaluate(st.net, st.testPts)
	}
	if err != nil {
		if st.running {
			st.diverged(st.trainer.Steps())
			return
		}
		st.lossNotFinite(err)
		return
	}
	st.record(st.trainer.Steps())
}

// evaluate is net.Evaluate, with 0 and 0 for no points.
func evaluate(net *nn.Network, pts []nn.Point) (loss, acc float64, err error) {
	if len(pts) == 0 {
		return 0, 0, nil
	}
	return net.Evaluate(pts)
}

// measureSome advances the measuring pass by one frame's budget, starting one if none is under
// way, and records the result when the pass is complete.
func (st *State) measureSome() {
	nt, n := len(st.trainPts), len(st.trainPts)+len(st.testPts)
	if n == 0 {
		st.measure()
		return
	}
	p := &st.pass
	if !p.active {
		if p.net == nil || p.net.CopyFrom(st.net) != nil {
			p.net = st.net.Clone()
		}
		p.step, p.next, p.sums, p.active = st.trainer.Steps(), 0, [2]evalSums{}, true
	}
	budget := max(1, frameBudget/macs(st.settings.Net.Layers))
	for budget > 0 && p.next < n {
		part, set, from := 0, st.trainPts, p.next
		if p.next >= nt {
			part, set, from = 1, st.testPts, p.next-nt
		}
		chunk := min(len(set)-from, budget)
		loss, acc, err := p.net.Evaluate(set[from : from+chunk])
		if err != nil {
			// The weights of step p.step overflow on a point no step has
			// visited since: training diverged there.
			p.active = false
			st.diverged(p.step)
			return
		}
		p.sums[part].add(loss, acc, chunk)
		p.next += chunk
		budget -= chunk
	}
	if p.next == n {
		mean := func(e evalSums, k int) (float64, float64) {
			if k == 0 {
				return 0, 0
			}
			return e.loss / float64(k), e.correct / float64(k)
		}
		st.loss, st.acc = mean(p.sums[0], nt)
		st.tloss, st.tacc = mean(p.sums[1], n-nt)
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
	if len(st.testPts) > 0 {
		s.HasTest, s.TestLoss, s.TestAccuracy = true, st.tloss, st.tacc
	}
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
