//go:build js && wasm

package jsapi

import (
	"runtime"
	"strconv"
	"strings"
	"syscall/js"
	"testing"

	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

func eval(src string) js.Value { return js.Global().Call("eval", src) }

// heapMB is the Go heap in use, in MB.
func heapMB() float64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// TestHostileArgumentsGetErrorsNotMemory passes the arguments that once
// exhausted the wasm's memory, and others like them: each must get an
// error naming the argument, at once, and the Go heap must stay small.
func TestHostileArgumentsGetErrorsNotMemory(t *testing.T) {
	s := app.DefaultSettings()
	configure := []struct{ src, want string }{
		{"({layers: new Array(5.3e8)})", "(layers): 530000000 entries is more than the 10"},
		{"({layers: new Array(1e8)})", "(layers): 100000000 entries"},
		{"({layers: [2, 'a', 2]})", "layers[1]"},
		{"({activation: 'x'.repeat(1e7)})", "(activation): 10000000 characters"},
		{"({mode: 5})", "(mode): want a name, got number"},
		{"(function(){ const o = {}; for (let i = 0; i < 1e5; i++) o['k'+i] = i; return o })()", "100000 keys is more than the " + strconv.Itoa(len(Settings)) + " settings"},
		{"({['k'.repeat(1e6)]: 1})", "a string of 1000000 characters"},
		{"({learningRate: 'fast'})", "(learningRate): want a number"},
		{"({colour: 1})", `"colour" is not a setting`},
		{"[1, 2]", "(settings): want an object"},
	}
	for _, c := range configure {
		_, err := Configure(s, eval(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Configure(%s) = %v, want an error containing %q", c.src, err, c.want)
		}
	}
	weights := []struct{ src, want string }{
		{"new Array(5.3e8)", "(weights): 530000000 entries is more than the 9"},
		{"[{w: new Array(1e8), b: []}]", "(weights: w_2): 100000000 entries"},
		{"[{w: [new Array(1e8)], b: [0]}]", "(weights: w_2 row 1): 100000000 entries"},
		{"[{w: [[1, 2]], b: new Array(1e9)}]", "(weights: b_2): 1000000000 entries"},
		{"'x'.repeat(1e7)", "a string of 10000000 characters starting \"xxxx"},
	}
	for _, c := range weights {
		_, err := ParamsFrom(eval(c.src), 0)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParamsFrom(%s) = %v, want an error containing %q", c.src, err, c.want)
		}
	}
	if _, err := PointsFrom(eval("new Array(5.3e8)"), 0, nn.Task{}); err == nil || !strings.Contains(err.Error(), "530000000 points is more than the 2000") {
		t.Errorf("PointsFrom(new Array(5.3e8)) = %v", err)
	}
	if _, err := Text(eval("'a'.repeat(4e7)"), 0, "text", "the text", app.MaxImportBytes); err == nil || !strings.Contains(err.Error(), "argument 1 (text): 40000000 characters") {
		t.Errorf("Text('a'.repeat(4e7)) = %v", err)
	}
	if got := heapMB(); got > 64 {
		t.Errorf("the Go heap holds %.0f MB after the hostile arguments, want it small", got)
	}
}

// TestArgumentsThatAreFine checks the ordinary forms still convert.
func TestArgumentsThatAreFine(t *testing.T) {
	s, err := Configure(app.DefaultSettings(), eval("({layers: [2, 4, 4, 2], activation: 'tanh', learningRate: 0.3, l2: 0.01, batch: 20, mode: 'minibatch', discretize: true})"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Net.Layers) != 4 || s.Net.Activation.String() != "tanh" || s.Train.StepSize != 0.3 || s.Train.Reg != nn.L2 || s.Train.RegRate != 0.01 || !s.Discretize || s.Train.Batch != 20 || s.Train.Mode.String() != "minibatch" {
		t.Errorf("Configure gave %+v", s)
	}
	p, err := ParamsFrom(eval("[{w: [[1, 2], [3, 4], [5, 6]], b: [0, 0, 0]}, {w: [[1, 1, 1], [2, 2, 2]], b: [1, -1]}]"), 0)
	if err != nil || len(p) != 2 || p[1].W[1][2] != 2 || p[1].B[1] != -1 {
		t.Errorf("ParamsFrom = %v, %v", p, err)
	}
	pts, err := PointsFrom(eval("[{x: 1, y: 2, label: 1}, {x: -1, y: 0.5, label: -1}]"), 0, nn.Task{})
	if err != nil || len(pts) != 2 || pts[1].Y != 0.5 {
		t.Errorf("PointsFrom = %v, %v", pts, err)
	}
	pts, err = PointsFrom(eval("[{x: 1, y: 2, value: 0.25, test: true}, {x: -1, y: 0.5, value: -1}]"), 0, nn.Task{Problem: nn.Regression})
	if err != nil || len(pts) != 2 || pts[0].Value != 0.25 || !pts[0].Test || pts[1].Test {
		t.Errorf("PointsFrom of values = %v, %v", pts, err)
	}
	if _, err := PointsFrom(eval("[{x: 1, y: 2, value: 0.25, test: 'yes'}]"), 0, nn.Task{Problem: nn.Regression}); err == nil || !strings.Contains(err.Error(), "points[0].test") {
		t.Errorf("PointsFrom of test: 'yes' = %v, want an error naming points[0].test", err)
	}
	if _, err := PointsFrom(eval("[{x: 1, y: 2, label: 1}]"), 0, nn.Task{Problem: nn.Regression}); err == nil || !strings.Contains(err.Error(), "points[0].value") {
		t.Errorf("PointsFrom of a label in a regression = %v, want an error naming points[0].value", err)
	}
	cs, err := Configure(app.DefaultSettings(), eval("({problem: 'regression', features: ['x', 'y', 'x2']})"))
	if err != nil || cs.Net.Task.Problem != nn.Regression || len(cs.Net.Task.Features) != 3 || cs.Net.Layers[0] != 3 || cs.Net.Layers[len(cs.Net.Layers)-1] != 1 || cs.Net.Cost != nn.Quadratic {
		t.Errorf("configure({problem: 'regression', features: [x, y, x2]}) = %+v, %v; want a 3-...-1 regression network", cs.Net, err)
	}
	if _, err := Configure(app.DefaultSettings(), eval("({features: 'x,q'})")); err == nil || !strings.Contains(err.Error(), `"q"`) {
		t.Errorf("configure({features: 'x,q'}) = %v, want an error naming q", err)
	}
	// importPoints of a text with a byte order mark, as a spreadsheet writes it.
	txt, err := Text(eval("'\\ufeffx,y,label\\n1,2,1'"), 0, "text", "the text", app.MaxImportBytes)
	if err != nil {
		t.Fatal(err)
	}
	if pts, err := app.ImportPoints(txt, nn.Task{}); err != nil || len(pts) != 1 {
		t.Errorf("ImportPoints(%q) = %v, %v", txt, pts, err)
	}
	if d := Describe(js.ValueOf("short")); d != `the string "short"` {
		t.Errorf("Describe = %s", d)
	}
	if info := InfoTo(app.Info{Reg: "l1", RegRate: 0.5, Discretize: true}, 60); info.Get("reg").String() != "l1" || info.Get("regRate").Float() != 0.5 || !info.Get("discretize").Bool() {
		t.Errorf("state() has reg = %v, regRate = %v, discretize = %v", info.Get("reg"), info.Get("regRate"), info.Get("discretize"))
	}
	s, err = Configure(app.DefaultSettings(), eval("({regRate: 0.03, reg: 'l1'})"))
	if err != nil || s.Train.Reg != nn.L1 || s.Train.RegRate != 0.03 {
		t.Errorf("Configure({regRate: 0.03, reg: 'l1'}) = %v %v, %v", s.Train.Reg, s.Train.RegRate, err)
	}
	s, err = Configure(app.DefaultSettings(), eval("({reg: 'none', l2: 0.1})"))
	if err != nil || s.Train.Reg != nn.NoReg || s.Train.RegRate != 0.1 {
		t.Errorf("Configure({reg: 'none', l2: 0.1}) = %v %v, %v", s.Train.Reg, s.Train.RegRate, err)
	}
	for src, says := range map[string]string{
		"({reg: 'l3'})":      `unknown regularization "l3"`,
		"({regRate: 'abc'})": "regRate): want a number",
		"({discretize: 1})":  "discretize): want true or false",
	} {
		if _, err := Configure(app.DefaultSettings(), eval(src)); err == nil || !strings.Contains(err.Error(), says) {
			t.Errorf("Configure(%s) = %v, want an error saying %q", src, err, says)
		}
	}
}

// TestPackPointsKeepsEveryNumber checks the one-copy form of points: x, y, label, value and
// the test flag of each, in order, exactly.
func TestPackPointsKeepsEveryNumber(t *testing.T) {
	pts := []nn.Point{{X: 0.1, Y: -2.5e-300, Label: 1}, {X: -7, Y: 1e300, Label: -1, Test: true}, {X: 3, Y: 4, Value: -0.375}}
	v := PackPoints(pts)
	if !v.InstanceOf(js.Global().Get("Float64Array")) || v.Length() != PackedFields*len(pts) {
		t.Fatalf("PackPoints gave %s of length %d, want a Float64Array of %d", Describe(v), v.Length(), PackedFields*len(pts))
	}
	for k, p := range pts {
		at := func(f int) float64 { return v.Index(PackedFields*k + f).Float() }
		got := nn.Point{X: at(0), Y: at(1), Label: int(at(2)), Value: at(3), Test: at(4) == 1}
		if got != p || at(2) != float64(p.Label) {
			t.Errorf("point %d packed as %v, want %v", k, got, p)
		}
	}
	if v := PackPoints(nil); v.Length() != 0 {
		t.Errorf("no points packed as %d numbers", v.Length())
	}
}
