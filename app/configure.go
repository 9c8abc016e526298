package app

import (
	"fmt"
	"slices"

	"github.com/nnviz/nnviz/nn"
)

// Configure applies new settings. A change to the network (shape, activation, cost, seed or
// task) rebuilds it from its seed; a change to training, speed, label or view keeps the
// weights. A new test share draws the split again (an undoable edit). A new problem
// (classification or regression) needs other points: the problem's first preset replaces
// them, and the undo history, whose points are of the other problem, is cleared. Invalid
// settings are rejected whole and nothing changes.
func (st *State) Configure(s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	s.Net.Layers = append([]int(nil), s.Net.Layers...)
	s.Train.Seed = s.Net.Seed
	st.mu.Lock()
	defer st.unlock()
	old := st.settings
	if s.Net.Task.Problem != old.Net.Task.Problem || s.Net.Task.NumClasses() != old.Net.Task.NumClasses() {
		return st.changeProblem(s)
	}
	if s.TestFraction != old.TestFraction {
		defer st.resplit()
	}
	if !sameNet(old.Net, s.Net) {
		var initial nn.Params
		if old.Net.Seed == s.Net.Seed && sameShape(old.Net, s.Net) {
			initial = st.initial
		}
		return st.rebuild(s, initial)
	}
	if s.Train != old.Train {
		if err := st.trainer.SetConfig(s.Train); err != nil {
			return err
		}
	}
	st.settings = s
	st.emit(EventConfig)
	return nil
}

func sameShape(a, b nn.Config) bool { return slices.Equal(a.Layers, b.Layers) }

func sameNet(a, b nn.Config) bool {
	return sameShape(a, b) && a.Activation == b.Activation && a.Cost == b.Cost && a.Seed == b.Seed && a.Task.Equal(b.Task)
}

// FirstPreset is the preset each task starts from: the notebook's points for two classes,
// blobs for more, the plane for regression.
func FirstPreset(t nn.Task) string {
	switch {
	case t.Problem == nn.Regression:
		return "plane"
	case t.NumClasses() > 2:
		return "blobs"
	}
	return "notebook"
}

// sourceClasses is DataSource.Classes for a task: K for K > 2 classes, else 0.
func sourceClasses(t nn.Task) int {
	if k := t.NumClasses(); k > 2 {
		return k
	}
	return 0
}

// presetFits names a preset that does not fit the task: a regression's for classes, a
// two-class preset for K classes, or one that does not exist.
func presetFits(name string, t nn.Task) error {
	p, err := nn.DatasetProblem(name)
	switch {
	case err != nil:
		return err
	case p != t.Problem:
		return fmt.Errorf("%q is a dataset for %s, and this playground learns %s", name, p, problemNoun(t.Problem))
	case t.Problem == nn.Classification && !nn.PresetHasClasses(name, t.NumClasses()):
		return fmt.Errorf("%q has two classes, and this playground has %d; for %d classes use spiral or blobs", name, t.NumClasses(), t.NumClasses())
	}
	return nil
}

// changeProblem rebuilds the playground for s, whose problem or number of classes differs from
// the current one, on the new task's first preset, drawn from the current data seed. The caller
// holds the lock.
func (st *State) changeProblem(s Settings) error {
	src := DataSource{Name: FirstPreset(s.Net.Task), N: DefaultCount, Seed: st.splitSeed(), Classes: sourceClasses(s.Net.Task)}
	pts, err := src.points(s.TestFraction)
	if err != nil {
		return err
	}
	if src.Name == "notebook" {
		s.View = NotebookView
	} else {
		s.View = PresetView
	}
	if err := st.build(s, nil); err != nil {
		return err
	}
	st.points = pts
	st.undo, st.redo = nil, nil
	st.selected, st.teaching = -1, false
	st.source, st.sourceChecked = src, 0
	st.cancelJobs(cancelReset)
	st.history = st.history[:0]
	st.message = ""
	st.updateHighlight()
	st.syncData()
	st.emit(EventStep)
	st.emit(EventConfig)
	return nil
}

// FitLayers returns layers with its first and last entries made to fit the task: one input
// neuron per feature, and the task's output neurons. The hidden layers are kept.
func FitLayers(layers []int, task nn.Task) []int {
	out := append([]int(nil), layers...)
	if len(out) < 2 {
		out = []int{0, 0}
	}
	out[0], out[len(out)-1] = task.Inputs(), task.Outputs()
	return out
}

// Weights returns a copy of the current weights and biases, layers 2..L.
func (st *State) Weights() nn.Params {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.net.Params()
}

// SetWeights replaces the weights and biases; they must fit the current shape. On error
// nothing changes.
func (st *State) SetWeights(p nn.Params) error {
	st.mu.Lock()
	defer st.unlock()
	if err := st.net.SetParams(p); err != nil {
		return fmt.Errorf("weights: %w", err)
	}
	st.weightsVersion++
	st.message = ""
	st.cancelJobs(cancelWeights)
	st.measure()
	st.emit(EventStep)
	return nil
}

// PinWeights makes p the weights that every reset returns to, and applies them now.
func (st *State) PinWeights(p nn.Params) error {
	st.mu.Lock()
	defer st.unlock()
	return st.rebuild(st.settings, p)
}

// Trace returns nn's trace of one training step on point i with the current step size and
// penalty. It does not change the network.
func (st *State) Trace(i int) (*nn.Trace, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := st.checkIndex(i); err != nil {
		return nil, err
	}
	return st.net.TraceStep(st.points[i], st.settings.Train)
}
