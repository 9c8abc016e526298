package app

import (
	"fmt"
	"math"
)

// diverged handles a training step that diverged (step is its number), or
// a loss found not finite while training: it pauses, brings back weights
// whose loss over the points is finite (nn.Trainer.Recover), drops the
// history after the step that is back, measures again, and says in words
// what happened and what to do. The lock is held.
func (st *State) diverged(step int) {
	st.running = false
	st.pass.active = false
	rec := st.trainer.Recover()
	back := max(rec.Step, 0)
	st.trimHistory(back)
	st.weightsVersion++
	st.emit(EventStep)
	st.emit(EventConfig)
	st.measure()
	st.message = divergedMessage(step, rec.Step, st.settings.Train.StepSize, st.net.Config().Seed)
	st.cancelJobs(st.message)
}

// divergedMessage says that training diverged at step, which weights are
// back (those of step back, or freshly initialised ones from seed if back
// is -1), and what to do.
func divergedMessage(step, back int, lr float64, seed uint64) string {
	if back < 0 {
		if step <= 1 {
			return fmt.Sprintf("Training diverged at step %d: with these weights the network's output overflows, so it cannot learn from them. "+
				"No weights with a finite loss were kept, so the network starts again from seed %d.", step, seed)
		}
		return fmt.Sprintf("Training diverged at step %d: the learning rate %s is too large for this network. "+
			"No weights with a finite loss were kept, so the network starts again from seed %d; lower the learning rate before you play.", step, formatRate(lr), seed)
	}
	return fmt.Sprintf("Training diverged at step %d: the learning rate %s is too large for this network; the weights of step %d are back. "+
		"Lower the learning rate, then play again.", step, formatRate(lr), back)
}

// formatRate writes a learning rate as a person would: 100, 0.1, 1e-05.
func formatRate(lr float64) string { return fmt.Sprintf("%g", lr) }

// trimHistory drops the samples after step.
func (st *State) trimHistory(step int) {
	h := st.history
	for len(h) > 0 && h[len(h)-1].Step > step {
		h = h[:len(h)-1]
	}
	st.history = h
}

// lossNotFinite records that the loss of the weights shown is not finite:
// the display reads infinity rather than a stale number.
func (st *State) lossNotFinite(err error) {
	st.loss, st.acc = math.Inf(1), 0
	st.message = fmt.Sprintf("With these weights the network's output overflows (%v); training would diverge at once. Reset, or load other weights.", err)
}
