package app

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

// randomSettings draws settings across the whole documented range, and
// sometimes beyond it (which Configure must refuse).
func randomSettings(r *rand.Rand) Settings {
	s := DefaultSettings()
	layers := []int{nn.Inputs}
	for range r.IntN(nn.MaxHidden + 1) {
		layers = append(layers, 1+r.IntN(nn.MaxNeurons))
	}
	s.Net.Layers = append(layers, nn.Outputs)
	s.Net.Activation = nn.Activation(r.IntN(4))
	s.Net.Cost = nn.Cost(r.IntN(2))
	s.Net.Seed = r.Uint64N(MaxSeed + 1)
	// Rates from 1e-12 to past the limit, as a person or a script might type them.
	s.Train.StepSize = math.Pow(10, -12+r.Float64()*14.5)
	if r.IntN(4) == 0 {
		s.Train.StepSize = float64(1 + r.IntN(nn.MaxStepSize+5))
	}
	s.Train.Reg = nn.Regularization(r.IntN(3))
	s.Train.RegRate = []float64{0, 0.001, r.Float64() * 12}[r.IntN(3)]
	s.Discretize = r.IntN(2) == 0
	s.Train.Mode = nn.Mode(r.IntN(3))
	s.Train.Batch = 1 + r.IntN(nn.MaxBatch+100)
	s.Speed = 1 + r.IntN(MaxSpeed+10)
	s.AddLabel = []int{-1, 1}[r.IntN(2)]
	x, y := r.NormFloat64()*100, r.NormFloat64()*100
	s.View = View{XMin: x, XMax: x + r.Float64()*50 + 1e-9, YMin: y, YMax: y + r.ExpFloat64()}
	return s
}

func randomPoints(r *rand.Rand) []nn.Point {
	pts := make([]nn.Point, r.IntN(60))
	for i := range pts {
		pts[i] = nn.Point{X: r.NormFloat64() * math.Pow(10, float64(r.IntN(7))), Y: r.Float64()*12 - 6, Label: []int{-1, 1}[r.IntN(2)]}
		pts[i].X = max(-nn.MaxCoord, min(nn.MaxCoord, pts[i].X))
	}
	return pts
}

// TestShareRoundTrip is a property test: any state reached through the
// API (settings, points, weights, training, resets, in any order, with
// calls that are refused mixed in) shares with weights and reopens
// identically: the same settings, points and weights, with no problems.
func TestShareRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for trial := range 300 {
		st, err := New(DefaultSettings(), nn.NotebookData(), nil)
		if err != nil {
			t.Fatal(err)
		}
		for range 1 + r.IntN(6) {
			switch r.IntN(6) {
			case 0, 1:
				_ = st.Configure(randomSettings(r)) // refused settings leave the state as it was
			case 2:
				_ = st.SetPoints(randomPoints(r))
			case 3:
				p := st.Weights()
				for _, lp := range p {
					for _, row := range lp.W {
						for j := range row {
							row[j] = r.NormFloat64() * math.Pow(10, float64(r.IntN(40)-20))
						}
					}
				}
				_ = st.SetWeights(p)
			case 4:
				_ = st.Step(1 + r.IntN(20))
			case 5:
				_ = st.ResetSeed(r.Uint64N(MaxSeed + 1))
			}
		}
		q := st.ShareQuery(true)
		su, probs := ParseQuery(q)
		if len(probs) > 0 {
			t.Fatalf("trial %d: the shared link %q reopens with problems %v", trial, q, probs)
		}
		again, err := New(su.Settings, su.Points, su.Initial)
		if err != nil {
			t.Fatalf("trial %d: the shared link %q does not open: %v", trial, q, err)
		}
		a, b := st.Info(), again.Info()
		if !sameSettings(st.Settings(), again.Settings()) || !slices.Equal(a.Points, b.Points) || !sameParams(st.Weights(), again.Weights()) {
			t.Fatalf("trial %d: the link %q reopens as\n%+v\nnot\n%+v", trial, q, again.Settings(), st.Settings())
		}
		if s := st.Settings(); a.Reg != s.Train.Reg.String() || a.RegRate != s.Train.RegRate || a.Discretize != s.Discretize {
			t.Fatalf("trial %d: state() says reg %v, regRate %v, discretize %v; the settings %v, %v, %v",
				trial, a.Reg, a.RegRate, a.Discretize, s.Train.Reg, s.Train.RegRate, s.Discretize)
		}
	}
}

func sameSettings(a, b Settings) bool {
	return slices.Equal(a.Net.Layers, b.Net.Layers) && a.Net.Activation == b.Net.Activation && a.Net.Cost == b.Net.Cost &&
		a.Net.Seed == b.Net.Seed && a.Train == b.Train && a.Speed == b.Speed && a.AddLabel == b.AddLabel && a.View == b.View && a.Discretize == b.Discretize
}

// TestLimitsAreOneSource checks that the settings the address refuses are
// the ones configure refuses, at and past each limit.
func TestLimitsAreOneSource(t *testing.T) {
	cases := []struct {
		param string
		set   func(*Settings)
		ok    bool
	}{
		{"lr=100", func(s *Settings) { s.Train.StepSize = 100 }, true},
		{"lr=1000", func(s *Settings) { s.Train.StepSize = 1000 }, false},
		{"batch=2000", func(s *Settings) { s.Train.Batch = 2000 }, true},
		{"batch=5000", func(s *Settings) { s.Train.Batch = 5000 }, false},
		{"batch=0", func(s *Settings) { s.Train.Batch = 0 }, false},
		{"l2=10", func(s *Settings) { s.Train.Reg, s.Train.RegRate = nn.L2, 10 }, true},
		{"l2=11", func(s *Settings) { s.Train.Reg, s.Train.RegRate = nn.L2, 11 }, false},
		{"l2=-1", func(s *Settings) { s.Train.Reg, s.Train.RegRate = nn.L2, -1 }, false},
		{"reg=l1&regRate=10", func(s *Settings) { s.Train.Reg, s.Train.RegRate = nn.L1, 10 }, true},
		{"reg=l1&regRate=10.5", func(s *Settings) { s.Train.Reg, s.Train.RegRate = nn.L1, 10.5 }, false},
		{"reg=l3", func(s *Settings) { s.Train.Reg = 3 }, false},
		{"speed=500", func(s *Settings) { s.Speed = 500 }, true},
		{"speed=501", func(s *Settings) { s.Speed = 501 }, false},
	}
	for _, c := range cases {
		_, probs := ParseQuery(c.param)
		s := DefaultSettings()
		c.set(&s)
		st := newNotebook(t)
		err := st.Configure(s)
		if (len(probs) == 0) != c.ok || (err == nil) != c.ok {
			t.Errorf("%s: the address reports %v, configure %v; want accepted = %v by both", c.param, probs, err, c.ok)
		}
	}
}
