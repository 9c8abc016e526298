package app

import (
	"errors"
	"fmt"
)

// errNoSelection is the lesson's answer when no point is selected.
var errNoSelection = errors.New("teach: select a point to walk through its training step")

// Teach opens the walk-through on point i at its first stage. Training pauses, so the
// numbers hold still while the learner reads them.
func (st *State) Teach(i int) error {
	st.mu.Lock()
	defer st.unlock()
	if err := st.checkIndex(i); err != nil {
		return err
	}
	st.selected = i
	st.teaching = true
	st.running = false
	st.cancelJobs(cancelTeach)
	st.stage = 0
	st.updateHighlight()
	st.emit(EventConfig)
	return nil
}

// EndTeach closes the walk-through.
func (st *State) EndTeach() {
	st.mu.Lock()
	defer st.unlock()
	st.teaching = false
	st.updateHighlight()
	st.emit(EventConfig)
}

// TeachStage moves the walk-through to stage k (0-based).
func (st *State) TeachStage(k int) error {
	st.mu.Lock()
	defer st.unlock()
	if !st.teaching {
		return errors.New("teach: the walk-through is not open; open it on a point first")
	}
	n := len(lessonStages(st.settings))
	if k < 0 || k >= n {
		return fmt.Errorf("teach: stage %d is out of range; stages run from 0 to %d", k, n-1)
	}
	st.stage = k
	st.updateHighlight()
	st.emit(EventConfig)
	return nil
}

// TeachMove moves the walk-through by d stages, stopping at either end.
func (st *State) TeachMove(d int) {
	st.mu.Lock()
	defer st.unlock()
	if !st.teaching {
		return
	}
	n := len(lessonStages(st.settings))
	st.stage = min(max(st.stage+d, 0), n-1)
	st.updateHighlight()
	st.emit(EventConfig)
}

// SetTeachAll chooses the walk-through's view: every stage on one page (the address's
// view=all), or one stage at a time.
func (st *State) SetTeachAll(all bool) {
	st.mu.Lock()
	defer st.unlock()
	st.teachAll = all
	st.emit(EventConfig)
}

// Lesson returns the walk-through as it stands; ok is false when it is not open.
func (st *State) Lesson() (ls Lesson, ok bool, err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if !st.teaching {
		return Lesson{}, false, nil
	}
	if st.selected < 0 {
		return Lesson{}, true, errNoSelection
	}
	ls, err = st.lesson(st.selected, st.stage)
	ls.All = st.teachAll
	return ls, true, err
}

// ApplyLesson performs the walk-through's update on the live network: exactly the step its
// stages show, for the selected point. It counts as one step.
func (st *State) ApplyLesson() error {
	st.mu.Lock()
	defer st.unlock()
	if !st.teaching {
		return errors.New("teach: the walk-through is not open")
	}
	if st.selected < 0 {
		return errNoSelection
	}
	t, err := st.net.TraceStep(st.points[st.selected], st.settings.Train)
	if err != nil {
		return err
	}
	p := st.net.Params()
	for l := range p {
		w, b := t.Get(fmt.Sprintf("w_%d_new", l+2)), t.Get(fmt.Sprintf("b_%d_new", l+2))
		for r := range p[l].W {
			for c := range p[l].W[r] {
				p[l].W[r][c] = w.At(r, c)
			}
			p[l].B[r] = b.At(r, 0)
		}
	}
	if err := st.net.SetParams(p); err != nil {
		return err
	}
	// It is a training step like any other: it counts, and the chart records it.
	st.trainer.CountStep()
	st.weightsVersion++
	st.measure()
	st.emit(EventStep)
	return nil
}

// updateHighlight sets what the diagram emphasises from the walk-through's stage.
func (st *State) updateHighlight() {
	if !st.teaching {
		st.highlight = Highlight{}
		return
	}
	stages := lessonStages(st.settings)
	st.stage = min(st.stage, len(stages)-1)
	st.highlight = stages[st.stage].Highlight
	st.highlightFor = st.highlightKey()
	st.stageValues(stages[st.stage])
}
