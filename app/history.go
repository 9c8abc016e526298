package app

import "github.com/nnviz/nnviz/nn"

// undoCap bounds the undo history.
const undoCap = 500

type editKind int

const (
	editAdd    editKind = iota // insert after at index
	editRemove                 // remove before at index
	editSet                    // replace before with after at index
	editAll                    // replace all points with allAfter
	editWeight                 // set the weight or bias weight from value to valueAfter
)

// edit is one undoable change to the points or a weight, holding what is needed to apply it
// both ways.
type edit struct {
	kind              editKind
	index             int
	before, after     nn.Point
	all, allAfter     []nn.Point
	weight            WeightRef
	value, valueAfter float64
	// An editAll that drew a preset (LoadData) also sets the data source from source to
	// sourceAfter, so that undoing a new sample brings back the preset and data seed it undoes.
	setsSource          bool
	source, sourceAfter DataSource
}

// inverse is the edit that undoes e.
func (e edit) inverse() edit {
	switch e.kind {
	case editAdd:
		return edit{kind: editRemove, index: e.index, before: e.after}
	case editRemove:
		return edit{kind: editAdd, index: e.index, after: e.before}
	case editSet:
		return edit{kind: editSet, index: e.index, before: e.after, after: e.before}
	case editWeight:
		return edit{kind: editWeight, weight: e.weight, value: e.valueAfter, valueAfter: e.value}
	default:
		return edit{kind: editAll, all: e.allAfter, allAfter: e.all, setsSource: e.setsSource, source: e.sourceAfter, sourceAfter: e.source}
	}
}

// apply performs e on the points or the weights, with the lock held.
func (st *State) apply(e edit) {
	switch e.kind {
	case editWeight:
		st.applyWeight(e)
		return
	case editAdd:
		st.points = append(st.points, nn.Point{})
		copy(st.points[e.index+1:], st.points[e.index:])
		st.points[e.index] = e.after
		if st.selected >= e.index {
			st.selected++
		}
	case editRemove:
		st.points = append(st.points[:e.index], st.points[e.index+1:]...)
		switch {
		case st.selected == e.index:
			st.selected = -1
		case st.selected > e.index:
			st.selected--
		}
	case editSet:
		st.points[e.index] = e.after
	case editAll:
		st.points = append(st.points[:0], e.allAfter...)
		st.selected = -1
		if e.setsSource {
			st.source, st.sourceChecked = e.sourceAfter, 0
			st.emit(EventConfig)
		}
	}
	st.syncData()
}

// do applies a new edit and makes it undoable; it clears the redo list.
func (st *State) do(e edit) {
	st.apply(e)
	if len(st.undo) == undoCap {
		st.undo = append(st.undo[:0], st.undo[1:]...)
	}
	st.undo = append(st.undo, e)
	st.redo = st.redo[:0]
}

// Undo reverts the last edit of the points or a weight; it reports whether there was one.
func (st *State) Undo() bool {
	st.mu.Lock()
	defer st.unlock()
	n := len(st.undo)
	if n == 0 {
		return false
	}
	e := st.undo[n-1]
	st.undo = st.undo[:n-1]
	st.apply(e.inverse())
	st.redo = append(st.redo, e)
	return true
}

// Redo applies again the last undone edit; it reports whether there was one.
func (st *State) Redo() bool {
	st.mu.Lock()
	defer st.unlock()
	n := len(st.redo)
	if n == 0 {
		return false
	}
	e := st.redo[n-1]
	st.redo = st.redo[:n-1]
	st.apply(e)
	st.undo = append(st.undo, e)
	return true
}
