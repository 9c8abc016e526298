package app

import "github.com/nnviz/nnviz/nn"

// Highlight marks what a teaching stage involves, by the notebook's layer numbers (1..L).
type Highlight struct {
	Neurons []int // layers whose neurons are emphasised
	Weights []int // layers l whose w_l edges are emphasised
	Biases  []int // layers l whose b_l are emphasised
	// NeuronValues[l-1] are the numbers the stage puts on layer l's neurons instead of their
	// activations (δ_l at the backward stages), empty where it puts none; NeuronName names
	// them ("δ", "∂C/∂a"). EdgeValues[l-1] is dw_l, row by row, where the stage colours the
	// edges by their gradient instead of their weight, empty elsewhere.
	NeuronValues [][]float64
	NeuronName   string
	EdgeValues   [][]float64
}

// CopyFrom makes h a copy of src, reusing h's slices.
func (h *Highlight) CopyFrom(src *Highlight) {
	h.Neurons = append(h.Neurons[:0], src.Neurons...)
	h.Weights = append(h.Weights[:0], src.Weights...)
	h.Biases = append(h.Biases[:0], src.Biases...)
	h.NeuronValues = copyRows(h.NeuronValues, src.NeuronValues)
	h.NeuronName = src.NeuronName
	h.EdgeValues = copyRows(h.EdgeValues, src.EdgeValues)
}

// copyRows copies src into dst's storage, reusing it.
func copyRows(dst, src [][]float64) [][]float64 {
	for len(dst) < len(src) {
		dst = append(dst, nil)
	}
	dst = dst[:len(src)]
	for i, r := range src {
		dst[i] = append(dst[i][:0], r...)
	}
	return dst
}

// Any reports whether anything is highlighted.
func (h Highlight) Any() bool {
	return len(h.Neurons)+len(h.Weights)+len(h.Biases) > 0
}

// Snapshot is everything the renderer draws, copied out of a State once per frame. Its slices
// and network are reused from frame to frame, so steady-state frames allocate nothing.
type Snapshot struct {
	Net      *nn.Network // a copy owned by the snapshot
	Points   []nn.Point
	Selected int     // the selected point, -1 if none
	AddLabel int     // the class a plain click adds
	AddValue float64 // the value a plain click adds in a regression
	ShowTest bool    // draw the test points
	// TestLoss and TestAccuracy are over the test points, when some are held out (HasTest).
	HasTest      bool
	TestLoss     float64
	TestAccuracy float64
	History      []Sample
	Steps        int
	Epoch        int
	Loss         float64
	Accuracy     float64
	Running      bool
	// Stepping says steps asked for with StartSteps are still being made, across frames.
	Stepping bool
	View     View
	// Discretize says the plane shows hard classes (Settings.Discretize).
	Discretize bool
	// Teaching says the walk-through is open: a click on a point then selects it rather than
	// flipping its label.
	Teaching bool
	// Highlight is what the current teaching stage involves; empty outside teaching mode.
	Highlight Highlight
	// WeightsVersion changes whenever the weights or the shape change; PointsVersion whenever
	// the points do. Renderers recompute their caches only then.
	WeightsVersion uint64
	PointsVersion  uint64
	// Message is something the learner must read (e.g. training diverged); "" if none.
	Message string
	// Gradients says the edges show the last step's dw rather than w (Settings.Gradients);
	// Grad[l-1] is dw_l row by row when there is a last step to show (GradOK), from
	// nn.Trainer.LastGradient.
	Gradients bool
	GradOK    bool
	Grad      [][]float64
}

// Frame trains for one frame, then copies what is to be drawn into dst. It is the only place
// where training runs per frame: the steps StartSteps has still to make, then, while playing, up
// to the speed setting, for as long as the frame's time budget allows (see budget.go).
func (st *State) Frame(dst *Snapshot) {
	st.mu.Lock()
	defer st.unlock()
	start := st.clock()
	// train records its own error in st.message and pauses.
	st.train(start + st.budget.frame(start))
	st.fill(dst)
}

// Snapshot copies what is to be drawn into dst without training.
func (st *State) Snapshot(dst *Snapshot) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.fill(dst)
}

func (st *State) fill(dst *Snapshot) {
	if dst.WeightsVersion != st.weightsVersion || dst.Net == nil {
		if dst.Net == nil || dst.Net.CopyFrom(st.net) != nil {
			dst.Net = st.net.Clone()
		}
	}
	if dst.PointsVersion != st.pointsVersion {
		dst.Points = append(dst.Points[:0], st.points...)
	}
	dst.History = append(dst.History[:0], st.history...)
	dst.Selected = st.selected
	dst.AddLabel = st.settings.AddLabel
	dst.AddValue, dst.ShowTest = st.settings.AddValue, st.settings.ShowTest
	dst.HasTest, dst.TestLoss, dst.TestAccuracy = len(st.testPts) > 0, st.tloss, st.tacc
	dst.Steps = st.trainer.Steps()
	dst.Epoch = st.trainer.Epoch()
	dst.Loss, dst.Accuracy = st.loss, st.acc
	dst.Running = st.running
	dst.Stepping = len(st.jobs) > 0
	dst.View = st.settings.View
	dst.Discretize = st.settings.Discretize
	dst.Teaching = st.teaching
	if st.teaching && st.highlightFor != st.highlightKey() {
		st.updateHighlight() // the point, the weights or the stage changed since
	}
	dst.Highlight.CopyFrom(&st.highlight)
	st.fillGradients(dst)
	dst.WeightsVersion = st.weightsVersion
	dst.PointsVersion = st.pointsVersion
	dst.Message = st.message
}
