package app

import (
	"fmt"
	"math"

	"github.com/nnviz/nnviz/nn"
)

// checkIndex names an index that is not a point.
func (st *State) checkIndex(i int) error {
	if i < 0 || i >= len(st.points) {
		if len(st.points) == 0 {
			return fmt.Errorf("point %d: there are no points", i)
		}
		return fmt.Errorf("point %d: no such point; indices run from 0 to %d", i, len(st.points)-1)
	}
	return nil
}

// checkValue names a regression value outside [-1, 1].
func checkValue(v float64) error {
	if !(v >= -nn.MaxValue && v <= nn.MaxValue) {
		return fmt.Errorf("value: %v is not a value; use a number from %d to %d", v, -nn.MaxValue, nn.MaxValue)
	}
	return nil
}

// checkLabel names a label that is no class of the task.
func checkLabel(task nn.Task, label int) error {
	if _, err := task.ClassIndex(label); err != nil {
		return fmt.Errorf("label: %d is not a class; labels are %s", label, task.LabelNames())
	}
	return nil
}

// checkXY names a coordinate that is not finite or lies beyond nn's bound.
func checkXY(x, y float64) error {
	for _, c := range [...]struct {
		name string
		v    float64
	}{{"x", x}, {"y", y}} {
		if math.IsNaN(c.v) || math.IsInf(c.v, 0) {
			return fmt.Errorf("%s: %v is not a finite number", c.name, c.v)
		}
		if math.Abs(c.v) > nn.MaxCoord {
			return fmt.Errorf("%s: %g is outside [-%g, %g]", c.name, c.v, nn.MaxCoord, nn.MaxCoord)
		}
	}
	return nil
}

// AddPoint adds a training point of a class (-1 or 1, or 1..K for K classes) and returns its
// index.
func (st *State) AddPoint(x, y float64, label int) (int, error) {
	return st.add(nn.Point{X: x, Y: y, Label: label}, nn.Classification)
}

// AddValuePoint adds a training point with a value in [-1, 1], in a regression, and returns its
// index.
func (st *State) AddValuePoint(x, y, value float64) (int, error) {
	if err := checkValue(value); err != nil {
		return -1, err
	}
	return st.add(nn.Point{X: x, Y: y, Value: value}, nn.Regression)
}

// add adds p, a point of the problem want, as one undoable edit.
func (st *State) add(p nn.Point, want nn.Problem) (int, error) {
	if err := checkXY(p.X, p.Y); err != nil {
		return -1, err
	}
	st.mu.Lock()
	defer st.unlock()
	if err := st.checkProblem(want); err != nil {
		return -1, err
	}
	if want == nn.Classification {
		if err := checkLabel(st.settings.Net.Task, p.Label); err != nil {
			return -1, err
		}
	}
	if len(st.points) >= MaxPoints {
		return -1, fmt.Errorf("points: the plane holds at most %d points", MaxPoints)
	}
	st.do(edit{kind: editAdd, index: len(st.points), after: p})
	return len(st.points) - 1, nil
}

// checkProblem names a call made for the other problem: a label in a regression, a value in a
// classification. The caller holds the lock.
func (st *State) checkProblem(want nn.Problem) error {
	if got := st.settings.Net.Task.Problem; got != want {
		if got == nn.Regression {
			return fmt.Errorf("label: this playground learns values (regression): give a point a value from -1 to 1, not a label")
		}
		return fmt.Errorf("value: this playground learns classes: give a point a label, -1 or 1, not a value")
	}
	return nil
}

// SetLabel gives point i a label.
func (st *State) SetLabel(i, label int) error {
	return st.change(i, nn.Classification, func(q *nn.Point) { q.Label = label })
}

// SetValue gives point i a value in [-1, 1], in a regression.
func (st *State) SetValue(i int, value float64) error {
	if err := checkValue(value); err != nil {
		return err
	}
	return st.change(i, nn.Regression, func(q *nn.Point) { q.Value = value })
}

