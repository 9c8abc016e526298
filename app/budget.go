package app

import "time"

// Training per frame is bounded by time, not by count: the speed setting is an upper bound on
// the steps of a frame, and a frame stops training when its time budget is spent. The budget
// adapts to how late frames come: it shrinks when a frame takes longer than a display frame
// (the drawing and the browser need their share) and grows back slowly while frames are on
// time, up to half a frame, so the other half stays for drawing.
const (
	// framePeriod is the display's frame at 60 frames/s.
	framePeriod = time.Second / 60
	// budgetMax is the most a frame trains: half a frame; drawing keeps the other half.
	budgetMax = framePeriod / 2
	// budgetMin is the least: a late frame never stops training altogether. One step always
	// runs, however long it takes, so a slow step makes slow progress rather than none.
	budgetMin = time.Millisecond
	// lateAfter is how long between frames counts as a late frame.
	lateAfter = framePeriod * 5 / 4
	// budgetGrow is what an on-time frame adds to the budget.
	budgetGrow = budgetMax / 16
)

// Clock returns the time elapsed since some fixed moment. The playground reads it to budget
// training; tests give it a clock of their own so that what a frame does is deterministic.
type Clock func() time.Duration

// monotonic is the real clock: time since the playground was made.
func monotonic() Clock {
	start := time.Now()
	return func() time.Duration { return time.Since(start) }
}

// budget decides how long each frame may train.
type budget struct {
	allow time.Duration // this frame's allowance
	last  time.Duration // when the previous frame started; -1 before the first
}

func newBudget() budget { return budget{allow: budgetMax, last: -1} }

// frame starts a frame at now and returns how long it may train. A frame that comes late
// (the previous one, training and drawing, took longer than a display frame) halves the
// allowance; one on time adds to it.
func (b *budget) frame(now time.Duration) time.Duration {
	if b.last >= 0 {
		if now-b.last > lateAfter {
			b.allow = max(budgetMin, b.allow/2)
		} else {
			b.allow = min(budgetMax, b.allow+budgetGrow)
		}
	}
	b.last = now
	return b.allow
}

// SetClock replaces the clock the playground budgets training with (by default the real
// one). Tests and benchmarks use it to make frames deterministic.
func (st *State) SetClock(c Clock) {
	st.mu.Lock()
	st.clock = c
	st.budget = newBudget()
	st.mu.Unlock()
}

// trainFor runs at most n training steps and stops at deadline: the first step runs if must
// is set (a frame always makes progress) or if there is time left, and each further batch of
// steps only if the steps so far predict that it ends before the deadline. A step that is itself
// slower than the budget therefore runs once. Batches at most double, so the clock is read a
// few times a frame, not once a step. It returns the steps made and the error that stopped them.
func (st *State) trainFor(n int, deadline time.Duration, must bool) (int, error) {
	start := st.clock()
	if !must && start >= deadline {
		return 0, nil
	}
	done := 0
	for done < n {
		k := 1
		if done > 0 {
			now := st.clock()
			left := deadline - now
			if left <= 0 {
				break
			}
			per := max((now-start)/time.Duration(done), 1)
			k = min(int(left/per), done, n-done)
			if k < 1 {
				break
			}
		}
		for range k {
			if err := st.trainer.Step(); err != nil {
				return done, err
			}
			done++
		}
	}
	return done, nil
}
