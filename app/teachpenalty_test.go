package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

// TestLessonShowsThePenalty: with a penalty on, the walk-through's update stage states the
// penalty's term with step_size and λ, shows λ·w_l (or λ·sign(w_l)) for every layer with its
// numbers, and "Apply this step" makes the trainer's own step; without one, nothing changes.
func TestLessonShowsThePenalty(t *testing.T) {
	for _, tc := range []struct {
		reg     nn.Regularization
		formula string
	}{
		{nn.L2, "w_l ← w_l − step_size · (dw_l + λ·w_l)"},
		{nn.L1, "w_l ← w_l − step_size · (dw_l + λ·sign(w_l)), stopping at 0"},
	} {
		s := DefaultSettings()
		s.Train.Reg, s.Train.RegRate = tc.reg, 0.3
		st, ls := lessonOn(t, s, nn.NotebookData(), nn.NotebookParams(), 2)
		if ls.Reg != tc.reg.String() || ls.RegRate != 0.3 {
			t.Errorf("%v: the lesson says reg %q, rate %v", tc.reg, ls.Reg, ls.RegRate)
		}
		u := ls.Stages[len(ls.Stages)-2]
		if !strings.Contains(u.Formula, tc.formula) || !strings.Contains(u.Formula, "λ = 0.3") || !strings.Contains(u.Formula, "step_size = 0.1") {
			t.Errorf("%v: the update stage's formula is %q", tc.reg, u.Formula)
		}
		w := st.Weights()
		for l := 3; l >= 2; l-- {
			name := fmt.Sprintf("%v_w_%d", tc.reg, l)
			if !slices.Contains(u.Show, name) {
				t.Errorf("%v: the update stage shows %v, not %s", tc.reg, u.Show, name)
			}
			m := ls.Matrices[name]
			for r, row := range w[l-2].W {
				for c, v := range row {
					if want := s.Train.PenaltyGrad(v); m.Values[r*m.Cols+c] != want {
						t.Errorf("%v: %s[%d,%d] = %v, want %v", tc.reg, name, r+1, c+1, m.Values[r*m.Cols+c], want)
					}
				}
			}
		}
		// Apply this step is the trainer's step with the penalty.
		n, _ := nn.New(s.Net)
		_ = n.SetParams(nn.NotebookParams())
		tr, _ := nn.NewTrainer(n, s.Train)
		if err := tr.SetData(nn.NotebookData()[2:3]); err != nil {
			t.Fatal(err)
		}
		if err := tr.Step(); err != nil {
			t.Fatal(err)
		}
		if err := st.ApplyLesson(); err != nil {
			t.Fatal(err)
		}
		if !sameParams(st.Weights(), n.Params()) {
			t.Errorf("%v: Apply this step made %v, the trainer's step %v", tc.reg, st.Weights(), n.Params())
		}
	}
	_, plain := notebookLesson(t)
	for _, s := range plain.Stages {
		if strings.Contains(s.Formula, "λ") {
			t.Errorf("without a penalty, stage %q mentions λ: %q", s.Title, s.Formula)
		}
	}
}
