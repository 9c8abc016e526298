package nn

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// taskConfigs are networks of tasks other than the notebook's: features, regression, both.
func taskConfigs() []Config {
	all, _ := ParseFeatures("x,y,x2,y2,xy,sinx,siny")
	squares := []Feature{FeatX2, FeatY2}
	return []Config{
		{Layers: []int{7, 4, 2}, Activation: Tanh, Cost: Quadratic, Seed: 3, Task: Task{Features: all}},
		{Layers: []int{7, 5, 3, 2}, Activation: Sigmoid, Cost: CrossEntropy, Seed: 4, Task: Task{Features: all}},
		{Layers: []int{2, 2}, Activation: Sigmoid, Cost: CrossEntropy, Seed: 5, Task: Task{Features: squares}},
		{Layers: []int{2, 3, 2}, Activation: Sigmoid, Cost: Quadratic, Seed: 1, Task: Task{Features: squares}},
		{Layers: []int{2, 1}, Activation: Tanh, Cost: Quadratic, Seed: 6, Task: Task{Problem: Regression}},
		{Layers: []int{2, 6, 1}, Activation: Tanh, Cost: Quadratic, Seed: 7, Task: Task{Problem: Regression}},
		{Layers: []int{3, 4, 4, 1}, Activation: Sigmoid, Cost: Quadratic, Seed: 8, Task: Task{Problem: Regression, Features: []Feature{FeatX, FeatXY, FeatSinY}}},
		{Layers: []int{2, 5, 3}, Activation: Tanh, Cost: CrossEntropy, Seed: 9, Task: Task{Classes: 3}},
		{Layers: []int{2, 5, 3}, Activation: Sigmoid, Cost: Quadratic, Seed: 10, Task: Task{Classes: 3}},
		{Layers: []int{2, 3}, Activation: Sigmoid, Cost: CrossEntropy, Seed: 11, Task: Task{Classes: 3}},
		{Layers: []int{7, 6, 4, 6}, Activation: Tanh, Cost: CrossEntropy, Seed: 12, Task: Task{Classes: 6, Features: all}},
		{Layers: []int{2, 8, 6}, Activation: Sigmoid, Cost: Quadratic, Seed: 13, Task: Task{Classes: 6}},
		{Layers: []int{2, 8, 6}, Activation: ReLU, Cost: CrossEntropy, Seed: 14, Task: Task{Classes: 6}},
	}
}

// taskPoints are points for a task: labels for classes, values for regression.
func taskPoints(task Task) []Point {
	pts := []Point{{X: 0.8, Y: -1.3, Label: 1, Value: 0.4}, {X: -2.2, Y: 0.4, Label: -1, Value: -0.9}, {X: 3.1, Y: 2.9, Label: 1, Value: 1}}
	for i := range pts {
		switch {
		case task.Problem == Regression:
			pts[i].Label = 0
		case task.NumClasses() > 2:
			pts[i].Label, pts[i].Value = task.NumClasses()-i, 0 // the last classes
		default:
			pts[i].Value = 0
		}
	}
	return pts
}

