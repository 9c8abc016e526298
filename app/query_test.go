package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

func TestParseQueryGood(t *testing.T) {
	su, probs := ParseQuery("?layers=2,4,4,2&activation=tanh&cost=crossentropy&lr=0.03&batch=5&seed=7&speed=4&autoplay=1&controls=play,step,reset,lr")
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	s := su.Settings
	if !slices.Equal(s.Net.Layers, []int{2, 4, 4, 2}) || s.Net.Activation != nn.Tanh || s.Net.Cost != nn.CrossEntropy {
		t.Errorf("net = %+v", s.Net)
	}
	if s.Train.StepSize != 0.03 || s.Train.Mode != nn.MiniBatch || s.Train.Batch != 5 {
		t.Errorf("batch alone should select mini-batch of 5: %+v", s.Train)
	}
	if s.Net.Seed != 7 || s.Train.Seed != 7 || s.Speed != 4 || !su.Autoplay {
		t.Errorf("seed %d/%d speed %d autoplay %v", s.Net.Seed, s.Train.Seed, s.Speed, su.Autoplay)
	}
	if !slices.Equal(su.Controls, []string{"play", "step", "reset", "lr"}) {
		t.Errorf("controls = %v", su.Controls)
	}
	if len(su.Points) != 10 || su.Data != "notebook" {
		t.Errorf("default data should be the notebook's ten points, got %d from %q", len(su.Points), su.Data)
	}
}

func TestParseQueryOrigins(t *testing.T) {
	su, probs := ParseQuery("origins=https://course.example.org,http://127.0.0.1:8081/")
	if len(probs) > 0 || !slices.Equal(su.Origins, []string{"https://course.example.org", "http://127.0.0.1:8081"}) {
		t.Errorf("origins = %v, problems %v", su.Origins, probs)
	}
}

func TestParseQueryNotebookWeightsAndTeach(t *testing.T) {
	su, probs := ParseQuery("weights=notebook&teach=0")
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if !sameParams(su.Initial, nn.NotebookParams()) || su.Teach != 0 {
		t.Errorf("initial = %v teach = %d", su.Initial, su.Teach)
	}
}

func TestParseQueryBadParamsAreNamed(t *testing.T) {
	tests := []struct{ query, param, says string }{
		{"layers=2,x,2", "layers", `"x" is not a number`},
		{"layers=3,3,2", "layers", "layer 1"},
		{"activation=softsign", "activation", "softsign"},
		{"cost=hinge", "cost", "hinge"},
		{"lr=-1", "lr", "above 0"},
		{"lr=NaN", "lr", "NaN"},
		{"mode=sometimes", "mode", "sometimes"},
		{"batch=0", "batch", "batch size"},
		{"seed=-3", "seed", "whole number"},
		{"speed=9999", "speed", "speed"},
		{"data=moons", "data", "moons"},
		{"points=1,2", "points", "x,y,label"},
		{"points=1,2,0", "points", "label"},
		{"weights=1,2,3", "weights", "17 weights"},
		{"layers=2,4,2&weights=notebook", "weights", "2-3-2"},
		{"teach=10", "teach", "0 to 9"},
		{"autoplay=perhaps", "autoplay", "perhaps"},
		{"controls=play,dance", "controls", "dance"},
		{"view=1,0,0,1", "view", "xmin < xmax"},
		{"colour=red", "colour", "not a parameter"},
		{"lr=%zz", "lr", "URL encoding"},
		{"origins=ftp://x.org", "origins", "not an origin"},
		{"origins=https://x.org/path", "origins", "not an origin"},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			su, probs := ParseQuery(tc.query)
			found := false
			for _, p := range probs {
				if p.Param == tc.param && strings.Contains(p.Error(), tc.says) {
					found = true
				}
			}
			if !found {
				t.Errorf("problems = %v, want one for %s saying %q", probs, tc.param, tc.says)
			}
			if err := su.Settings.Validate(); err != nil {
				t.Errorf("fallback settings do not validate: %v", err)
			}
		})
	}
}

func TestParseQueryKeepsGoodParamsBesideBadOnes(t *testing.T) {
	su, probs := ParseQuery("layers=2,x,2&lr=0.5")
	if len(probs) != 1 {
		t.Fatalf("problems = %v, want just layers", probs)
	}
	if su.Settings.Train.StepSize != 0.5 || !slices.Equal(su.Settings.Net.Layers, []int{2, 3, 2}) {
		t.Errorf("lr %g layers %v: want lr applied and layers defaulted", su.Settings.Train.StepSize, su.Settings.Net.Layers)
	}
}

