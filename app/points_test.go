package app

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

func TestEditsUndoAndRedo(t *testing.T) {
	p := func(x, y float64, l int) nn.Point { return nn.Point{X: x, Y: y, Label: l} }
	start := []nn.Point{p(1, 1, 1), p(2, 2, -1), p(3, 3, 1)}
	tests := []struct {
		name string
		edit func(*State) error
		want []nn.Point
	}{
		{"add", func(st *State) error { _, err := st.AddPoint(4, 4, -1); return err },
			[]nn.Point{p(1, 1, 1), p(2, 2, -1), p(3, 3, 1), p(4, 4, -1)}},
		{"set label", func(st *State) error { return st.SetLabel(1, 1) },
			[]nn.Point{p(1, 1, 1), p(2, 2, 1), p(3, 3, 1)}},
		{"flip", func(st *State) error { return st.FlipLabel(0) },
			[]nn.Point{p(1, 1, -1), p(2, 2, -1), p(3, 3, 1)}},
		{"move", func(st *State) error { return st.MovePoint(2, -5, 0.5) },
			[]nn.Point{p(1, 1, 1), p(2, 2, -1), p(-5, 0.5, 1)}},
		{"remove", func(st *State) error { return st.RemovePoint(0) },
			[]nn.Point{p(2, 2, -1), p(3, 3, 1)}},
		{"set all", func(st *State) error { return st.SetPoints([]nn.Point{p(9, 9, 1)}) },
			[]nn.Point{p(9, 9, 1)}},
		{"drag", func(st *State) error {
			for _, x := range []float64{1.5, 2, 2.5} {
				if err := st.DragPoint(0, x, x); err != nil {
					return err
				}
			}
			return st.EndDrag(0, 1, 1)
		}, []nn.Point{p(2.5, 2.5, 1), p(2, 2, -1), p(3, 3, 1)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, err := New(DefaultSettings(), start, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.edit(st); err != nil {
				t.Fatal(err)
			}
			if got := st.Points(); !slices.Equal(got, tc.want) {
				t.Fatalf("after edit: %v, want %v", got, tc.want)
			}
			if !st.Undo() {
				t.Fatal("nothing to undo")
			}
			if got := st.Points(); !slices.Equal(got, start) {
				t.Fatalf("after undo: %v, want %v", got, start)
			}
			if st.Undo() {
				t.Error("a second undo found an edit that was never made")
			}
			if !st.Redo() {
				t.Fatal("nothing to redo")
			}
			if got := st.Points(); !slices.Equal(got, tc.want) {
				t.Fatalf("after redo: %v, want %v", got, tc.want)
			}
		})
	}
}

func TestNewEditClearsRedo(t *testing.T) {
	st := newNotebook(t)
	if _, err := st.AddPoint(0, 0, 1); err != nil {
		t.Fatal(err)
	}
	st.Undo()
	if _, err := st.AddPoint(5, 5, -1); err != nil {
		t.Fatal(err)
	}
	if st.Redo() {
		t.Error("redo after a new edit replayed an abandoned one")
	}
}

func TestBadEditsNameTheProblemAndChangeNothing(t *testing.T) {
	tests := []struct {
		name, want string
		edit       func(*State) error
	}{
		{"NaN x", "x", func(st *State) error { _, err := st.AddPoint(math.NaN(), 0, 1); return err }},
		{"Inf y", "y", func(st *State) error { _, err := st.AddPoint(0, math.Inf(1), 1); return err }},
		{"label 0", "label", func(st *State) error { _, err := st.AddPoint(0, 0, 0); return err }},
		{"label 2", "label", func(st *State) error { return st.SetLabel(0, 2) }},
		{"index -1", "point -1", func(st *State) error { return st.SetLabel(-1, 1) }},
		{"index 10", "point 10", func(st *State) error { return st.RemovePoint(10) }},
		{"move NaN", "x", func(st *State) error { return st.MovePoint(0, math.NaN(), 0) }},
		{"select 11", "point 11", func(st *State) error { return st.Select(11) }},
		{"bad point in set", "label", func(st *State) error {
			return st.SetPoints([]nn.Point{{X: 0, Y: 0, Label: 1}, {X: 1, Y: 1, Label: 3}})
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := newNotebook(t)
			err := tc.edit(st)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one naming %q", err, tc.want)
			}
			if got := st.Points(); !slices.Equal(got, nn.NotebookData()) {
				t.Errorf("a rejected edit changed the points to %v", got)
			}
			if st.Undo() {
				t.Error("a rejected edit left an undo entry")
			}
		})
	}
}

func TestSelectionFollowsEdits(t *testing.T) {
	st := newNotebook(t)
	if err := st.Select(3); err != nil {
		t.Fatal(err)
	}
	if err := st.RemovePoint(1); err != nil {
		t.Fatal(err)
	}
	if got := st.Info().Selected; got != 2 {
		t.Errorf("after removing an earlier point, selected = %d, want 2", got)
	}
	if err := st.RemovePoint(2); err != nil {
		t.Fatal(err)
	}
	if got := st.Info().Selected; got != -1 {
		t.Errorf("after removing the selected point, selected = %d, want -1", got)
	}
}