// TestTaskShapesTheNetwork checks that a_1 holds the features and that layer 1 and layer L
// follow the task, with errors that name what is wrong.
func TestTaskShapesTheNetwork(t *testing.T) {
	fs, err := ParseFeatures("sinx, x2,y")
	if err != nil {
		t.Fatal(err)
	}
	if got := FormatFeatures(fs); got != "y,x2,sinx" {
		t.Errorf("ParseFeatures puts them in the order %q, want y,x2,sinx", got)
	}
	n, err := New(Config{Layers: []int{3, 2}, Activation: Sigmoid, Seed: 1, Task: Task{Features: fs}})
	if err != nil {
		t.Fatal(err)
	}
	a1 := n.Forward(2, 3)[0]
	if a1[0] != 3 || a1[1] != 4 || a1[2] != math.Sin(2) {
		t.Errorf("a_1 of (2, 3) with y, x², sin x = %v, want [3 4 %v]", a1, math.Sin(2))
	}
	for _, c := range []struct {
		cfg  Config
		want []string
	}{
		{Config{Layers: []int{2, 2}, Task: Task{Features: fs}}, []string{"layer 1", "has 2 neurons, want 3", "y,x2,sinx"}},
		{Config{Layers: []int{2, 2}, Task: Task{Problem: Regression}}, []string{"layer 2 (output)", "want 1", "regression"}},
		{Config{Layers: []int{2, 1}, Cost: CrossEntropy, Task: Task{Problem: Regression}}, []string{"crossentropy", "regression"}},
		{Config{Layers: []int{2, 2}, Task: Task{Problem: 7}}, []string{"unknown problem 7"}},
		{Config{Layers: []int{2, 2}, Task: Task{Features: []Feature{FeatY, FeatX}}}, []string{"out of order"}},
	} {
		_, err := New(c.cfg)
		for _, w := range c.want {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("New(%+v) error %v, want one containing %q", c.cfg, err, w)
			}
		}
	}
	for in, want := range map[string]string{"": "no input features", "x,z": `unknown feature "z"`, "x,x": `"x" is listed twice`} {
		if _, err := ParseFeatures(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseFeatures(%q) error %v, want %q", in, err, want)
		}
	}
	if err := (Task{Problem: Regression}).CheckPoints([]Point{{X: 1, Value: 1.5}}); err == nil || !strings.Contains(err.Error(), "value is 1.5") {
		t.Errorf("a value of 1.5 gave %v, want an error naming it", err)
	}
	if err := (Task{Problem: Regression}).CheckPoints([]Point{{X: 1, Value: math.NaN()}}); err == nil || !strings.Contains(err.Error(), "value is NaN") {
		t.Errorf("a NaN value gave %v, want an error naming it", err)
	}
}

// TestGradientCheckTasks checks Trace's dw_l and db_l against finite differences of the cost
// for networks of features and of regression.
func TestGradientCheckTasks(t *testing.T) {
	for _, cfg := range taskConfigs() {
		n, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		for l := 2; l <= n.L(); l++ {
			for i := range n.lay[l].wd {
				n.lay[l].wd[i] *= 0.5
			}
		}
		for _, p := range taskPoints(cfg.Task) {
			tr, err := n.Trace(p, 0.1)
			if err != nil {
				t.Fatal(err)
			}
			y := make([]float64, cfg.Task.Outputs())
			cfg.Task.Target(p, y)
			if got := tr.Get("y").RawMatrix().Data; len(got) != len(y) || got[0] != y[0] {
				t.Errorf("%v: trace's y = %v, want %v", cfg.Layers, got, y)
			}
			cost := func() float64 { n.forward(p.X, p.Y); return n.cost(y) }
			checkTraceGradients(t, n, tr, cost, fmt.Sprintf("%v %+v at %v", cfg.Layers, cfg.Task, p))
		}
	}
}

// TestTaskStepsAgree checks that the trainer's online step and its batch step of the same
// single point change the weights as Trace says, for every task network.
func TestTaskStepsAgree(t *testing.T) {
	for _, cfg := range taskConfigs() {
		for _, mode := range []Mode{Online, FullBatch} {
			n, _ := New(cfg)
			p := taskPoints(cfg.Task)[1]
			tr, err := n.Trace(p, 0.1)
			if err != nil {
				t.Fatal(err)
			}
			tc := DefaultTrainConfig()
			tc.Mode = mode
			tr2, _ := NewTrainer(n, tc)
			if err := tr2.SetData([]Point{p}); err != nil {
				t.Fatal(err)
			}
			if err := tr2.Step(); err != nil {
				t.Fatal(err)
			}
			for l := 2; l <= n.L(); l++ {
				want := tr.Get("w_" + itoa(l) + "_new").RawMatrix().Data
				for k, w := range n.lay[l].wd {
					if math.Abs(w-want[k]) > 1e-12 {
						t.Errorf("%v %v %v: w_%d entry %d = %v after a step, trace says %v", cfg.Layers, cfg.Task, mode, l, k, w, want[k])
					}
				}
			}
		}
	}
}