func TestPointsRoundTrip(t *testing.T) {
	pts := []nn.Point{{X: 1.2, Y: 0.7, Label: 1}, {X: -0.1, Y: 1e-9, Label: -1}, {X: 0.30000000000000004, Y: -2.2, Label: 1}}
	got, err := ParsePoints(FormatPoints(pts, nn.Task{}), nn.Task{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, pts) {
		t.Errorf("round trip: %v, want %v", got, pts)
	}
}

func TestWeightsRoundTrip(t *testing.T) {
	net, err := nn.New(nn.Config{Layers: []int{2, 5, 3, 2}, Activation: nn.Tanh, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	p := net.Params()
	got, err := parseWeights(FormatWeights(p), []int{2, 5, 3, 2})
	if err != nil {
		t.Fatal(err)
	}
	if !sameParams(got, p) {
		t.Error("weights did not round-trip exactly")
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"", "layers=2,4,2&lr=0.3", "weights=notebook&teach=0", "points=1,2,1;3,4,-1",
		"data=spiral&n=50&noise=0.2", "layers=2,,2", "hide=play&controls=step", "a=%", "&&=&",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		su, _ := ParseQuery(q)
		if err := su.Settings.Validate(); err != nil {
			t.Fatalf("ParseQuery(%q) settings do not validate: %v", q, err)
		}
		if err := nn.CheckPoints(su.Points); err != nil {
			t.Fatalf("ParseQuery(%q) points: %v", q, err)
		}
		if su.Initial != nil {
			if _, err := New(su.Settings, su.Points, su.Initial); err != nil {
				t.Fatalf("ParseQuery(%q) gave weights that do not fit: %v", q, err)
			}
		}
	})
}

func FuzzParsePoints(f *testing.F) {
	for _, s := range []string{"1,2,1", "1.2,0.7,1;-0.3,-0.5,-1", ";", "1e308,-1e308,-1", "x,y,z", "1,2,0.5,t", "1,2,-1,t;0,0,1", "1,2,1,x"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, regression bool) {
		problem := nn.Classification
		if regression {
			problem = nn.Regression
		}
		pts, err := ParsePoints(s, nn.Task{Problem: problem})
		if err != nil {
			return
		}
		if err := (nn.Task{Problem: problem}).CheckPoints(pts); err != nil {
			t.Fatalf("ParsePoints(%q, %v) accepted bad points: %v", s, problem, err)
		}
		again, err := ParsePoints(FormatPoints(pts, nn.Task{Problem: problem}), nn.Task{Problem: problem})
		if err != nil || !slices.Equal(again, pts) {
			t.Fatalf("round trip of %q: %v, %v", s, again, err)
		}
	})
}

func TestShareQueryRoundTrips(t *testing.T) {
	s := DefaultSettings()
	s.Net = nn.Config{Layers: []int{2, 6, 4, 2}, Activation: nn.Tanh, Cost: nn.CrossEntropy, Seed: 42}
	s.Train.StepSize, s.Train.Mode, s.Train.Batch = 0.03, nn.MiniBatch, 7
	s.Speed, s.AddLabel, s.View = 9, -1, View{-3, 3, -2, 2.5}
	pts := []nn.Point{{X: 0.1, Y: -0.2, Label: 1}, {X: 1.0 / 3, Y: 2e-7, Label: -1}}
	st, err := New(s, pts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Step(25); err != nil {
		t.Fatal(err)
	}
	for _, withWeights := range []bool{false, true} {
		su, probs := ParseQuery(st.ShareQuery(withWeights))
		if len(probs) > 0 {
			t.Fatalf("share link has problems: %v", probs)
		}
		got, err := New(su.Settings, su.Points, su.Initial)
		if err != nil {
			t.Fatal(err)
		}
		a, b := got.Info(), st.Info()
		a.Steps, a.Epoch, a.Loss, a.Accuracy, a.Running = b.Steps, b.Epoch, b.Loss, b.Accuracy, b.Running
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("withWeights=%v: restored %+v, want %+v", withWeights, a, b)
		}
		if withWeights != sameParams(got.Weights(), st.Weights()) {
			t.Errorf("withWeights=%v: weights restored = %v", withWeights, !withWeights)
		}
	}
}
