package app

import (
	"errors"
	"fmt"

	"github.com/nnviz/nnviz/nn"
)

// MaxStepsPerCall bounds Step(n), so one call from a page cannot freeze it.
const MaxStepsPerCall = 100000

// Play starts training: every frame then advances it by up to the speed setting, as many steps
// as the frame's time budget allows.
func (st *State) Play() {
	st.mu.Lock()
	if st.dataOK {
		st.running = true
		st.message = ""
	}
	st.emit(EventConfig)
	st.unlock()
}

// Pause stops training after the current frame, and cancels the steps StartSteps has still to
// make.
func (st *State) Pause() {
	st.mu.Lock()
	if st.running && st.pass.active {
		st.measure() // what a paused learner reads is exact for the weights shown
	}
	st.running = false
	st.cancelJobs(cancelPaused)
	st.emit(EventConfig)
	st.unlock()
}

// TogglePlay plays when paused and pauses when playing.
func (st *State) TogglePlay() {
	st.mu.Lock()
	running := st.running
	st.mu.Unlock()
	if running {
		st.Pause()
	} else {
		st.Play()
	}
}

// Step performs exactly n training steps (one gradient update each) at once and records the
// result. The page's step(n) uses StartSteps, which spreads many steps across frames.
func (st *State) Step(n int) error {
	if n < 1 || n > MaxStepsPerCall {
		return fmt.Errorf("step: n = %d is out of range [1, %d]", n, MaxStepsPerCall)
	}
	st.mu.Lock()
	defer st.unlock()
	return st.advance(n)
}

// advance runs n steps with the lock held, then measures the loss over every point.
func (st *State) advance(n int) error {
	if !st.dataOK {
		st.running = false
		return st.noTrainingPoints()
	}
	var err error
	done := 0
	for ; done < n; done++ {
		if err = st.trainer.Step(); err != nil {
			break
		}
	}
	if err := st.stepped(done, err); err != nil {
		return err
	}
	st.measure()
	return nil
}

// stepped records that done steps were made, and handles err, the error that stopped them:
// divergence brings back good weights; any error pauses, is said in words, cancels pending
// StartSteps and is returned. The lock is held.
func (st *State) stepped(done int, err error) error {
	if done > 0 {
		st.weightsVersion++
		st.gradVersion = st.weightsVersion
		st.emit(EventStep)
	}
	if d := nn.AsDiverged(err); d != nil {
		st.diverged(d.Step)
		return errors.New(st.message)
	}
	if err != nil {
		st.running = false
		st.message = err.Error()
		st.cancelJobs(st.message)
		if done > 0 {
			st.measure()
		}
		return err
	}
	return nil
}

// Reset returns the network to its initial weights (the same seed, or the pinned weights) and
// clears the step count and history, so a learner can replay the same run.
func (st *State) Reset() error {
	st.mu.Lock()
	defer st.unlock()
	return st.reset()
}

// ResetSeed is Reset with a new initialisation seed; pinned initial weights are dropped.
func (st *State) ResetSeed(seed uint64) error {
	st.mu.Lock()
	defer st.unlock()
	s := st.settings
	s.Net.Seed = seed
	return st.rebuild(s, nil)
}

func (st *State) reset() error {
	return st.rebuild(st.settings, st.initial)
}

// rebuild replaces network and trainer with fresh ones for s; on error nothing changes.
func (st *State) rebuild(s Settings, initial nn.Params) error {
	if err := s.Validate(); err != nil {
		return err
	}
	// build assigns nothing until it has succeeded.
	if err := st.build(s, initial); err != nil {
		return err
	}
	st.cancelJobs(cancelReset)
	st.history = st.history[:0]
	st.message = ""
	st.updateHighlight() // the shape may have changed the walk-through's stages
	st.syncData()        // measures the new network on the points
	st.emit(EventStep)
	st.emit(EventConfig)
	return nil
}
