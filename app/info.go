package app

import "github.com/nnviz/nnviz/nn"

// Info is the playground's state as the JavaScript API's state() returns it.
type Info struct {
	Points []nn.Point
	// PointsRevision changes whenever the points do (see InfoAfter).
	PointsRevision uint64
	Layers         []int
	// Problem is "classification" or "regression"; Features the input features, as in the
	// address ("x,y,x2").
	Problem      string
	Features     string
	Classes      int // 2 for the notebook's labels -1 and 1, K for labels 1..K, 0 for regression
	Activation   string
	Cost         string
	LearningRate float64
	Reg          string // the penalty: "none", "l1" or "l2"
	RegRate      float64
	Discretize   bool
	Mode         string
	Batch        int
	Seed         uint64
	Speed        int
	AddLabel     int
	AddValue     float64
	Gradients    bool // the edges show the last step's dw
	Steps        int
	Epoch        int
	// Loss and Accuracy are over the training points; TestLoss and TestAccuracy over the test
	// points (0 when none are held out). A regression has no accuracy: it is 0.
	Loss         float64
	Accuracy     float64
	TestLoss     float64
	TestAccuracy float64
	TestFraction float64
	ShowTest     bool
	Running      bool
	Selected     int
	Message      string
	View         View
	Teaching     bool
	Stage        int
	// Data is the preset that drew the points, with its count, noise and data seed; DataEdited
	// says the points have been changed since (Data is then only where they started).
	Data       DataSource
	DataEdited bool
}

// Info returns a copy of the state.
func (st *State) Info() Info {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.info(true)
}

// InfoAfter is Info for a reader that holds the points of revision rev: when the points are
// still those, Points is nil and nothing is copied.
func (st *State) InfoAfter(rev uint64) Info {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.info(rev != st.pointsVersion)
}

func (st *State) info(withPoints bool) Info {
	s := st.settings
	_, pristine := st.presetSource()
	var pts []nn.Point
	if withPoints {
		pts = append([]nn.Point{}, st.points...)
	}
	return Info{
		Data:           st.source,
		DataEdited:     !pristine,
		Points:         pts,
		PointsRevision: st.pointsVersion,
		Layers:         append([]int(nil), s.Net.Layers...),
		Problem:        s.Net.Task.Problem.String(),
		Features:       nn.FormatFeatures(s.Net.Task.InputFeatures()),
		Classes:        s.Net.Task.NumClasses(),
		Activation:     s.Net.Activation.String(),
		Cost:           s.Net.Cost.String(),
		LearningRate:   s.Train.StepSize,
		Reg:            s.Train.Reg.String(),
		RegRate:        s.Train.RegRate,
		Discretize:     s.Discretize,
		Mode:           s.Train.Mode.String(),
		Batch:          s.Train.Batch,
		Seed:           s.Net.Seed,
		Speed:          s.Speed,
		AddLabel:       s.AddLabel,
		AddValue:       s.AddValue,
		Gradients:      s.Gradients,
		TestLoss:       st.tloss,
		TestAccuracy:   st.tacc,
		TestFraction:   s.TestFraction,
		ShowTest:       s.ShowTest,
		Steps:          st.trainer.Steps(),
		Epoch:          st.trainer.Epoch(),
		Loss:           st.loss,
		Accuracy:       st.acc,
		Running:        st.running,
		Selected:       st.selected,
		Message:        st.message,
		View:           s.View,
		Teaching:       st.teaching,
		Stage:          st.stage,
	}
}

// Settings returns a copy of the current settings.
func (st *State) Settings() Settings {
	st.mu.Lock()
	defer st.mu.Unlock()
	s := st.settings
	s.Net.Layers = append([]int(nil), s.Net.Layers...)
	return s
}
