package app

import (
	"fmt"
	"math"

	"github.com/nnviz/nnviz/nn"
)

// Limits on the playground's settings.
const (
	MaxPoints = 2000 // points in the plane
	MaxSpeed  = 500  // training steps per frame
	// DefaultSpeed is the steps per frame while playing, unless the address or configure says
	// otherwise: on the notebook's ten points it reaches 90% accuracy in about 3 s at 60
	// frames/s (TestDefaultPlayLearnsWithinFiveSeconds), so Play visibly learns at once.
	DefaultSpeed = 10
	// MaxSeed is the largest seed: seeds travel through JavaScript numbers, which hold
	// integers exactly up to 2^53-1.
	MaxSeed = 1<<53 - 1
	// DefaultAddValue is the value a click adds in a regression, unless chosen otherwise.
	DefaultAddValue = 0.5
)

// View is the data-space rectangle the plane shows.
type View struct{ XMin, XMax, YMin, YMax float64 }

// NotebookView frames the notebook's ten points (x in [-0.3, 4], y in [-2.2, 1.1]) with room to
// add more around them, as a square.
var NotebookView = View{XMin: -2, XMax: 6, YMin: -4.5, YMax: 3.5}

// PresetView frames the preset datasets, which lie in [-6, 6]^2.
var PresetView = View{XMin: -6, XMax: 6, YMin: -6, YMax: 6}

// Validate reports a view that is empty, inverted or not finite.
func (v View) Validate() error {
	for _, f := range []float64{v.XMin, v.XMax, v.YMin, v.YMax} {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("view: bounds must be finite numbers, got %v", v)
		}
	}
	if !(v.XMin < v.XMax) || !(v.YMin < v.YMax) {
		return fmt.Errorf("view: need xmin < xmax and ymin < ymax, got x [%g, %g], y [%g, %g]", v.XMin, v.XMax, v.YMin, v.YMax)
	}
	return nil
}

// Settings are the choices a learner or a course author makes: the network, how it trains and
// how the playground behaves.
type Settings struct {
	Net   nn.Config      // shape, activation, cost, initialisation seed
	Train nn.TrainConfig // step size, mode, batch, penalty; its Seed follows Net.Seed
	// Speed bounds the training steps of a frame while playing, 1..MaxSpeed: a frame makes
	// fewer when its time budget runs out first.
	Speed int
	// AddLabel is the class a plain click adds: -1 or 1.
	AddLabel int
	// AddValue is the value a plain click adds, or gives the point it lands on, in a regression:
	// a number in [-1, 1].
	AddValue float64
	View     View
	// TestFraction is the share of the points held out as test data, 0..MaxTestFraction.
	TestFraction float64
	// ShowTest draws the test points (as hollow markers); they are held out either way.
	ShowTest bool
	// Discretize shows the plane's classes as hard regions, without the probability's shading
	// (TensorFlow Playground's "Discretize output").
	Discretize bool
	// Gradients colours the diagram's edges by the last training step's dw instead of w
	// (the address's gradients=1).
	Gradients bool
}

// DefaultSettings are the notebook's: a 2-3-2 sigmoid network, quadratic cost, online steps of
// 0.1, played at DefaultSpeed.
func DefaultSettings() Settings {
	net := nn.DefaultConfig()
	tr := nn.DefaultTrainConfig()
	tr.Seed = net.Seed
	return Settings{Net: net, Train: tr, Speed: DefaultSpeed, AddLabel: 1, AddValue: DefaultAddValue, View: NotebookView, ShowTest: true}
}

// Validate checks every field and names the first that is wrong. The limits are nn's
// (nn.MaxStepSize, nn.MaxBatch, nn.MaxRegRate) and this file's: the address, configure and
// Settings all check through here.
func (s Settings) Validate() error {
	if err := s.Net.Validate(); err != nil {
		return err
	}
	if err := s.Train.Validate(); err != nil {
		return err
	}
	// The batch size is kept and shared in every mode, so it is checked in every mode.
	if err := nn.CheckBatch(s.Train.Batch); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	if s.Net.Seed > MaxSeed {
		return fmt.Errorf("seed: %d is above the largest seed, %d", s.Net.Seed, uint64(MaxSeed))
	}
	if s.Speed < 1 || s.Speed > MaxSpeed {
		return fmt.Errorf("speed: %d steps per frame is out of range [1, %d]", s.Speed, MaxSpeed)
	}
	if s.Net.Task.Problem == nn.Classification {
		if err := checkLabel(s.Net.Task, s.AddLabel); err != nil {
			return err
		}
	}
	if err := checkValue(s.AddValue); err != nil {
		return err
	}
	if err := checkTestFraction(s.TestFraction); err != nil {
		return err
	}
	return s.View.Validate()
}
