package app

import (
	"fmt"
	"slices"

	"github.com/nnviz/nnviz/nn"
)

// MaxLinkLength is the longest share link, in characters, that the playground offers: every
// browser and the project's own server open it. A state that needs more is offered as a JSON
// export instead.
const MaxLinkLength = 8000

// DataSource says which preset drew the points, and how: enough to draw exactly the same
// points again.
type DataSource struct {
	Name  string  // the preset ("notebook", "circle", ...); "" when the points came from elsewhere
	N     int     // how many points (ignored by "notebook")
	Noise float64 // the preset's noise
	Seed  uint64  // the data seed the points were drawn from
	// Classes is how many classes the preset drew when more than two (0: two, or a regression).
	Classes int
}

// points draws the preset's points again, with the share testFraction held out as test data
// (drawn from the data seed too).
func (d DataSource) points(testFraction float64) ([]nn.Point, error) {
	pts, err := nn.DatasetClasses(d.Name, d.N, d.Noise, d.Seed, max(d.Classes, 2))
	if err == nil {
		split(pts, testFraction, d.Seed)
	}
	return pts, err
}

// SetDataSource records that the current points were drawn by the preset d (the page's
// address says so when it starts). The record holds only while the points are exactly d's:
// an edit makes them the learner's own.
func (st *State) SetDataSource(d DataSource) {
	st.mu.Lock()
	st.source = d
	st.sourceChecked = 0
	st.mu.Unlock()
}

// LoadData replaces the points with a preset dataset ("notebook", "circle", "xor",
// "gaussians", "spiral") of n points with the given noise, drawn from the data seed, as one
// undoable edit, and frames the plane around it. The same arguments give the same points; a
// new seed gives a new sample.
func (st *State) LoadData(name string, n int, noise float64, seed uint64) error {
	if n < 1 || n > MaxPoints {
		return fmt.Errorf("data: %d points is out of range [1, %d]", n, MaxPoints)
	}
	if noise < 0 || noise > MaxNoise || noise != noise {
		return fmt.Errorf("data: noise %v is out of range [0, %g]", noise, MaxNoise)
	}
	if seed > MaxSeed {
		return fmt.Errorf("data: seed %d is above the largest seed, %d", seed, uint64(MaxSeed))
	}
	st.mu.Lock()
	s := st.settings
	st.mu.Unlock()
	if err := presetFits(name, s.Net.Task); err != nil {
		return fmt.Errorf("data: %w", err)
	}
	src := DataSource{Name: name, N: n, Noise: noise, Seed: seed, Classes: sourceClasses(s.Net.Task)}
	pts, err := src.points(s.TestFraction)
	if err != nil {
		return fmt.Errorf("data: %w", err)
	}
	if err := st.SetPoints(pts); err != nil {
		return err
	}
	st.mu.Lock()
	defer st.unlock()
	if n := len(st.undo); n > 0 && st.undo[n-1].kind == editAll {
		// SetPoints's edit: undoing it brings back the source of before, redoing it this one.
		u := &st.undo[n-1]
		u.setsSource, u.source, u.sourceAfter = true, st.source, src
	}
	st.source, st.sourceChecked = src, 0
	if name == "notebook" {
		st.settings.View = NotebookView
	} else {
		st.settings.View = PresetView
	}
	st.emit(EventConfig)
	return nil
}

// problemNoun says what a problem learns: "classes" or "values (regression)".
func problemNoun(p nn.Problem) string {
	if p == nn.Regression {
		return "values (regression)"
	}
	return "classes"
}

// presetSource returns the preset that drew the current points, if they are still exactly its
// points (no edit since, or every edit undone). The caller holds the lock.
func (st *State) presetSource() (DataSource, bool) {
	if st.source.Name == "" {
		return DataSource{}, false
	}
	if st.sourceChecked != st.pointsVersion {
		pts, err := st.source.points(st.settings.TestFraction)
		st.sourcePristine = err == nil && slices.Equal(pts, st.points)
		st.sourceChecked = st.pointsVersion
	}
	return st.source, st.sourcePristine
}
