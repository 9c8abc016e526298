package render

import (
	"strconv"

	"github.com/nnviz/nnviz/nn"
)

// The plane's edits by mouse, touch and keyboard, in the terms of the task: a class, or a
// regression's value.

// task is what the playground learns (the notebook's task before the first snapshot).
func (g *Game) task() nn.Task {
	if g.snap.Net == nil {
		return nn.Task{}
	}
	return g.snap.Net.Task()
}

// regression reports whether the playground learns values.
func (g *Game) regression() bool { return g.task().Problem == nn.Regression }

// className says a class for the live region: "class −1", "class 3".
func (g *Game) className(label int) string {
	if g.task().NumClasses() > 2 {
		return "class " + strconv.Itoa(label)
	}
	return className(label)
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
	if k := g.task().NumClasses(); k > 2 && other {
		label = g.snap.AddLabel%k + 1 // the next class
	}
	i, err := g.st.AddPoint(x, y, label)
	return i, g.className(label), err
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
		next := -pt.Label
		if k := g.task().NumClasses(); k > 2 {
			next = pt.Label%k + 1
		}
		return g.className(next), g.st.FlipLabel(i)
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
	s := "point " + strconv.Itoa(i) + ", " + g.className(pt.Label)
	if g.regression() {
		s = "point " + strconv.Itoa(i) + ", value " + coord(pt.Value)
	}
	if pt.Test {
		s += ", a test point"
	}
	return s
}