// change applies f to point i, a point of the problem want, as one undoable edit.
func (st *State) change(i int, want nn.Problem, f func(*nn.Point)) error {
	st.mu.Lock()
	defer st.unlock()
	if err := st.checkProblem(want); err != nil {
		return err
	}
	if err := st.checkIndex(i); err != nil {
		return err
	}
	q := st.points[i]
	f(&q)
	if want == nn.Classification {
		if err := checkLabel(st.settings.Net.Task, q.Label); err != nil {
			return err
		}
	}
	st.setPoint(i, st.points[i], q)
	return nil
}

// setPoint records point i going from before to after as one undoable edit; no edit if they
// are the same. The caller holds the lock and has checked i.
func (st *State) setPoint(i int, before, after nn.Point) {
	if before != after {
		st.do(edit{kind: editSet, index: i, before: before, after: after})
	}
}

// FlipLabel gives point i the other label (of K classes, the next: k+1, and K back to 1), or in
// a regression the opposite value.
func (st *State) FlipLabel(i int) error {
	st.mu.Lock()
	defer st.unlock()
	if err := st.checkIndex(i); err != nil {
		return err
	}
	q := st.points[i]
	q.Label, q.Value = -q.Label, -q.Value
	if k := st.settings.Net.Task.NumClasses(); k > 2 {
		q.Label = st.points[i].Label%k + 1
	}
	st.setPoint(i, st.points[i], q)
	return nil
}

// MovePoint moves point i to (x, y) as one undoable edit.
func (st *State) MovePoint(i int, x, y float64) error {
	if err := checkXY(x, y); err != nil {
		return err
	}
	st.mu.Lock()
	defer st.unlock()
	if err := st.checkIndex(i); err != nil {
		return err
	}
	q := st.points[i]
	q.X, q.Y = x, y
	st.setPoint(i, st.points[i], q)
	return nil
}

// DragPoint moves point i while a drag is under way, without an undo entry; EndDrag records
// the whole drag as one.
func (st *State) DragPoint(i int, x, y float64) error {
	if err := checkXY(x, y); err != nil {
		return err
	}
	st.mu.Lock()
	defer st.unlock()
	if err := st.checkIndex(i); err != nil {
		return err
	}
	st.points[i].X, st.points[i].Y = x, y
	st.syncData()
	return nil
}

// EndDrag records the drag of point i, which started at (fromX, fromY), as one undoable edit.
func (st *State) EndDrag(i int, fromX, fromY float64) error {
	if err := checkXY(fromX, fromY); err != nil {
		return err
	}
	st.mu.Lock()
	defer st.unlock()
	if err := st.checkIndex(i); err != nil {
		return err
	}
	p := st.points[i]
	p.X, p.Y = fromX, fromY
	st.setPoint(i, p, st.points[i])
	return nil
}

// RemovePoint removes point i; later points move down one index.
func (st *State) RemovePoint(i int) error {
	st.mu.Lock()
	defer st.unlock()
	if err := st.checkIndex(i); err != nil {
		return err
	}
	st.do(edit{kind: editRemove, index: i, before: st.points[i]})
	return nil
}

// SetPoints replaces all points as one undoable edit. Bad points are rejected whole.
func (st *State) SetPoints(pts []nn.Point) error {
	if len(pts) > MaxPoints {
		return fmt.Errorf("points: %d points is more than the %d the plane holds", len(pts), MaxPoints)
	}
	st.mu.Lock()
	defer st.unlock()
	if err := st.settings.Net.Task.CheckPoints(pts); err != nil {
		return err
	}
	st.do(edit{kind: editAll, all: append([]nn.Point(nil), st.points...), allAfter: append([]nn.Point(nil), pts...)})
	return nil
}

// Points returns a copy of the points.
func (st *State) Points() []nn.Point {
	st.mu.Lock()
	defer st.mu.Unlock()
	return append([]nn.Point(nil), st.points...)
}

// Select marks point i as the selected one (its activations fill the network's neurons, and
// teaching mode walks it); -1 clears the selection.
func (st *State) Select(i int) error {
	st.mu.Lock()
	defer st.unlock()
	if i != -1 {
		if err := st.checkIndex(i); err != nil {
			return err
		}
	}
	st.selected = i
	st.emit(EventConfig)
	return nil
}
