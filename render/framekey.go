package render

import (
	"slices"

	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// frameKey is everything the picture depends on. Draw compares it with the key of the last
// picture it drew and, when nothing changed, returns at once: the screen is not cleared
// between frames (ebiten.SetScreenClearedEveryFrame(false)), so the last picture stays, and a
// paused page costs the GPU nothing.
type frameKey struct {
	w, h, scale    float32
	shown          card
	weights        uint64 // app.Snapshot.WeightsVersion: the boundary, the diagram, the values
	points         uint64 // app.Snapshot.PointsVersion
	selected       int
	addLabel       int
	addValue       float64
	showTest       bool
	testLoss       float64 // the test points' loss and accuracy, with the training points'
	testAccuracy   float64
	steps, epoch   int
	history        int
	lastSample     app.Sample
	loss, accuracy float64
	running        bool
	view           app.View
	discretize     bool
	teaching       bool
	message        string
	heatmaps       bool
	gradients      bool // the edges show the last step's dw
	gradOK         bool // and there is one
	div            int  // the boundary's grid
	act            nn.Activation
	cost           nn.Cost
	hover          hit
	dragging       bool
	cursorX        float32
	cursorY        float32
	cursorShown    bool
	notice         string // the notice shown now, "" if none
}

// keyOf returns the key of the picture the game would draw now. hl receives a copy of the
// snapshot's highlight, which the key cannot hold (slices are not comparable).
func (g *Game) keyOf(hl *app.Highlight) frameKey {
	s := &g.snap
	k := frameKey{
		w: g.ly.W, h: g.ly.H, scale: g.ly.Scale, shown: g.ly.Shown,
		weights: s.WeightsVersion, points: s.PointsVersion,
		selected: s.Selected, addLabel: s.AddLabel, addValue: s.AddValue, showTest: s.ShowTest,
		testLoss: s.TestLoss, testAccuracy: s.TestAccuracy,
		steps: s.Steps, epoch: s.Epoch, history: len(s.History),
		loss: s.Loss, accuracy: s.Accuracy, running: s.Running,
		view: s.View, discretize: s.Discretize, teaching: s.Teaching, message: s.Message,
		act: s.Net.Activation(), cost: s.Net.Cost(),
		heatmaps: g.heatmapsShown(), div: g.div, hover: g.currentHover(), dragging: g.gest.dragging,
	}
	if n := len(s.History); n > 0 {
		k.lastSample = s.History[n-1]
	}
	if x, y, ok := g.cursorVisible(); ok {
		k.cursorX, k.cursorY, k.cursorShown = x, y, true
	}
	if g.notice != "" && g.frame.now < g.noticeUntil {
		k.notice = g.notice
	}
	hl.CopyFrom(&s.Highlight)
	k.gradients, k.gradOK = s.Gradients, s.GradOK
	return k
}

// static is k without what training changes: the weights and what follows from them (the
// boundary's grid, the counters, the loss, the history, playing or paused).
func (k frameKey) static() frameKey {
	k.weights, k.steps, k.epoch, k.history, k.lastSample = 0, 0, 0, 0, app.Sample{}
	k.loss, k.accuracy, k.running, k.div = 0, 0, false, 0
	k.testLoss, k.testAccuracy = 0, 0
	return k
}

// overlayFree reports whether nothing floats over the cards: no tooltip, message, notice,
// keyboard cursor or drag.
func (k frameKey) overlayFree() bool {
	return k.hover.kind == hitNone && k.message == "" && k.notice == "" && !k.cursorShown && !k.dragging
}

// sameHighlight reports whether two highlights emphasise the same layers with the same values.
func sameHighlight(a, b *app.Highlight) bool {
	return slices.Equal(a.Neurons, b.Neurons) && slices.Equal(a.Weights, b.Weights) && slices.Equal(a.Biases, b.Biases) &&
		a.NeuronName == b.NeuronName && slices.EqualFunc(a.NeuronValues, b.NeuronValues, slices.Equal) &&
		slices.EqualFunc(a.EdgeValues, b.EdgeValues, slices.Equal)
}
