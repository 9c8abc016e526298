package app

import "testing"

// TestDefaultPlayLearnsWithinFiveSeconds: Play on the default page (the notebook's ten points
// and network) reaches 90% accuracy within 5 s at 60 frames/s, counting steps: 300 frames of
// the default speed, with steps that cost nothing, so the speed alone bounds them.
func TestDefaultPlayLearnsWithinFiveSeconds(t *testing.T) {
	su := DefaultSetup()
	st, err := New(su.Settings, su.Points, su.Initial)
	if err != nil {
		t.Fatal(err)
	}
	withClock(st, 0)
	st.Play()
	var snap Snapshot
	for f := 1; f <= 5*60; f++ {
		st.Frame(&snap)
		if snap.Accuracy >= 0.9 {
			t.Logf("90%% accuracy after %d frames (%.1f s at 60 frames/s), step %d, loss %.4f", f, float64(f)/60, snap.Steps, snap.Loss)
			return
		}
	}
	t.Errorf("accuracy %.0f%% after 5 s at 60 frames/s (%d steps at speed %d), want 90%%", 100*snap.Accuracy, snap.Steps, su.Settings.Speed)
}
