package app

import (
	"fmt"
	"math"
)

// MaxWeightEdit bounds the value a learner may type for one weight or bias: far beyond what
// training makes (a sigmoid is saturated long before), so a larger number is a slip.
const MaxWeightEdit = 1000

// WeightRef names one weight or bias as the notebook writes it: w_Layer[Row,Col], or
// b_Layer[Row] when Col is 0. Layer runs from 2 to L; Row and Col count from 1, as the
// notebook's labels and the diagram's tooltips do.
type WeightRef struct{ Layer, Row, Col int }

// String is the notebook's name: "w_3[1,2]" or "b_2[3]".
func (r WeightRef) String() string {
	if r.Col == 0 {
		return fmt.Sprintf("b_%d[%d]", r.Layer, r.Row)
	}
	return fmt.Sprintf("w_%d[%d,%d]", r.Layer, r.Row, r.Col)
}

// checkRef reports a reference outside the network's layers, rows or columns, in its own terms.
// The caller holds the lock.
func (st *State) checkRef(r WeightRef) error {
	L := st.net.L()
	if r.Layer < 2 || r.Layer > L {
		return fmt.Errorf("weight: layer %d has no weights; layers with weights run from 2 to %d", r.Layer, L)
	}
	rows, cols := st.net.W(r.Layer).Dims()
	if r.Row < 1 || r.Row > rows {
		return fmt.Errorf("weight: %s: row %d is out of range; w_%d and b_%d have rows 1 to %d", r, r.Row, r.Layer, r.Layer, rows)
	}
	if r.Col < 0 || r.Col > cols {
		return fmt.Errorf("weight: %s: column %d is out of range; w_%d has columns 1 to %d (column 0 names the bias)", r, r.Col, r.Layer, cols)
	}
	return nil
}

// Weight returns the current value of the weight or bias r.
func (st *State) Weight(r WeightRef) (float64, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := st.checkRef(r); err != nil {
		return 0, err
	}
	return st.weightAt(r), nil
}

func (st *State) weightAt(r WeightRef) float64 {
	if r.Col == 0 {
		return st.net.B(r.Layer).At(r.Row-1, 0)
	}
	return st.net.W(r.Layer).At(r.Row-1, r.Col-1)
}

// SetWeight sets the weight or bias r to v, as one undoable edit: training goes on from the
// new value, and the plane shows it at once. v must be a finite number from -MaxWeightEdit to
// MaxWeightEdit; on error nothing changes.
func (st *State) SetWeight(r WeightRef, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("weight: %s: %v is not a number a weight can hold; type a finite number", r, v)
	}
	if math.Abs(v) > MaxWeightEdit {
		return fmt.Errorf("weight: %s: %g is too large; type a number from %d to %d", r, v, -MaxWeightEdit, MaxWeightEdit)
	}
	st.mu.Lock()
	defer st.unlock()
	if err := st.checkRef(r); err != nil {
		return err
	}
	st.do(edit{kind: editWeight, weight: r, value: st.weightAt(r), valueAfter: v})
	return nil
}

// applyWeight sets the weight of e to e.valueAfter, with the lock held. A weight edit undone
// after the network changed shape no longer fits it, and does nothing.
func (st *State) applyWeight(e edit) {
	if st.checkRef(e.weight) != nil {
		return
	}
	r := e.weight
	if r.Col == 0 {
		st.net.B(r.Layer).Set(r.Row-1, 0, e.valueAfter)
	} else {
		st.net.W(r.Layer).Set(r.Row-1, r.Col-1, e.valueAfter)
	}
	st.weightsVersion++
	st.message = ""
	st.cancelJobs(cancelWeights)
	st.measure()
	st.emit(EventStep)
}
