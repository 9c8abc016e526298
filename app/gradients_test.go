package app

import (
	"slices"
	"strings"
	"testing"
)

// TestDiagramCarriesTheStagesNumbers walks the notebook's stages: the backward stages put
// the lesson's δ on the neurons and dw on the edges; the forward stages put neither.
func TestDiagramCarriesTheStagesNumbers(t *testing.T) {
	st, ls := notebookLesson(t)
	var snap Snapshot
	for k, s := range ls.Stages {
		if err := st.TeachStage(k); err != nil {
			t.Fatal(err)
		}
		st.Snapshot(&snap)
		h := snap.Highlight
		switch s.kind {
		case stageDeltaL, stageDelta:
			for _, l := range []int{s.layer, s.layer + 1} {
				if l > 3 {
					continue
				}
				if want := ls.m("delta", l).Values; !slices.Equal(h.NeuronValues[l-1], want) || h.NeuronName != "δ" {
					t.Errorf("stage %d: layer %d's neurons carry %s %v, want δ %v", k+1, l, h.NeuronName, h.NeuronValues[l-1], want)
				}
			}
		case stageDW, stageUpdate:
			for l := 2; l <= 3; l++ {
				if want := ls.m("dw", l).Values; !slices.Equal(h.EdgeValues[l-1], want) {
					t.Errorf("stage %d: w_%d's edges carry %v, want dw %v", k+1, l, h.EdgeValues[l-1], want)
				}
			}
		case stageInput, stageZ, stageA, stageY, stageCost, stageAfter:
			if len(h.NeuronValues)+len(h.EdgeValues) != 0 {
				t.Errorf("stage %d (%s) puts values on the diagram: %v %v", k+1, s.Title, h.NeuronValues, h.EdgeValues)
			}
		}
	}
	// Applying the step changes the weights: the update stage's dw follow them.
	if err := st.TeachStage(12); err != nil {
		t.Fatal(err)
	}
	st.Snapshot(&snap)
	before := slices.Clone(snap.Highlight.EdgeValues[2])
	if err := st.ApplyLesson(); err != nil {
		t.Fatal(err)
	}
	st.Snapshot(&snap)
	if slices.Equal(before, snap.Highlight.EdgeValues[2]) {
		t.Error("after applying the step the diagram still shows the old step's dw")
	}
}

// TestGradientsFollowTheLastStep turns the gradients on: after a step the snapshot carries
// the trainer's dw for every layer; after a reset (new weights, no step) it carries none.
func TestGradientsFollowTheLastStep(t *testing.T) {
	st := newNotebook(t)
	var snap Snapshot
	st.SetGradients(true)
	st.Snapshot(&snap)
	if !snap.Gradients || snap.GradOK {
		t.Fatalf("before any step: gradients %v, ok %v", snap.Gradients, snap.GradOK)
	}
	if err := st.Step(1); err != nil {
		t.Fatal(err)
	}
	st.Snapshot(&snap)
	if !snap.GradOK || len(snap.Grad) != 3 || len(snap.Grad[1]) != 6 || len(snap.Grad[2]) != 6 {
		t.Fatalf("after a step: ok %v, grad %v", snap.GradOK, snap.Grad)
	}
	nonzero := 0
	for _, v := range slices.Concat(snap.Grad[1], snap.Grad[2]) {
		if v != 0 {
			nonzero++
		}
	}
	if nonzero == 0 {
		t.Error("the last step's dw is all zero")
	}
	if !st.Info().Gradients || !slices.Contains(strings.Split(st.ShareQuery(false), "&"), "gradients=1") {
		t.Error("the gradients setting is not in Info or the share link")
	}
	if err := st.Reset(); err != nil {
		t.Fatal(err)
	}
	st.Snapshot(&snap)
	if snap.GradOK {
		t.Error("after a reset the snapshot still shows a gradient")
	}
	st.SetGradients(false)
	if err := st.Step(1); err != nil {
		t.Fatal(err)
	}
	st.Snapshot(&snap)
	if snap.Gradients || snap.GradOK {
		t.Error("gradients off, yet the snapshot carries them")
	}
}

// TestFrameWithGradientsAllocatesNothing trains with the gradients shown: the copy of the
// last step's dw into the snapshot reuses its slices.
func TestFrameWithGradientsAllocatesNothing(t *testing.T) {
	st := newNotebook(t)
	st.SetGradients(true)
	st.Play()
	var snap Snapshot
	for i := 0; i < historyCap*2; i++ {
		st.Frame(&snap)
	}
	if !snap.GradOK {
		t.Fatal("training with gradients on shows none")
	}
	if n := testing.AllocsPerRun(100, func() { st.Frame(&snap) }); n != 0 {
		t.Errorf("Frame allocates %v times per call, want 0", n)
	}
}

func TestGradientsFromTheAddress(t *testing.T) {
	su, probs := ParseQuery("gradients=1")
	if len(probs) != 0 || !su.Settings.Gradients {
		t.Errorf("gradients=1: %v, problems %v", su.Settings.Gradients, probs)
	}
	if _, probs := ParseQuery("gradients=maybe"); len(probs) != 1 || probs[0].Param != "gradients" {
		t.Errorf("gradients=maybe: problems %v", probs)
	}
	su, probs = ParseQuery("teach=0&view=all&view=-1,1,-1,1")
	if len(probs) != 0 || !su.TeachAll || su.Settings.View.XMax != 1 {
		t.Errorf("teach=0&view=all beside a plane's view: all %v, view %v, problems %v", su.TeachAll, su.Settings.View, probs)
	}
	if _, probs := ParseQuery("view=all"); len(probs) != 1 || probs[0].Param != "view" {
		t.Errorf("view=all without teach: problems %v", probs)
	}
}
