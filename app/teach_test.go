package app

import (
	"math"
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

func notebookLesson(t *testing.T) (*State, Lesson) {
	t.Helper()
	return lessonOn(t, DefaultSettings(), nn.NotebookData(), nn.NotebookParams(), 0)
}

func TestNotebookStages(t *testing.T) {
	stages := Stages(nn.DefaultConfig(), 0.1)
	if len(stages) != 14 {
		t.Fatalf("%d stages for the notebook's network, want its 14", len(stages))
	}
	wantFormulas := []string{
		"a_1 =", "z_2 = w_2 a_1 + b_2", "a_2 = σ(z_2)", "z_3 = w_3 a_2 + b_3", "a_3 = σ(z_3)",
		"y = convert_label", "C_x = ½ ‖y − a_3‖²", "∂C_x/∂a_3 = a_3 − y", "δ_3 = (a_3 − y) ⊙ σ'(z_3)",
		"δ_2 = (w_3ᵀ δ_3) ⊙ σ'(z_2)", "db_l = δ_l", "dw_l = δ_l a_(l−1)ᵀ", "step_size = 0.1", "a_3_new",
	}
	for k, want := range wantFormulas {
		if !strings.Contains(stages[k].Formula, want) {
			t.Errorf("stage %d formula %q, want it to contain %q", k+1, stages[k].Formula, want)
		}
	}
}

// TestLessonShowsTheNotebooksNumbers checks the walk-through of the notebook's first point
// with its printed weights against the numbers the notebook prints.
func TestLessonShowsTheNotebooksNumbers(t *testing.T) {
	_, ls := notebookLesson(t)
	want := map[string][]float64{
		"a_2":     {0.386, 0.695, 0.182},   // In [12]
		"a_3":     {0.542, 0.893},          // In [14]
		"delta_3": {0.135, -0.010},         // In [23]
		"a_3_new": {0.537, 0.893},          // In [37]
		"dw_3":    {0.052, 0.094, 0.024},   // In [31], first row
		"C_x":     {0.15280874657485913},   // In [19]
		"delta_2": {-0.000, 0.008, 0.005},  // In [27]
		"dw_2":    {-0.001, -0.000, 0.009}, // In [33], row by row
	}
	for name, vals := range want {
		m, ok := ls.Matrices[name]
		if !ok {
			t.Errorf("lesson lacks %s", name)
			continue
		}
		for k, v := range vals {
			if math.Abs(m.Values[k]-v) > 0.002 {
				t.Errorf("%s[%d] = %.4f, notebook prints %.3f", name, k, m.Values[k], v)
			}
		}
	}
	if m := ls.Matrices["w_2"]; m.Rows != 3 || m.Cols != 2 {
		t.Errorf("w_2 is %dx%d, want 3x2", m.Rows, m.Cols)
	}
}

// TestEveryStageShowsTheTrace checks, for several networks, that every matrix a stage shows is
// nn's trace entry (or the live weight) exactly.
func TestEveryStageShowsTheTrace(t *testing.T) {
	for _, cfg := range []nn.Config{
		nn.DefaultConfig(),
		{Layers: []int{2, 4, 3, 2}, Activation: nn.Tanh, Cost: nn.Quadratic, Seed: 3},
		{Layers: []int{2, 5, 2}, Activation: nn.ReLU, Cost: nn.CrossEntropy, Seed: 8},
		{Layers: []int{2, 2}, Activation: nn.Linear, Cost: nn.Quadratic, Seed: 2},
	} {
		s := DefaultSettings()
		s.Net = cfg
		st, ls := lessonOn(t, s, nn.NotebookData(), nil, 4)
		tr, err := st.Trace(4)
		if err != nil {
			t.Fatal(err)
		}
		shown := 0
		for k, stage := range ls.Stages {
			for _, name := range stage.Show {
				m := ls.Matrices[name]
				ref := tr.Get(name)
				if ref == nil {
					if !strings.HasPrefix(name, "w_") && !strings.HasPrefix(name, "b_") {
						t.Errorf("%v stage %d shows %s, which is not in the trace", cfg.Layers, k+1, name)
					}
					continue
				}
				r, c := ref.Dims()
				if m.Rows != r || m.Cols != c {
					t.Errorf("%v stage %d: %s is %dx%d, trace has %dx%d", cfg.Layers, k+1, name, m.Rows, m.Cols, r, c)
					continue
				}
				for i := 0; i < r; i++ {
					for j := 0; j < c; j++ {
						if m.Values[i*c+j] != ref.At(i, j) {
							t.Errorf("%v stage %d: %s[%d,%d] = %v, trace has %v", cfg.Layers, k+1, name, i, j, m.Values[i*c+j], ref.At(i, j))
						}
					}
				}
				shown++
			}
		}
		if shown == 0 {
			t.Errorf("%v: no stage showed a trace matrix", cfg.Layers)
		}
		if cfg.Cost == nn.CrossEntropy {
			for _, stage := range ls.Stages {
				if strings.Contains(stage.Formula, "⊙ σ'(z_3)") {
					t.Errorf("cross-entropy stage %q multiplies by σ', but softmax folds it in", stage.Formula)
				}
			}
		}
	}
}

func TestApplyLessonIsTheNotebooksStep(t *testing.T) {
	st, ls := notebookLesson(t)
	if err := st.ApplyLesson(); err != nil {
		t.Fatal(err)
	}
	w := st.Weights()
	if got, want := w[1].W[0][0], ls.Matrices["w_3_new"].Values[0]; got != want {
		t.Errorf("w_3[1,1] after apply = %v, the lesson showed %v", got, want)
	}
	tr, err := st.Trace(0)
	if err != nil {
		t.Fatal(err)
	}
	a3 := tr.Get("a_3")
	if math.Abs(a3.At(0, 0)-0.537) > 0.002 || math.Abs(a3.At(1, 0)-0.893) > 0.002 {
		t.Errorf("a_3 after applying = %.4f, %.4f, notebook In [37] prints 0.537, 0.893", a3.At(0, 0), a3.At(1, 0))
	}
}

func TestTeachingNavigatesAndHighlights(t *testing.T) {
	st, _ := notebookLesson(t)
	var snap Snapshot
	st.Snapshot(&snap)
	if len(snap.Highlight.Neurons) != 1 || snap.Highlight.Neurons[0] != 1 {
		t.Errorf("stage 1 highlights %v, want layer 1's neurons", snap.Highlight)
	}
	st.TeachMove(1)
	st.Snapshot(&snap)
	if len(snap.Highlight.Weights) != 1 || snap.Highlight.Weights[0] != 2 {
		t.Errorf("stage 2 (z_2) highlights %v, want w_2", snap.Highlight)
	}
	st.TeachMove(100)
	if st.Info().Stage != 13 {
		t.Errorf("moving past the end: stage %d, want 13", st.Info().Stage)
	}
	if err := st.TeachStage(14); err == nil {
		t.Error("stage 14 of 14 (0-based) accepted")
	}
	st.EndTeach()
	st.Snapshot(&snap)
	if snap.Highlight.Any() {
		t.Errorf("closed walk-through still highlights %v", snap.Highlight)
	}
}
