package app

import (
	"fmt"

	"github.com/nnviz/nnviz/nn"
)

// LoadData replaces the points with a preset dataset ("notebook", "circle", "xor",
// "gaussians", "spiral") of n points with the given noise, drawn from the current seed, as one
// undoable edit, and frames the plane around it.
func (st *State) LoadData(name string, n int, noise float64) error {
	if n < 1 || n > MaxPoints {
		return fmt.Errorf("data: %d points is out of range [1, %d]", n, MaxPoints)
	}
	if noise < 0 || noise > MaxNoise || noise != noise {
		return fmt.Errorf("data: noise %v is out of range [0, %g]", noise, MaxNoise)
	}
	st.mu.Lock()
	seed := st.settings.Net.Seed
	st.mu.Unlock()
	pts, err := nn.Dataset(name, n, noise, seed)
	if err != nil {
		return fmt.Errorf("data: %w", err)
	}
	if err := st.SetPoints(pts); err != nil {
		return err
	}
	st.mu.Lock()
	defer st.unlock()
	if name == "notebook" {
		st.settings.View = NotebookView
	} else {
		st.settings.View = PresetView
	}
	st.emit(EventConfig)
	return nil
}