// TestFeaturesDoTheHiddenLayersWork is the lesson of the features: with x² and y² as inputs, a
// network with no hidden layer separates the circle, which with x and y it cannot.
func TestFeaturesDoTheHiddenLayersWork(t *testing.T) {
	pts, _ := Dataset("circle", 200, 0, 2)
	acc := func(task Task) float64 {
		n, err := New(Config{Layers: []int{2, 2}, Activation: Sigmoid, Cost: CrossEntropy, Seed: 1, Task: task})
		if err != nil {
			t.Fatal(err)
		}
		tc := DefaultTrainConfig()
		tc.StepSize = 0.03
		tr, _ := NewTrainer(n, tc)
		if err := tr.SetData(pts); err != nil {
			t.Fatal(err)
		}
		for range 20 * len(pts) {
			if err := tr.Step(); err != nil {
				t.Fatal(err)
			}
		}
		_, a, err := n.Evaluate(pts)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	squares, plain := acc(Task{Features: []Feature{FeatX2, FeatY2}}), acc(Task{})
	if squares < 0.99 || plain > 0.75 {
		t.Errorf("circle with no hidden layer: accuracy %.3f on x², y² (want ≥ 0.99), %.3f on x, y (want ≤ 0.75)", squares, plain)
	}
}

// TestRegressionLearns fits the two regression presets: the plane exactly with no hidden
// layer, the six bumps with a small tanh network, both from a fixed seed.
func TestRegressionLearns(t *testing.T) {
	for _, c := range []struct {
		data   string
		layers []int
		steps  int
		share  float64 // the loss to get below, as a share of the loss of predicting 0 everywhere
	}{
		{"plane", []int{2, 1}, 20000, 0.01}, // not 0: the corners where |x+y| > 10 are clamped
		{"gaussreg", []int{2, 8, 8, 1}, 60000, 0.5},
	} {
		pts, _ := Dataset(c.data, 300, 0, 1)
		n, err := New(Config{Layers: c.layers, Activation: Tanh, Cost: Quadratic, Seed: 2, Task: Task{Problem: Regression}})
		if err != nil {
			t.Fatal(err)
		}
		tc := DefaultTrainConfig()
		tc.StepSize = 0.01
		tr, _ := NewTrainer(n, tc)
		if err := tr.SetData(pts); err != nil {
			t.Fatal(err)
		}
		var zero float64 // the mean cost of predicting 0 everywhere
		for _, p := range pts {
			zero += p.Value * p.Value / 2 / float64(len(pts))
		}
		before, acc, _ := n.Evaluate(pts)
		if acc != 0 {
			t.Errorf("%s: regression reports accuracy %v, want 0 (it has none)", c.data, acc)
		}
		for range c.steps {
			if err := tr.Step(); err != nil {
				t.Fatal(err)
			}
		}
		after, _, _ := n.Evaluate(pts)
		if !(after < c.share*zero) {
			t.Errorf("%s on %v: loss %.4g after %d steps (from %.4g), want below %g (%g of predicting 0's %.4g)", c.data, c.layers, after, c.steps, before, c.share*zero, c.share, zero)
		}
		if v := n.Prob(3, 2); c.data == "plane" && math.Abs(v-0.5) > 0.01 {
			t.Errorf("plane: predicted value at (3, 2) is %v, want 0.5", v)
		}
	}
}

// TestKClassesLearn is the K-class lesson: a 2-16-16-3 tanh network with softmax and
// cross-entropy learns the three-arm spiral, and three blobs need no hidden layer.
func TestKClassesLearn(t *testing.T) {
	for _, c := range []struct {
		data   string
		layers []int
		lr     float64
		epochs int
		want   float64
	}{
		{"spiral", []int{2, 16, 16, 3}, 0.01, 600, 0.95},
		{"blobs", []int{2, 3}, 0.03, 20, 1},
	} {
		task := Task{Classes: 3}
		pts, err := DatasetClasses(c.data, 300, 0, 1, 3)
		if err != nil {
			t.Fatal(err)
		}
		if err := task.CheckPoints(pts); err != nil {
			t.Fatal(err)
		}
		n, err := New(Config{Layers: c.layers, Activation: Tanh, Cost: CrossEntropy, Seed: 1, Task: task})
		if err != nil {
			t.Fatal(err)
		}
		tc := DefaultTrainConfig()
		tc.StepSize = c.lr
		tr, _ := NewTrainer(n, tc)
		if err := tr.SetData(pts); err != nil {
			t.Fatal(err)
		}
		for range c.epochs * len(pts) {
			if err := tr.Step(); err != nil {
				t.Fatal(err)
			}
		}
		_, acc, err := n.Evaluate(pts)
		if err != nil {
			t.Fatal(err)
		}
		if acc < c.want {
			t.Errorf("%s on %v after %d epochs: accuracy %.3f, want at least %.2f", c.data, c.layers, c.epochs, acc, c.want)
		}
		// Predict agrees with the accuracy's argmax, in labels 1..3.
		right := 0
		for _, p := range pts {
			if n.Predict(p.X, p.Y) == p.Label {
				right++
			}
		}
		if got := float64(right) / float64(len(pts)); got != acc {
			t.Errorf("%s: Predict is right for %.3f of the points, Evaluate says %.3f", c.data, got, acc)
		}
	}
}

// TestKClassLabels checks the label convention: -1 and 1 for two classes, 1..K for more, with
// errors that name the labels, and the K-class presets' labels and sizes.
func TestKClassLabels(t *testing.T) {
	three := Task{Classes: 3}
	y := make([]float64, 3)
	three.Target(Point{Label: 2}, y)
	if y[0] != 0 || y[1] != 1 || y[2] != 0 {
		t.Errorf("y of class 2 of 3 = %v, want e_2", y)
	}
	if err := three.CheckPoints([]Point{{Label: 4}}); err == nil || !strings.Contains(err.Error(), "from 1 to 3") {
		t.Errorf("label 4 of 3 classes: %v", err)
	}
	if err := three.CheckPoints([]Point{{Label: -1}}); err == nil {
		t.Error("label -1 accepted among 3 classes")
	}
	if _, err := New(Config{Layers: []int{2, 3, 2}, Task: three}); err == nil || !strings.Contains(err.Error(), "want 3 for 3 classes") {
		t.Errorf("a 2-output network for 3 classes: %v", err)
	}
	if err := (Task{Classes: 7}).Validate(); err == nil || !strings.Contains(err.Error(), "2 to 6") {
		t.Errorf("7 classes: %v", err)
	}
	for k := 2; k <= MaxClasses; k++ {
		task := Task{Classes: k}
		for i := range k {
			if got, _ := task.ClassIndex(task.Label(i)); got != i {
				t.Errorf("%d classes: row %d is label %d, which is row %d", k, i, task.Label(i), got)
			}
		}
		for _, name := range []string{"spiral", "blobs"} {
			pts, err := DatasetClasses(name, 120, 0.1, 2, k)
			if err != nil {
				t.Fatal(err)
			}
			if err := task.CheckPoints(pts); err != nil {
				t.Errorf("%s of %d classes: %v", name, k, err)
			}
			count := map[int]int{}
			for _, p := range pts {
				count[p.Label]++
			}
			if len(count) != k {
				t.Errorf("%s of %d classes has the labels %v", name, k, count)
			}
		}
	}
	if _, err := DatasetClasses("circle", 100, 0, 1, 3); err == nil || !strings.Contains(err.Error(), `"spiral", "blobs"`) {
		t.Errorf("circle of 3 classes: %v", err)
	}
	// Two classes of spiral are the spiral as it always was.
	a, _ := Dataset("spiral", 50, 0.2, 7)
	b, _ := DatasetClasses("spiral", 50, 0.2, 7, 2)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("spiral of two classes differs at point %d", i)
		}
	}
}
