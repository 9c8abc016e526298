package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nnviz/nnviz/nn"
)

// fakeClock is a clock for the time budget that moves only when the test says: each training
// step costs perStep (read from the trainer's step count), and between frames the test adds the
// time drawing and the browser take.
type fakeClock struct {
	st      *State
	perStep time.Duration
	other   time.Duration // time outside training so far
}

func (c *fakeClock) now() time.Duration {
	return c.other + time.Duration(c.st.trainer.Steps())*c.perStep
}

// withClock gives st a fake clock whose steps cost perStep.
func withClock(st *State, perStep time.Duration) *fakeClock {
	c := &fakeClock{st: st, perStep: perStep}
	st.SetClock(c.now)
	return c
}

// playing returns a playing notebook at the given speed and per-step cost.
func playing(t *testing.T, speed int, perStep time.Duration) (*State, *fakeClock) {
	t.Helper()
	s := DefaultSettings()
	s.Speed = speed
	st, err := New(s, nn.NotebookData(), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := withClock(st, perStep)
	st.Play()
	return st, c
}

// frameSteps runs one frame, after other of drawing, and returns the steps it made.
func frameSteps(st *State, c *fakeClock, other time.Duration, snap *Snapshot) int {
	c.other += other
	before := snap.Steps
	st.Frame(snap)
	return snap.Steps - before
}

func TestSpeedIsAnUpperBoundWhenStepsAreCheap(t *testing.T) {
	st, c := playing(t, 7, 0) // steps take no time at all
	var snap Snapshot
	for f := range 5 {
		if n := frameSteps(st, c, framePeriod, &snap); n != 7 {
			t.Fatalf("frame %d made %d steps at speed 7 with free steps, want 7", f, n)
		}
	}
}

func TestFastStepsStopAtTheBudget(t *testing.T) {
	st, c := playing(t, MaxSpeed, time.Millisecond)
	var snap Snapshot
	// On-time frames: the budget is half a frame (8.3 ms), so 8 steps of 1 ms fit and a 9th
	// would end past it.
	for f := range 5 {
		n := frameSteps(st, c, framePeriod/2, &snap)
		if n != int(budgetMax/time.Millisecond) {
			t.Fatalf("on-time frame %d made %d steps of 1 ms, want %d (budget %v)", f, n, int(budgetMax/time.Millisecond), budgetMax)
		}
	}
	// Late frames (drawing takes 30 ms) halve the budget down to its floor of 1 ms: one step.
	var last int
	for range 6 {
		last = frameSteps(st, c, 30*time.Millisecond, &snap)
	}
	if last != 1 {
		t.Errorf("after late frames a frame made %d steps of 1 ms, want 1 (the floor)", last)
	}
	// Frames on time again: the budget grows back.
	for range 40 {
		last = frameSteps(st, c, 0, &snap)
	}
	if last != int(budgetMax/time.Millisecond) {
		t.Errorf("after on-time frames a frame made %d steps of 1 ms, want %d", last, int(budgetMax/time.Millisecond))
	}
}

// TestASlowStepRunsOncePerFrame is the heavy page's case: a batch step on 2,000 points through
// the largest network takes about 200 ms, so a frame at speed 500 makes exactly one, and the
// frame takes one step plus drawing.
func TestASlowStepRunsOncePerFrame(t *testing.T) {
	st, c := playing(t, MaxSpeed, 200*time.Millisecond)
	var snap Snapshot
	for f := range 10 {
		start := c.now()
		if n := frameSteps(st, c, 5*time.Millisecond, &snap); n != 1 {
			t.Fatalf("frame %d made %d steps of 200 ms, want 1", f, n)
		}
		if d := c.now() - start - 5*time.Millisecond; d > 200*time.Millisecond {
			t.Fatalf("frame %d trained for %v, more than its one step", f, d)
		}
	}
}

func TestStartStepsRunsAcrossFrames(t *testing.T) {
	st, c := playing(t, 1, time.Millisecond)
	st.Pause()
	var finished []error
	if err := st.StartSteps(100, func(err error) { finished = append(finished, err) }); err != nil {
		t.Fatal(err)
	}
	now := st.Status()
	if now.Steps != 8 || now.PendingSteps != 92 || len(finished) != 0 {
		t.Fatalf("after StartSteps(100) with 1 ms steps: %d steps made, %d pending, finished %v; want 8 made within the budget, 92 pending",
			now.Steps, now.PendingSteps, finished)
	}
	var snap Snapshot
	frames := 0
	for ; len(finished) == 0 && frames < 100; frames++ {
		frameSteps(st, c, framePeriod/2, &snap)
	}
	if len(finished) != 1 || finished[0] != nil {
		t.Fatalf("finished %v after %d frames, want once with nil", finished, frames)
	}
	if frames < 10 {
		t.Errorf("100 steps of 1 ms took %d frames of an 8 ms budget, want at least 10", frames)
	}
	info := st.Info()
	if info.Steps != 100 || info.Running {
		t.Errorf("steps %d running %v, want 100 false", info.Steps, info.Running)
	}
	if loss, acc := fresh(t, st); loss != info.Loss || acc != info.Accuracy {
		t.Errorf("loss %v accuracy %v when the steps were made, but the weights give %v %v", info.Loss, info.Accuracy, loss, acc)
	}
	for range 3 {
		st.Frame(&snap)
	}
	if len(finished) != 1 || st.Status().Steps != 100 {
		t.Errorf("frames after the last step: finished %d times, steps %d", len(finished), st.Status().Steps)
	}
}

// TestOneStepIsMadeAtOnce: StartSteps(1) makes its step before it returns, even when the step is
// slower than any budget, and answers before it returns.
func TestOneStepIsMadeAtOnce(t *testing.T) {
	st, _ := playing(t, 1, 200*time.Millisecond)
	st.Pause()
	calls := 0
	if err := st.StartSteps(1, func(err error) {
		if err != nil {
			t.Error(err)
		}
		calls++
	}); err != nil {
		t.Fatal(err)
	}
	if s := st.Status(); s.Steps != 1 || calls != 1 || s.PendingSteps != 0 {
		t.Errorf("StartSteps(1): %d steps, finish called %d times, %d pending; want 1, 1, 0", s.Steps, calls, s.PendingSteps)
	}
	for _, n := range []int{0, -1, MaxStepsPerCall + 1} {
		if err := st.StartSteps(n, func(error) { t.Errorf("finish called for n = %d", n) }); err == nil {
			t.Errorf("StartSteps(%d) accepted", n)
		}
	}
}

func TestStartStepsAreCancelledByChanges(t *testing.T) {
	for _, c := range []struct {
		name, reason string
		change       func(st *State) error
	}{
		{"pause", cancelPaused, func(st *State) error { st.Pause(); return nil }},
		{"reset", cancelReset, func(st *State) error { return st.Reset() }},
		{"new points", cancelPoints, func(st *State) error { _, err := st.AddPoint(1, 1, 1); return err }},
		{"new weights", cancelWeights, func(st *State) error { return st.SetWeights(st.Weights()) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			st, clock := playing(t, 1, time.Millisecond)
			st.Pause()
			var got []error
			if err := st.StartSteps(1000, func(err error) { got = append(got, err) }); err != nil {
				t.Fatal(err)
			}
			var snap Snapshot
			frameSteps(st, clock, framePeriod/2, &snap)
			if err := c.change(st); err != nil {
				t.Fatal(err)
			}
			want := "stopped after 16 of 1000 steps: " + c.reason
			if len(got) != 1 || got[0] == nil || got[0].Error() != want {
				t.Fatalf("finish got %v, want once %q", got, want)
			}
			before := st.Status().Steps
			frameSteps(st, clock, framePeriod/2, &snap)
			if s := st.Status(); s.Steps != before || s.PendingSteps != 0 {
				t.Errorf("after the cancel a frame trained (%d -> %d steps) or steps are pending (%d)", before, s.Steps, s.PendingSteps)
			}
		})
	}
}

func TestStartStepsSaysWhenTrainingDiverges(t *testing.T) {
	s := DefaultSettings()
	s.Net.Activation = nn.Linear
	s.Train.StepSize = 100
	st, err := New(s, nn.NotebookData(), nil)
	if err != nil {
		t.Fatal(err)
	}
	withClock(st, 0)
	var got []error
	err = st.StartSteps(MaxStepsPerCall, func(err error) { got = append(got, err) })
	if err == nil {
		// The divergence came after the first frame's steps.
		var snap Snapshot
		for i := 0; i < 1000 && len(got) == 0; i++ {
			st.Frame(&snap)
		}
		if len(got) != 1 || got[0] == nil {
			t.Fatalf("finish got %v, want one error", got)
		}
		err = got[0]
	}
	if info := st.Info(); info.Message == "" || info.Running || st.PendingSteps() != 0 {
		t.Errorf("message %q running %v pending %d", info.Message, info.Running, st.PendingSteps())
	}
	if want := st.Info().Message; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say what happened: %q", err, want)
	}
}

