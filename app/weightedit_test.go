package app

import (
	"math"
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

// TestSetWeightIsAnUndoableEdit: setting w_3[1,2] and b_2[3] changes exactly those numbers,
// measures the loss again and moves the weights' version (the plane is drawn again); undo
// and redo go back and forth, interleaved with an edit of the points.
func TestSetWeightIsAnUndoableEdit(t *testing.T) {
	st := newNotebook(t)
	before := st.Weights()
	loss0 := st.Info().Loss
	var snap Snapshot
	st.Snapshot(&snap)
	v0 := snap.WeightsVersion

	if err := st.SetWeight(WeightRef{Layer: 3, Row: 1, Col: 2}, 2.5); err != nil {
		t.Fatal(err)
	}
	w := st.Weights()
	if w[1].W[0][1] != 2.5 {
		t.Fatalf("w_3[1,2] = %v after setting it to 2.5", w[1].W[0][1])
	}
	w[1].W[0][1] = before[1].W[0][1]
	if !sameParams(w, before) {
		t.Errorf("setting w_3[1,2] changed other weights: %v, was %v", st.Weights(), before)
	}
	if st.Info().Loss == loss0 {
		t.Errorf("the loss %v was not measured again after the weight changed", loss0)
	}
	st.Snapshot(&snap)
	if snap.WeightsVersion == v0 {
		t.Error("the weights' version did not move: the plane would not be drawn again")
	}
	if v, err := st.Weight(WeightRef{Layer: 3, Row: 1, Col: 2}); err != nil || v != 2.5 {
		t.Errorf("Weight(w_3[1,2]) = %v, %v", v, err)
	}

	if err := st.SetWeight(WeightRef{Layer: 2, Row: 3}, -1); err != nil {
		t.Fatal(err)
	}
	if b := st.Weights()[0].B[2]; b != -1 {
		t.Fatalf("b_2[3] = %v after setting it to -1", b)
	}
	if _, err := st.AddPoint(1, 1, 1); err != nil {
		t.Fatal(err)
	}
	st.Undo() // the point
	st.Undo() // b_2[3]
	if b := st.Weights()[0].B[2]; b != before[0].B[2] {
		t.Errorf("undo left b_2[3] = %v, want %v", b, before[0].B[2])
	}
	st.Undo() // w_3[1,2]
	if !sameParams(st.Weights(), before) {
		t.Errorf("undoing both edits left %v, want %v", st.Weights(), before)
	}
	if st.Info().Loss != loss0 {
		t.Errorf("the loss after undo is %v, want %v again", st.Info().Loss, loss0)
	}
	st.Redo()
	if v, _ := st.Weight(WeightRef{Layer: 3, Row: 1, Col: 2}); v != 2.5 {
		t.Errorf("redo left w_3[1,2] = %v, want 2.5", v)
	}
}

// TestSetWeightRefusesBadValues: a value that is not finite or absurdly large, and a weight
// the network does not have, are refused with the weight's name, and nothing changes.
func TestSetWeightRefusesBadValues(t *testing.T) {
	st := newNotebook(t)
	before := st.Weights()
	for _, tc := range []struct {
		ref  WeightRef
		v    float64
		says string
	}{
		{WeightRef{3, 1, 2}, math.NaN(), "w_3[1,2]: NaN is not a number a weight can hold"},
		{WeightRef{3, 1, 2}, math.Inf(1), "w_3[1,2]: +Inf is not a number"},
		{WeightRef{2, 1, 1}, 1e6, "w_2[1,1]: 1e+06 is too large; type a number from -1000 to 1000"},
		{WeightRef{2, 2, 0}, -1001, "b_2[2]: -1001 is too large"},
		{WeightRef{1, 1, 1}, 0, "layer 1 has no weights; layers with weights run from 2 to 3"},
		{WeightRef{4, 1, 1}, 0, "layer 4 has no weights"},
		{WeightRef{3, 3, 1}, 0, "w_3[3,1]: row 3 is out of range; w_3 and b_3 have rows 1 to 2"},
		{WeightRef{3, 0, 1}, 0, "row 0 is out of range"},
		{WeightRef{2, 1, 3}, 0, "w_2[1,3]: column 3 is out of range; w_2 has columns 1 to 2"},
		{WeightRef{2, 1, -1}, 0, "column -1 is out of range"},
	} {
		err := st.SetWeight(tc.ref, tc.v)
		if err == nil || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("SetWeight(%v, %v) = %v, want an error saying %q", tc.ref, tc.v, err, tc.says)
		}
	}
	if !sameParams(st.Weights(), before) {
		t.Error("a refused edit changed the weights")
	}
	if st.Undo() {
		t.Error("a refused edit left something to undo")
	}
}

func TestWeightRefNames(t *testing.T) {
	if s := (WeightRef{3, 1, 2}).String(); s != "w_3[1,2]" {
		t.Errorf("w: %s", s)
	}
	if s := (WeightRef{2, 3, 0}).String(); s != "b_2[3]" {
		t.Errorf("b: %s", s)
	}
}

// TestUndoOfAWeightAfterANewShapeDoesNothing: a weight edit that no longer fits the network
// (its shape changed since) is undone as nothing, not as a crash.
func TestUndoOfAWeightAfterANewShapeDoesNothing(t *testing.T) {
	st := newNotebook(t)
	if err := st.SetWeight(WeightRef{3, 2, 3}, 1); err != nil {
		t.Fatal(err)
	}
	s := st.Settings()
	s.Net.Layers = []int{2, 2, nn.Outputs}
	if err := st.Configure(s); err != nil {
		t.Fatal(err)
	}
	before := st.Weights()
	if !st.Undo() {
		t.Fatal("nothing to undo")
	}
	if !sameParams(st.Weights(), before) {
		t.Error("undoing an edit of w_3[2,3] changed a 2-2-2 network")
	}
}
