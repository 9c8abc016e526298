package app

import (
	"fmt"
	"slices"

	"github.com/nnviz/nnviz/nn"
)

// Configure applies new settings. A change to the network (shape, activation, cost or seed)
// rebuilds it from its seed; a change to training, speed, label or view keeps the weights.
// Invalid settings are rejected whole and nothing changes.
func (st *State) Configure(s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	s.Net.Layers = append([]int(nil), s.Net.Layers...)
	s.Train.Seed = s.Net.Seed
	st.mu.Lock()
	defer st.unlock()
	old := st.settings
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
	return sameShape(a, b) && a.Activation == b.Activation && a.Cost == b.Cost && a.Seed == b.Seed
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

// Trace returns nn's trace of one training step on point i at the current step size. It does
// not change the network.
func (st *State) Trace(i int) (*nn.Trace, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := st.checkIndex(i); err != nil {
		return nil, err
	}
	return st.net.Trace(st.points[i], st.settings.Train.StepSize)
}
