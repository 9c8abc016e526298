package render

import (
	"strconv"

	"github.com/nnviz/nnviz/nn"
)

// The plane's edits by mouse, touch and keyboard, in the terms of the task: a class, or a
// regression's value.

// regression reports whether the playground learns values.
func (g *Game) regression() bool {
	return g.snap.Net != nil && g.snap.Net.Task().Problem == nn.Regression
}

// addPoint adds a point at (x, y): of the chosen class, or with the chosen value; with other,
// of the other class or the opposite value. It returns the index and how to say what was added.
func (g *Game) addPoint(x, y float64, other bool) (int, string, error) {
	if g.regression() {
		v := g.snap.AddValue
		if other {
			v = -v
		}
		i, err := g.st.AddValuePoint(x, y, v)
		return i, "value " + coord(v), err
	}
	label := g.snap.AddLabel
	if label == 0 {
		label = 1
	}
	if other {
		label = -label
	}
	i, err := g.st.AddPoint(x, y, label)
	return i, className(label), err
}

// editPoint changes point i as a click does: it flips its class; in a regression it gives it the
// chosen value, or the opposite value if it has the chosen one already. It returns how to say
// the point's new class or value.
func (g *Game) editPoint(i int) (string, error) {
	if i < 0 || i >= len(g.snap.Points) {
		return "", g.st.FlipLabel(i) // names the bad index
	}
	pt := g.snap.Points[i]
	if !g.regression() {
		return className(-pt.Label), g.st.FlipLabel(i)
	}
	v := g.snap.AddValue
	if pt.Value == v {
		v = -v
	}
	return "value " + coord(v), g.st.SetValue(i, v)
}

// pointName says what a point is, for the live region: its class or its value, and whether it
// is a test point.
func (g *Game) pointName(i int) string {
	pt := g.snap.Points[i]
	s := "point " + strconv.Itoa(i) + ", " + className(pt.Label)
	if g.regression() {
		s = "point " + strconv.Itoa(i) + ", value " + coord(pt.Value)
	}
	if pt.Test {
		s += ", a test point"
	}
	return s
}
