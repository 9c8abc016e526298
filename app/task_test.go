package app

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

// TestAddressCarriesTheTask reads features, problem, test share and the value a click adds
// from the address, fits the network's ends to them, and writes them back in a share link that
// gives the same playground.
func TestAddressCarriesTheTask(t *testing.T) {
	su, probs := ParseQuery("features=x,y,x2,y2&test=0.3&showTest=0&data=circle&n=100&dataseed=4")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	s := su.Settings
	if got := nn.FormatFeatures(s.Net.Task.InputFeatures()); got != "x,y,x2,y2" || !slices.Equal(s.Net.Layers, []int{4, 3, 2}) {
		t.Errorf("features x,y,x2,y2: features %s, layers %v; want 4-3-2", got, s.Net.Layers)
	}
	tests := 0
	for _, p := range su.Points {
		if p.Test {
			tests++
		}
	}
	if tests != 30 || s.TestFraction != 0.3 || s.ShowTest {
		t.Errorf("test=0.3&showTest=0 of 100 points: %d test points, fraction %v, show %v", tests, s.TestFraction, s.ShowTest)
	}
	st, err := New(s, su.Points, nil)
	if err != nil {
		t.Fatal(err)
	}
	st.SetDataSource(su.Source())
	link := st.ShareQuery(false)
	for _, want := range []string{"features=x,y,x2,y2", "test=0.3", "showTest=0", "data=circle"} {
		if !strings.Contains(link, want) {
			t.Errorf("share link %q lacks %q", link, want)
		}
	}
	again, probs := ParseQuery(link)
	if len(probs) > 0 || !slices.Equal(again.Points, su.Points) || !again.Settings.Net.Task.Equal(s.Net.Task) {
		t.Errorf("the share link gives other points or another task: %v", probs)
	}

	su, probs = ParseQuery("problem=regression&value=-0.25")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if su.Data != "plane" || su.Settings.AddValue != -0.25 || !slices.Equal(su.Settings.Net.Layers, []int{2, 3, 1}) {
		t.Errorf("problem=regression: data %q, value %v, layers %v; want the plane, -0.25, 2-3-1", su.Data, su.Settings.AddValue, su.Settings.Net.Layers)
	}
	for _, c := range []struct{ q, param, want string }{
		{"features=x,z", "features", `unknown feature "z"`},
		{"features=", "features", "no input features"},
		{"problem=ranking", "problem", `unknown problem "ranking"`},
		{"test=0.95", "test", "from 0 to 0.9"},
		{"value=2", "value", "from -1 to 1"},
		{"showTest=maybe", "showTest", "not true or false"},
		{"problem=regression&data=circle", "data", `"circle" is a dataset for classification`},
		{"features=x,y,x2&layers=2,3,2", "layers", "want 3 (one per feature: x,y,x2)"},
		{"problem=regression&points=1,2,1.5", "points", "value"},
	} {
		expectProblem(t, c.q, c.param, c.want)
	}
}

