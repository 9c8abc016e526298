package render

import (
	"testing"

	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// TestDiscretizeIsForClassesOnly: Settings.Discretize paints a classification's plane in hard
// classes, and leaves a regression's scale of values alone.
func TestDiscretizeIsForClassesOnly(t *testing.T) {
	for _, tc := range []struct {
		name   string
		task   nn.Task
		layers []int
		data   string
		want   bool
	}{
		{"classification", nn.Task{}, []int{2, 3, 2}, "circle", true},
		{"regression", nn.Task{Problem: nn.Regression}, []int{2, 3, 1}, "plane", false},
	} {
		set := app.DefaultSettings()
		set.Net.Task, set.Net.Layers, set.Discretize = tc.task, tc.layers, true
		st, err := app.New(set, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.LoadData(tc.data, 40, 0.1, 1); err != nil {
			t.Fatal(err)
		}
		g := newGame(st, &scriptInput{})
		renderGame(t, g, 1000, 700, 1)
		if !g.field.valid || g.field.discrete != tc.want {
			t.Errorf("%s: the plane is drawn in hard classes: %v (drawn: %v), want %v", tc.name, g.field.discrete, g.field.valid, tc.want)
		}
	}
}