func TestStatusCopiesNoPoints(t *testing.T) {
	st := newNotebook(t)
	s := st.Status()
	if s.Points != 10 || s.Steps != 0 || s.Running {
		t.Errorf("status %+v", s)
	}
	if n := testing.AllocsPerRun(100, func() { st.Status() }); n != 0 {
		t.Errorf("Status allocates %v times", n)
	}
	if err := st.Step(3); err != nil {
		t.Fatal(err)
	}
	if got := st.Status(); got.PointsRevision != s.PointsRevision || got.Steps != 3 {
		t.Errorf("after 3 steps: revision %d (was %d), steps %d", got.PointsRevision, s.PointsRevision, got.Steps)
	}
	if info := st.InfoAfter(s.PointsRevision); info.Points != nil || info.Steps != 3 {
		t.Errorf("InfoAfter the current revision copied %d points (steps %d)", len(info.Points), info.Steps)
	}
	if _, err := st.AddPoint(1, 1, -1); err != nil {
		t.Fatal(err)
	}
	after := st.Status()
	if after.PointsRevision == s.PointsRevision || after.Points != 11 {
		t.Errorf("after adding a point: revision %d (was %d), %d points", after.PointsRevision, s.PointsRevision, after.Points)
	}
	if info := st.InfoAfter(s.PointsRevision); len(info.Points) != 11 || info.PointsRevision != after.PointsRevision {
		t.Errorf("InfoAfter an old revision gave %d points, revision %d", len(info.Points), info.PointsRevision)
	}
}

// TestStartStepsQueueInOrder: steps asked for while others are pending follow them, and each
// caller hears when its own are made.
func TestStartStepsQueueInOrder(t *testing.T) {
	st, c := playing(t, 1, time.Millisecond)
	st.Pause()
	var order []string
	if err := st.StartSteps(20, func(err error) { order = append(order, fmt.Sprint("first ", err)) }); err != nil {
		t.Fatal(err)
	}
	if err := st.StartSteps(1, func(err error) { order = append(order, fmt.Sprint("second ", err)) }); err != nil {
		t.Fatal(err)
	}
	if s := st.Status(); s.Steps != 8 || s.PendingSteps != 13 {
		t.Fatalf("after StartSteps(20) and StartSteps(1): %d steps, %d pending; want 8 and 13", s.Steps, s.PendingSteps)
	}
	var snap Snapshot
	for i := 0; i < 10 && len(order) < 2; i++ {
		frameSteps(st, c, framePeriod/2, &snap)
	}
	if want := []string{"first <nil>", "second <nil>"}; !slices.Equal(order, want) || st.Status().Steps != 21 {
		t.Errorf("finished %q at step %d, want %q at step 21", order, st.Status().Steps, want)
	}
}
