package app

import "github.com/nnviz/nnviz/nn"

// Status is what changes while training: the counters, the loss and accuracy, and revisions
// that say whether the points changed. It copies no points, so a page can read it every frame.
type Status struct {
	Steps    int
	Epoch    int
	Loss     float64
	Accuracy float64
	// TestLoss and TestAccuracy are over the test points (0 when none are held out).
	TestLoss     float64
	TestAccuracy float64
	Running      bool
	// Points is how many points there are; PointsRevision changes whenever they do, so a
	// reader copies them (Info, InfoAfter) only then.
	Points         int
	PointsRevision uint64
	// PendingSteps is how many steps asked for by StartSteps are still to be made.
	PendingSteps int
	Message      string
}

// Status returns the training counters without copying the points.
func (st *State) Status() Status {
	st.mu.Lock()
	defer st.mu.Unlock()
	return Status{
		Steps:          st.trainer.Steps(),
		Epoch:          st.trainer.Epoch(),
		Loss:           st.loss,
		Accuracy:       st.acc,
		TestLoss:       st.tloss,
		TestAccuracy:   st.tacc,
		Running:        st.running,
		Points:         len(st.points),
		PointsRevision: st.pointsVersion,
		PendingSteps:   st.pendingSteps(),
		Message:        st.message,
	}
}

// Task returns what the playground learns: its features and problem.
func (st *State) Task() nn.Task {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.settings.Net.Task
}