// TestTestPointsAreHeldOut checks that the trainer never sees a test point, that the test loss is
// the loss over the test points alone, and that a click adds a training point.
func TestTestPointsAreHeldOut(t *testing.T) {
	su, _ := ParseQuery("data=xor&n=200&test=0.5&layers=2,4,2&activation=tanh")
	st, err := New(su.Settings, su.Points, nil)
	if err != nil {
		t.Fatal(err)
	}
	var train, test []nn.Point
	for _, p := range su.Points {
		if p.Test {
			test = append(test, p)
		} else {
			train = append(train, p)
		}
	}
	if len(test) != 100 {
		t.Fatalf("%d test points of 200 at test=0.5", len(test))
	}
	if err := st.Step(400); err != nil {
		t.Fatal(err)
	}
	info := st.Info()
	net, _ := nn.New(su.Settings.Net)
	if err := net.SetParams(st.Weights()); err != nil {
		t.Fatal(err)
	}
	wantLoss, wantAcc, _ := net.Evaluate(train)
	wantTest, wantTestAcc, _ := net.Evaluate(test)
	if math.Abs(info.Loss-wantLoss) > 1e-12 || math.Abs(info.TestLoss-wantTest) > 1e-12 || info.Accuracy != wantAcc || info.TestAccuracy != wantTestAcc {
		t.Errorf("loss %v / %v, test loss %v / %v; want the training points' %v / %v and the test points' %v / %v",
			info.Loss, info.Accuracy, info.TestLoss, info.TestAccuracy, wantLoss, wantAcc, wantTest, wantTestAcc)
	}
	// 400 online steps over 100 training points are four epochs: the trainer saw only those.
	if info.Epoch != 4 {
		t.Errorf("400 steps over 100 training points made %d epochs, want 4", info.Epoch)
	}
	i, err := st.AddPoint(1, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if st.Points()[i].Test {
		t.Error("a clicked point is a test point; it should be training data")
	}
	var snap Snapshot
	st.Snapshot(&snap)
	if n := len(snap.History); n == 0 || !snap.History[n-1].HasTest || !snap.HasTest {
		t.Errorf("the history's last sample has no test values: %+v", snap.History)
	}
	// A new share draws the split again, as one undoable edit.
	if err := st.SetTestFraction(0.2); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range st.Points() {
		if p.Test {
			n++
		}
	}
	if n != int(math.Round(0.2*201)) {
		t.Errorf("test=0.2 of 201 points holds out %d", n)
	}
	st.Undo()
	if !slices.Equal(st.Points()[:200], su.Points) {
		t.Error("undo did not bring the split of 0.5 back")
	}
	if err := st.SetTestFraction(1); err == nil || !strings.Contains(err.Error(), "from 0 to 0.9") {
		t.Errorf("SetTestFraction(1) = %v, want an error naming the range", err)
	}
	// Every point held out: training says so instead of doing nothing.
	all, _ := New(su.Settings, []nn.Point{{X: 1, Y: 1, Label: 1, Test: true}}, nil)
	if err := all.Step(1); err == nil || !strings.Contains(err.Error(), "held out as test data") {
		t.Errorf("Step with only test points = %v", err)
	}
}

// TestRegressionPlayground adds and edits values, refuses labels, changes the problem with
// configure, and keeps the values through a share link and the files.
func TestRegressionPlayground(t *testing.T) {
	st, err := New(DefaultSettings(), nn.NotebookData(), nil)
	if err != nil {
		t.Fatal(err)
	}
	s := st.Settings()
	s.Net.Task.Problem = nn.Regression
	s.Net.Layers = FitLayers(s.Net.Layers, s.Net.Task)
	if err := st.Configure(s); err != nil {
		t.Fatal(err)
	}
	info := st.Info()
	if info.Problem != "regression" || info.Data.Name != "plane" || len(info.Points) != DefaultCount || info.Points[0].Label != 0 {
		t.Fatalf("after configure(problem: regression): problem %s, data %q, %d points", info.Problem, info.Data.Name, len(info.Points))
	}
	if _, err := st.AddPoint(0, 0, 1); err == nil || !strings.Contains(err.Error(), "learns values") {
		t.Errorf("AddPoint with a label in a regression = %v", err)
	}
	i, err := st.AddValuePoint(1, 2, 0.75)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetValue(i, -0.5); err != nil {
		t.Fatal(err)
	}
	if err := st.SetValue(i, 1.5); err == nil || !strings.Contains(err.Error(), "1.5") {
		t.Errorf("SetValue(1.5) = %v", err)
	}
	if err := st.FlipLabel(i); err != nil || st.Points()[i].Value != 0.5 {
		t.Errorf("FlipLabel in a regression gave %v, %v; want the value 0.5", st.Points()[i].Value, err)
	}
	st.Undo()
	if v := st.Points()[i].Value; v != -0.5 {
		t.Errorf("undo gave the value %v, want -0.5", v)
	}
	before := st.Info().Loss
	if err := st.Step(3000); err != nil {
		t.Fatal(err)
	}
	if after := st.Info().Loss; !(after < before/2) {
		t.Errorf("regression loss %v after 3000 steps, from %v", after, before)
	}
	link := st.ShareQuery(false)
	su, probs := ParseQuery(link)
	if len(probs) > 0 || su.Settings.Net.Task.Problem != nn.Regression || !slices.Equal(su.Points, st.Points()) {
		t.Errorf("share link %q: %v; the points or the problem differ", link[:min(len(link), 200)], probs)
	}
	pts := st.Points()
	for _, text := range []string{ExportPointsCSV(pts, nn.Task{Problem: nn.Regression}), ExportPointsJSON(pts, nn.Task{Problem: nn.Regression})} {
		got, err := ImportPoints(text, nn.Task{Problem: nn.Regression})
		if err != nil || !slices.Equal(got, pts) {
			t.Errorf("export then import of values: %v", err)
		}
		if _, err := ImportPoints(text, nn.Task{}); err == nil {
			t.Errorf("values imported as classes without an error")
		}
	}
	if err := st.LoadData("circle", 100, 0, 1); err == nil || !strings.Contains(err.Error(), "dataset for classification") {
		t.Errorf("LoadData(circle) in a regression = %v", err)
	}
}

// TestCSVAndJSONCarryTestPoints reads the test column and field, and names a bad one.
func TestCSVAndJSONCarryTestPoints(t *testing.T) {
	pts, err := ImportPoints("x,y,label,test\n1,2,1,1\n3,4,-1,0\n", nn.Task{})
	if err != nil || len(pts) != 2 || !pts[0].Test || pts[1].Test {
		t.Errorf("CSV with a test column: %v, %v", pts, err)
	}
	if _, err := ImportPoints("1,2,1,yes\n", nn.Task{}); err == nil || !strings.Contains(err.Error(), "line 1: test") {
		t.Errorf("CSV test=yes: %v", err)
	}
	if _, err := ImportPoints("x,y,value\n1,2,0.5\n", nn.Task{}); err == nil || !strings.Contains(err.Error(), `wants "label"`) {
		t.Errorf("a value column for classes: %v", err)
	}
	pts, err = ImportPoints(`[{"x": 1, "y": 2, "value": 0.5, "test": true}]`, nn.Task{Problem: nn.Regression})
	if err != nil || len(pts) != 1 || !pts[0].Test || pts[0].Value != 0.5 {
		t.Errorf("JSON with a test point: %v, %v", pts, err)
	}
}

// TestWalkThroughFollowsTheTask checks the lesson of a point: a_1 is the point's feature
// column, and in a regression y is the point's value and the output is linear.
func TestWalkThroughFollowsTheTask(t *testing.T) {
	su, probs := ParseQuery("problem=regression&features=x,x2,sinx&data=plane&n=20")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	_, ls := lessonOn(t, su.Settings, su.Points, nil, 3)
	p := su.Points[3]
	a1, y := ls.Matrices["a_1"], ls.Matrices["y"]
	if want := []float64{p.X, p.X * p.X, math.Sin(p.X)}; !slices.Equal(a1.Values, want) {
		t.Errorf("a_1 = %v, want the features x, x², sin x of (%v, %v): %v", a1.Values, p.X, p.Y, want)
	}
	if y.Rows != 1 || y.Values[0] != p.Value || ls.Value != p.Value {
		t.Errorf("y = %v (%dx%d), lesson value %v; want the point's value %v", y.Values, y.Rows, y.Cols, ls.Value, p.Value)
	}
	var text []string
	for _, s := range ls.Stages {
		text = append(text, s.Title+": "+s.Formula)
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"x, x², sin x", "value", "linear"} {
		if !strings.Contains(all, want) {
			t.Errorf("the stages do not mention %q:\n%s", want, all)
		}
	}
}

// TestKClassesPlayground reads classes= from the address, adds, cycles and checks labels 1..K,
// switches K with configure, and keeps K through a share link and the files.
func TestKClassesPlayground(t *testing.T) {
	su, probs := ParseQuery("classes=4&data=blobs&n=80&label=4")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if k := su.Settings.Net.Task.NumClasses(); k != 4 || !slices.Equal(su.Settings.Net.Layers, []int{2, 3, 4}) || su.Settings.AddLabel != 4 {
		t.Fatalf("classes=4: %d classes, layers %v, label %d", k, su.Settings.Net.Layers, su.Settings.AddLabel)
	}
	st, err := New(su.Settings, su.Points, nil)
	if err != nil {
		t.Fatal(err)
	}
	st.SetDataSource(su.Source())
	if _, err := st.AddPoint(0, 0, 5); err == nil || !strings.Contains(err.Error(), "1 to 4") {
		t.Errorf("label 5 of 4 classes: %v", err)
	}
	i, err := st.AddPoint(0, 0, 4)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.FlipLabel(i); err != nil || st.Points()[i].Label != 1 {
		t.Errorf("a click on class 4 of 4 gave class %d (%v), want 1", st.Points()[i].Label, err)
	}
	link := st.ShareQuery(false)
	again, probs := ParseQuery(link)
	if len(probs) > 0 || again.Settings.Net.Task.NumClasses() != 4 || !slices.Equal(again.Points, st.Points()) {
		t.Errorf("the share link lost the classes or the points: %v", probs)
	}
	pts := st.Points()
	task := st.Task()
	for _, text := range []string{ExportPointsCSV(pts, task), ExportPointsJSON(pts, task)} {
		if got, err := ImportPoints(text, task); err != nil || !slices.Equal(got, pts) {
			t.Errorf("export then import of 4 classes: %v", err)
		}
		if _, err := ImportPoints(text, nn.Task{}); err == nil {
			t.Error("labels 1..4 imported into two classes without an error")
		}
	}
	// Three classes by configure: the points become three blobs, the outputs three.
	s := st.Settings()
	s.Net.Task.Classes = 3
	s.Net.Layers = FitLayers(s.Net.Layers, s.Net.Task)
	s.AddLabel = 1
	if err := st.Configure(s); err != nil {
		t.Fatal(err)
	}
	info := st.Info()
	if info.Classes != 3 || info.Data.Name != "blobs" || !slices.Equal(info.Layers, []int{2, 3, 3}) {
		t.Errorf("after configure(classes: 3): %d classes, data %q, layers %v", info.Classes, info.Data.Name, info.Layers)
	}
	for _, c := range []struct{ q, param, want string }{
		{"classes=7", "classes", "from 2 to 6"},
		{"classes=3&data=circle", "data", `"circle" has two classes`},
		{"classes=3&label=-1", "label", "use 1 to 3"},
		{"problem=regression&classes=3", "classes", "a regression has no classes"},
		{"classes=3&points=1,2,4", "points", "not 1 to 3"},
	} {
		expectProblem(t, c.q, c.param, c.want)
	}
}

// TestWalkThroughOfKClasses checks the lesson of a point of three classes: y is e_k of its
// class, and a_L, δ_L and the gradients have three rows.
func TestWalkThroughOfKClasses(t *testing.T) {
	su, _ := ParseQuery("classes=3&data=blobs&n=30&layers=2,4,3&cost=crossentropy")
	i := slices.IndexFunc(su.Points, func(p nn.Point) bool { return p.Label == 3 })
	_, ls := lessonOn(t, su.Settings, su.Points, nil, i)
	if y := ls.Matrices["y"]; !slices.Equal(y.Values, []float64{0, 0, 1}) {
		t.Errorf("y of class 3 = %v, want e_3", y.Values)
	}
	for _, name := range []string{"a_3", "delta_3", "db_3"} {
		if m := ls.Matrices[name]; m.Rows != 3 || m.Cols != 1 {
			t.Errorf("%s is %dx%d, want 3x1", name, m.Rows, m.Cols)
		}
	}
	if m := ls.Matrices["dw_3"]; m.Rows != 3 || m.Cols != 4 {
		t.Errorf("dw_3 is %dx%d, want 3x4", m.Rows, m.Cols)
	}
}

// expectProblem checks that ParseQuery(q) names a problem of param saying want.
func expectProblem(t *testing.T, q, param, want string) {
	t.Helper()
	_, probs := ParseQuery(q)
	for _, p := range probs {
		if p.Param == param && strings.Contains(p.Message, want) {
			return
		}
	}
	t.Errorf("ParseQuery(%q) problems %v, want one for %s saying %q", q, probs, param, want)
}
