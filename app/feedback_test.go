package app

import (
	"slices"
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

// fresh evaluates the playground's current weights on its current points from scratch.
func fresh(t *testing.T, st *State) (loss, acc float64) {
	t.Helper()
	info := st.Info()
	cfg := nn.DefaultConfig()
	cfg.Layers = info.Layers
	net, err := nn.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := net.SetParams(st.Weights()); err != nil {
		t.Fatal(err)
	}
	if len(info.Points) == 0 {
		return 0, 0
	}
	loss, acc, err = net.Evaluate(info.Points)
	if err != nil {
		t.Fatal(err)
	}
	return loss, acc
}

// TestLossIsFreshAfterEveryChange: whatever changes the points or the weights, the loss and
// accuracy the playground reports are those of a fresh evaluation, at once.
func TestLossIsFreshAfterEveryChange(t *testing.T) {
	st := newNotebook(t)
	if err := st.Step(30); err != nil {
		t.Fatal(err)
	}
	changes := []struct {
		name string
		do   func() error
	}{
		{"add", func() error { _, err := st.AddPoint(0.5, -3, 1); return err }},
		{"flip", func() error { return st.FlipLabel(0) }},
		{"move", func() error { return st.MovePoint(1, 3, 3) }},
		{"drag", func() error { return st.DragPoint(2, -1, -1) }},
		{"end drag", func() error { return st.EndDrag(2, 0, 0) }},
		{"delete", func() error { return st.RemovePoint(3) }},
		{"undo", func() error { st.Undo(); return nil }},
		{"redo", func() error { st.Redo(); return nil }},
		{"preset", func() error { return st.LoadData("circle", 50, 0.1, 7) }},
		{"import", func() error {
			pts, err := ImportPoints("x,y,label\n1,1,1\n-1,-1,-1\n2,0,1\n", nn.Task{})
			if err != nil {
				return err
			}
			return st.SetPoints(pts)
		}},
		{"setWeights", func() error {
			p := st.Weights()
			p[0].W[0][0] += 0.5
			return st.SetWeights(p)
		}},
		{"apply this step", func() error {
			if err := st.Teach(0); err != nil {
				return err
			}
			return st.ApplyLesson()
		}},
		{"remove all", func() error { return st.SetPoints(nil) }},
	}
	for _, c := range changes {
		if err := c.do(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		info := st.Info()
		loss, acc := fresh(t, st)
		if info.Loss != loss || info.Accuracy != acc {
			t.Errorf("after %s: loss %v accuracy %v, a fresh evaluation gives %v and %v", c.name, info.Loss, info.Accuracy, loss, acc)
		}
		var snap Snapshot
		st.Snapshot(&snap)
		if snap.Loss != loss || snap.Accuracy != acc {
			t.Errorf("after %s: the drawn loss %v accuracy %v, a fresh evaluation gives %v and %v", c.name, snap.Loss, snap.Accuracy, loss, acc)
		}
	}
}

// TestApplyLessonIsAStep: "Apply this step" counts as a step, and the chart records it.
func TestApplyLessonIsAStep(t *testing.T) {
	st := newNotebook(t)
	if err := st.Step(4); err != nil {
		t.Fatal(err)
	}
	if err := st.Teach(0); err != nil {
		t.Fatal(err)
	}
	if err := st.ApplyLesson(); err != nil {
		t.Fatal(err)
	}
	info := st.Info()
	if info.Steps != 5 {
		t.Errorf("steps = %d after 4 steps and Apply, want 5", info.Steps)
	}
	var snap Snapshot
	st.Snapshot(&snap)
	last := snap.History[len(snap.History)-1]
	if last.Step != 5 || last.Loss != info.Loss {
		t.Errorf("the chart's last sample is %+v, want step 5 with loss %v", last, info.Loss)
	}
}

// TestPresetAgainIsANewSample: the same preset with another data seed draws other points, the
// same seed the same points, and the seed is part of the state.
func TestPresetAgainIsANewSample(t *testing.T) {
	st := newNotebook(t)
	if err := st.LoadData("gaussians", 40, 0.5, 1); err != nil {
		t.Fatal(err)
	}
	a := st.Points()
	if err := st.LoadData("gaussians", 40, 0.5, 2); err != nil {
		t.Fatal(err)
	}
	b := st.Points()
	if slices.Equal(a, b) {
		t.Error("a new data seed drew the same points")
	}
	if d := st.Info().Data; d != (DataSource{Name: "gaussians", N: 40, Noise: 0.5, Seed: 2}) || st.Info().DataEdited {
		t.Errorf("data = %+v (edited %v), want gaussians 40 0.5 seed 2, unedited", d, st.Info().DataEdited)
	}
	if err := st.LoadData("gaussians", 40, 0.5, 1); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a, st.Points()) {
		t.Error("the same data seed drew other points")
	}
	if err := st.LoadData("spiral", 10, 0.1, MaxSeed+1); err == nil {
		t.Error("a data seed above MaxSeed was accepted")
	}
}

// TestShareQueryOfAPreset: a preset's state is shared as the preset, not its points, and the
// link draws exactly the same points; once edited, the points are written out.
func TestShareQueryOfAPreset(t *testing.T) {
	st := newNotebook(t)
	if err := st.LoadData("spiral", 2000, 0.1, 123456789); err != nil {
		t.Fatal(err)
	}
	q := st.ShareQuery(false)
	t.Logf("the share query of 2,000 spiral points: %d characters", len(q))
	if len(q) > 2000 {
		t.Errorf("the share query of 2,000 spiral points is %d characters, want at most 2,000: %s", len(q), q)
	}
	if strings.Contains(q, "points=") || !strings.Contains(q, "data=spiral") || !strings.Contains(q, "dataseed=123456789") {
		t.Errorf("share query %q: want the preset, its count, noise and data seed, not its points", q)
	}
	su, probs := ParseQuery(q)
	if len(probs) > 0 {
		t.Fatalf("problems reading %q: %v", q, probs)
	}
	if !slices.Equal(su.Points, st.Points()) {
		t.Error("the link did not restore the same points")
	}
	if su.Source() != st.Info().Data {
		t.Errorf("the link's data source %+v, want %+v", su.Source(), st.Info().Data)
	}

	if err := st.FlipLabel(5); err != nil {
		t.Fatal(err)
	}
	if q := st.ShareQuery(false); !strings.Contains(q, "points=") || strings.Contains(q, "data=") {
		t.Errorf("after an edit the query must carry the points, not the preset: %.200s", q)
	} else if !st.Info().DataEdited {
		t.Error("after an edit, DataEdited is false")
	}
	st.Undo()
	if q := st.ShareQuery(false); strings.Contains(q, "points=") {
		t.Errorf("with the edit undone the points are the preset's again, but the query writes them out: %.200s", q)
	}
}

// TestShareQueryOfTheNotebook: the default playground shares as data=notebook.
func TestShareQueryOfTheNotebook(t *testing.T) {
	su := DefaultSetup()
	st, err := New(su.Settings, su.Points, nil)
	if err != nil {
		t.Fatal(err)
	}
	st.SetDataSource(su.Source())
	q := st.ShareQuery(false)
	if !strings.Contains(q, "data=notebook") || strings.Contains(q, "points=") || strings.Contains(q, "dataseed") {
		t.Errorf("share query %q, want data=notebook and no points", q)
	}
}

// TestDataSeedParameter: dataseed draws the preset's points; without it, the network's seed does.
func TestDataSeedParameter(t *testing.T) {
	a, _ := ParseQuery("data=xor&n=30&seed=5")
	b, _ := ParseQuery("data=xor&n=30&seed=5&dataseed=5")
	c, _ := ParseQuery("data=xor&n=30&seed=5&dataseed=6")
	if !slices.Equal(a.Points, b.Points) || slices.Equal(a.Points, c.Points) {
		t.Error("dataseed does not choose the sample, or its default is not the seed")
	}
	if _, probs := ParseQuery("data=xor&dataseed=-1"); len(probs) != 1 || probs[0].Param != "dataseed" {
		t.Errorf("dataseed=-1: problems %v, want one naming dataseed", probs)
	}
}

// TestUndoANewSample: undoing a new sample of a preset brings back the points and the data
// seed they were drawn from (the state and a share link name the preset again, unedited);
// redo brings the new sample back with its seed.
func TestUndoANewSample(t *testing.T) {
	st := newNotebook(t)
	st.SetDataSource(DataSource{Name: "notebook"}) // as the page's address says at the start
	if err := st.LoadData("circle", 50, 0.2, 7); err != nil {
		t.Fatal(err)
	}
	first := st.Points()
	if err := st.LoadData("circle", 50, 0.2, 8); err != nil {
		t.Fatal(err)
	}
	second := st.Points()
	if !st.Undo() {
		t.Fatal("nothing to undo")
	}
	info := st.Info()
	if !slices.Equal(info.Points, first) || info.Data.Seed != 7 || info.DataEdited {
		t.Errorf("after undo: same points %v, data %+v, edited %v; want the first sample, seed 7, unedited",
			slices.Equal(info.Points, first), info.Data, info.DataEdited)
	}
	if q := st.ShareQuery(false); !strings.Contains(q, "dataseed=7") || strings.Contains(q, "points=") {
		t.Errorf("after undo the link is %q, want the preset with dataseed=7", q)
	}
	st.Redo()
	info = st.Info()
	if !slices.Equal(info.Points, second) || info.Data.Seed != 8 || info.DataEdited {
		t.Errorf("after redo: data %+v, edited %v; want the second sample, seed 8", info.Data, info.DataEdited)
	}
	st.Undo()
	st.Undo() // back to the notebook's points, from before any preset
	if info := st.Info(); info.Data.Name != "notebook" || info.DataEdited {
		t.Errorf("undoing the first preset too: data %+v, edited %v; want the notebook's, unedited", info.Data, info.DataEdited)
	}
}
