package app

import (
	"fmt"
	"time"
)

// stepJob is a number of training steps asked for at once (the API's step(n)), made across
// frames under the frame's time budget.
type stepJob struct {
	n, done int
	finish  func(error)
}

// Reasons a pending StartSteps stops before its steps are made.
const (
	cancelPaused  = "training was paused"
	cancelReset   = "the network was reset"
	cancelPoints  = "the points changed"
	cancelWeights = "the weights were replaced"
	cancelTeach   = "the walk-through opened"
)

// StartSteps makes n training steps (one gradient update each) without holding up the page:
// as many as one frame's time budget allows run now, the rest in the frames that follow under
// the same budget, after any steps asked for before. At least one step runs now, so a single
// step is made at once, however long it takes.
//
// It returns an error, and never calls finish, if n is out of range or the steps made now
// failed (there are no points, or training diverged). Otherwise finish is called exactly once,
// outside the state's lock: with nil when all n steps are made (perhaps before StartSteps
// returns), or with an error saying how many were made and why the rest were not (a pause, a
// reset, new points or weights, divergence).
func (st *State) StartSteps(n int, finish func(error)) error {
	if n < 1 || n > MaxStepsPerCall {
		return fmt.Errorf("step: n = %d is out of range [1, %d]", n, MaxStepsPerCall)
	}
	st.mu.Lock()
	defer st.unlock()
	if !st.dataOK {
		st.running = false
		return st.noTrainingPoints()
	}
	st.jobs = append(st.jobs, stepJob{n: n, finish: finish})
	if len(st.jobs) > 1 {
		return nil // earlier steps go first, in the frames to come
	}
	done, err := st.trainFor(n, st.clock()+st.budget.allow, true)
	st.jobs[0].done = done
	if err != nil || done == n {
		clear(st.jobs)
		st.jobs = st.jobs[:0]
	}
	if err := st.stepped(done, err); err != nil {
		return err
	}
	if done < n {
		st.measureSome() // the rest follows in the frames to come
		return nil
	}
	st.measure()
	st.calls = append(st.calls, func() { finish(nil) })
	return nil
}

// PendingSteps is how many steps asked for by StartSteps are still to be made.
func (st *State) PendingSteps() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.pendingSteps()
}

func (st *State) pendingSteps() int {
	left := 0
	for _, j := range st.jobs {
		left += j.n - j.done
	}
	return left
}

// train spends one frame's time budget, until deadline: first on the steps StartSteps asked
// for, then, while playing, on up to speed steps. The frame's first step runs whatever the time.
// It records the steps, hands finished jobs their answer, and measures the loss: a slice of the
// points while training goes on, all of them once it has stopped.
func (st *State) train(deadline time.Duration) {
	made := 0
	var err error
	for len(st.jobs) > 0 && err == nil {
		j := &st.jobs[0]
		var k int
		k, err = st.trainFor(j.n-j.done, deadline, made == 0)
		j.done += k
		made += k
		if j.done < j.n {
			break // out of time, or an error that cancels every job
		}
		finish := j.finish
		st.popJob()
		st.calls = append(st.calls, func() { finish(nil) })
	}
	if st.running && !st.dataOK {
		st.running = false
	}
	if err == nil && st.running {
		var k int
		k, err = st.trainFor(st.settings.Speed, deadline, made == 0)
		made += k
	}
	if made == 0 && err == nil {
		return
	}
	if st.stepped(made, err) != nil {
		return // stepped paused, said why and cancelled the jobs
	}
	if st.running || len(st.jobs) > 0 {
		st.measureSome()
	} else {
		st.measure() // the steps asked for are made: what the page reads is exact
	}
}

// popJob drops the first job.
func (st *State) popJob() {
	copy(st.jobs, st.jobs[1:])
	st.jobs[len(st.jobs)-1] = stepJob{}
	st.jobs = st.jobs[:len(st.jobs)-1]
}

// cancelJobs stops every pending StartSteps, telling each how far it got and why it stopped.
func (st *State) cancelJobs(reason string) {
	for _, j := range st.jobs {
		err := fmt.Errorf("stopped after %d of %d steps: %s", j.done, j.n, reason)
		finish := j.finish
		st.calls = append(st.calls, func() { finish(err) })
	}
	clear(st.jobs)
	st.jobs = st.jobs[:0]
}
