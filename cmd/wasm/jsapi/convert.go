//go:build js && wasm

// Package jsapi converts between JavaScript values and the playground's Go types for
// window.nnviz. It checks every length and size before it converts or allocates, so that no
// argument can exhaust the wasm's memory, and every bad argument gets an error naming it. It
// does not import ebiten, so its tests run as wasm under Node.
package jsapi

import (
	"encoding/binary"
	"fmt"
	"math"
	"syscall/js"

	"gonum.org/v1/gonum/mat"

	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// ArgError names the argument of a call that was wrong.
func ArgError(i int, name, format string, a ...any) error {
	return fmt.Errorf("argument %d (%s): %s", i+1, name, fmt.Sprintf(format, a...))
}

// Arg returns argument i, or undefined when it was not passed.
func Arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// Number reads a finite number.
func Number(v js.Value, i int, name string) (float64, error) {
	if v.Type() != js.TypeNumber {
		return 0, ArgError(i, name, "want a number, got %s", Describe(v))
	}
	f := v.Float()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, ArgError(i, name, "want a finite number, got %v", f)
	}
	return f, nil
}

// Pair reads two finite numbers, arguments i and i+1.
func Pair(args []js.Value, i int, a, b string) (float64, float64, error) {
	x, err := Number(Arg(args, i), i, a)
	if err != nil {
		return 0, 0, err
	}
	y, err := Number(Arg(args, i+1), i+1, b)
	return x, y, err
}

// Integer reads a whole number.
func Integer(v js.Value, i int, name string) (int, error) {
	f, err := Number(v, i, name)
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, ArgError(i, name, "want a whole number, got %v", f)
	}
	return int(f), nil
}

// describeMax is the most characters of a string an error message quotes.
const describeMax = 40

// Describe names a JavaScript value's type for an error message. A long string is quoted
// only in part, without copying the rest into Go.
func Describe(v js.Value) string {
	switch v.Type() {
	case js.TypeString:
		if n := strLen(v); n > describeMax {
			return fmt.Sprintf("a string of %d characters starting %q", n, boxed(v).Call("slice", 0, describeMax).String())
		}
		return fmt.Sprintf("the string %q", v.String())
	case js.TypeObject:
		if IsArray(v) {
			return fmt.Sprintf("an array of %d entries", v.Length())
		}
		return "an object"
	}
	return v.Type().String()
}

// IsArray reports whether v is a JavaScript array.
func IsArray(v js.Value) bool {
	return v.Type() == js.TypeObject && js.Global().Get("Array").Call("isArray", v).Bool()
}

// Text reads a string of at most max characters (UTF-16 code units, as JavaScript counts
// them). The length is checked before the string is copied into Go.
func Text(v js.Value, i int, name, want string, max int) (string, error) {
	if v.Type() != js.TypeString {
		return "", ArgError(i, name, "want %s, got %s", want, Describe(v))
	}
	if n := strLen(v); n > max {
		return "", ArgError(i, name, "%d characters is more than the %d it may have", n, max)
	}
	return v.String(), nil
}

// boxed wraps a primitive string in a String object, whose length and methods syscall/js
// can reach without copying the string into Go.
func boxed(v js.Value) js.Value { return js.Global().Get("Object").Invoke(v) }

// strLen is a JavaScript string's length in UTF-16 code units.
func strLen(v js.Value) int { return boxed(v).Length() }

// array checks that v is an array of at most max entries and returns its length.
func array(v js.Value, i int, name, want string, max int) (int, error) {
	if !IsArray(v) {
		return 0, ArgError(i, name, "want %s, got %s", want, Describe(v))
	}
	n := v.Length()
	if n > max {
		return 0, ArgError(i, name, "%d entries is more than the %d it may have", n, max)
	}
	return n, nil
}

// maxWidth is the most neurons a layer of any network has.
const maxWidth = max(nn.MaxNeurons, nn.MaxInputs, nn.MaxOutputs)

// PointsFrom reads [{x, y, label}, ...], or for a regression [{x, y, value}, ...], each with an
// optional test: true; a bad point rejects the whole list.
func PointsFrom(v js.Value, i int, task nn.Task) ([]nn.Point, error) {
	problem := task.Problem
	if !IsArray(v) {
		return nil, ArgError(i, "points", "want an array of {x, y, label}, got %s", Describe(v))
	}
	n := v.Length()
	if n > app.MaxPoints {
		return nil, ArgError(i, "points", "%d points is more than the %d the plane holds", n, app.MaxPoints)
	}
	pts := make([]nn.Point, n)
	for k := 0; k < n; k++ {
		p := v.Index(k)
		if p.Type() != js.TypeObject {
			return nil, ArgError(i, "points", "point %d: want {x, y, label}, got %s", k, Describe(p))
		}
		x, err := Number(p.Get("x"), i, fmt.Sprintf("points[%d].x", k))
		if err != nil {
			return nil, err
		}
		y, err := Number(p.Get("y"), i, fmt.Sprintf("points[%d].y", k))
		if err != nil {
			return nil, err
		}
		pts[k] = nn.Point{X: x, Y: y}
		if problem == nn.Regression {
			if pts[k].Value, err = Number(p.Get("value"), i, fmt.Sprintf("points[%d].value", k)); err != nil {
				return nil, err
			}
		} else if pts[k].Label, err = Integer(p.Get("label"), i, fmt.Sprintf("points[%d].label", k)); err != nil {
			return nil, err
		}
		switch t := p.Get("test"); t.Type() {
		case js.TypeUndefined:
		case js.TypeBoolean:
			pts[k].Test = t.Bool()
		default:
			return nil, ArgError(i, "points", "points[%d].test: want true or false, got %s", k, Describe(t))
		}
	}
	return pts, nil
}

// ParamsFrom reads [{w: [[...]], b: [...]}, ...] for layers 2..L.
func ParamsFrom(v js.Value, i int) (nn.Params, error) {
	nl, err := array(v, i, "weights", "an array of {w, b}, one per layer from layer 2", nn.MaxHidden+1)
	if err != nil {
		return nil, err
	}
	p := make(nn.Params, nl)
	for l := range p {
		lv := v.Index(l)
		name := fmt.Sprintf("layer %d", l+2)
		if lv.Type() != js.TypeObject {
			return nil, ArgError(i, "weights", "%s: want {w, b}, got %s", name, Describe(lv))
		}
		w, b := lv.Get("w"), lv.Get("b")
		nr, err := array(w, i, fmt.Sprintf("weights: w_%d", l+2), "an array of rows", maxWidth)
		if err != nil {
			return nil, err
		}
		if _, err := array(b, i, fmt.Sprintf("weights: b_%d", l+2), "an array of numbers", maxWidth); err != nil {
			return nil, err
		}
		p[l].W = make([][]float64, nr)
		for r := range p[l].W {
			row := w.Index(r)
			nc, err := array(row, i, fmt.Sprintf("weights: w_%d row %d", l+2, r+1), "an array of numbers", maxWidth)
			if err != nil {
				return nil, err
			}
			p[l].W[r] = make([]float64, nc)
			for c := range p[l].W[r] {
				f, err := Number(row.Index(c), i, fmt.Sprintf("w_%d[%d,%d]", l+2, r+1, c+1))
				if err != nil {
					return nil, err
				}
				p[l].W[r][c] = f
			}
		}
		p[l].B = make([]float64, b.Length())
		for r := range p[l].B {
			f, err := Number(b.Index(r), i, fmt.Sprintf("b_%d[%d]", l+2, r+1))
			if err != nil {
				return nil, err
			}
			p[l].B[r] = f
		}
	}
	return p, nil
}

// ParamsTo converts weights to [{w, b}, ...], layer 2 first.
func ParamsTo(p nn.Params) []any {
	out := make([]any, len(p))
	for l, lp := range p {
		w := make([]any, len(lp.W))
		for r, row := range lp.W {
			w[r] = Floats(row)
		}
		out[l] = Object("w", w, "b", Floats(lp.B))
	}
	return out
}

// Floats converts numbers to a JavaScript array's values.
func Floats(f []float64) []any {
	out := make([]any, len(f))
	for i, x := range f {
		out[i] = x
	}
	return out
}

// Strings converts strings to a JavaScript array's values.
func Strings(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}

// Ints converts whole numbers to a JavaScript array's values.
func Ints(n []int) []any {
	out := make([]any, len(n))
	for i, x := range n {
		out[i] = x
	}
	return out
}

// Rows turns a matrix into an array of rows, as the notebook prints it.
func Rows(m *mat.Dense) []any {
	r, c := m.Dims()
	out := make([]any, r)
	for i := 0; i < r; i++ {
		row := make([]any, c)
		for j := 0; j < c; j++ {
			row[j] = m.At(i, j)
		}
		out[i] = row
	}
	return out
}

// Object builds a JavaScript object from key, value pairs, keeping their order, so that what
// the API returns prints and serialises the same every time (a Go map's order is random).
func Object(kv ...any) js.Value {
	o := js.Global().Get("Object").New()
	for i := 0; i+1 < len(kv); i += 2 {
		o.Set(kv[i].(string), kv[i+1])
	}
	return o
}

// TraceTo keys every matrix of the trace by its notebook name, in the notebook's order, and
// lists that order under "order".
func TraceTo(t *nn.Trace) js.Value {
	kv := make([]any, 0, 2*len(t.Entries)+2)
	order := make([]any, len(t.Entries))
	for k, e := range t.Entries {
		kv = append(kv, e.Name, Rows(e.M))
		order[k] = e.Name
	}
	return Object(append(kv, "order", order)...)
}

// PackedFields is how many numbers PackPoints writes per point: x, y, label, value, and 1 for a
// test point (else 0).
const PackedFields = 5

// PackPoints is the points as one Float64Array of PackedFields numbers per point: it crosses
// into JavaScript in one copy, where an object per point costs a dozen calls across the
// boundary (25 ms for 2,000 points). api.js unpacks it into {x, y, label} objects ({x, y,
// value} in a regression, with test: true on test points).
func PackPoints(pts []nn.Point) js.Value {
	const size = 8 * PackedFields
	buf := make([]byte, size*len(pts))
	for k, p := range pts {
		test := 0.0
		if p.Test {
			test = 1
		}
		for f, v := range [PackedFields]float64{p.X, p.Y, float64(p.Label), p.Value, test} {
			binary.LittleEndian.PutUint64(buf[size*k+8*f:], math.Float64bits(v))
		}
	}
	u8 := js.Global().Get("Uint8Array").New(len(buf))
	js.CopyBytesToJS(u8, buf)
	return js.Global().Get("Float64Array").New(u8.Get("buffer"))
}

// StatusTo is what status() returns.
func StatusTo(s app.Status, fps float64) js.Value {
	return Object(
		"steps", s.Steps,
		"epoch", s.Epoch,
		"loss", s.Loss,
		"accuracy", s.Accuracy,
		"testLoss", s.TestLoss,
		"testAccuracy", s.TestAccuracy,
		"running", s.Running,
		"points", s.Points,
		"pointsRevision", float64(s.PointsRevision),
		"pendingSteps", s.PendingSteps,
		"message", s.Message,
		"fps", fps,
	)
}

// InfoTo is what the wasm's state() returns to api.js: the points packed (PackPoints), or
// null when info has none because the caller holds them already (app.State.InfoAfter).
func InfoTo(info app.Info, fps float64) js.Value {
	var points any
	if info.Points != nil {
		points = PackPoints(info.Points)
	}
	return Object(
		"packedPoints", points,
		"pointsRevision", float64(info.PointsRevision),
		"layers", Ints(info.Layers),
		"problem", info.Problem,
		"classes", info.Classes,
		"features", info.Features,
		"activation", info.Activation,
		"cost", info.Cost,
		"learningRate", info.LearningRate,
		"reg", info.Reg,
		"regRate", info.RegRate,
		"discretize", info.Discretize,
		"mode", info.Mode,
		"batch", info.Batch,
		"seed", float64(info.Seed),
		"speed", info.Speed,
		"label", info.AddLabel,
		"value", info.AddValue,
		"test", info.TestFraction,
		"showTest", info.ShowTest,
		"testLoss", info.TestLoss,
		"testAccuracy", info.TestAccuracy,
		"gradients", info.Gradients,
		"steps", info.Steps,
		"epoch", info.Epoch,
		"loss", info.Loss,
		"accuracy", info.Accuracy,
		"running", info.Running,
		"selected", info.Selected,
		"teaching", info.Teaching,
		"stage", info.Stage,
		"message", info.Message,
		"data", Object("name", info.Data.Name, "n", info.Data.N, "noise", info.Data.Noise, "seed", float64(info.Data.Seed)),
		"dataEdited", info.DataEdited,
		"view", Object("xMin", info.View.XMin, "xMax", info.View.XMax, "yMin", info.View.YMin, "yMax", info.View.YMax),
		"fps", fps,
	)
}

// LessonTo is the walk-through for the teaching panel.
func LessonTo(ls app.Lesson) js.Value {
	stages := make([]any, len(ls.Stages))
	for k, s := range ls.Stages {
		show := make([]any, len(s.Show))
		for i, name := range s.Show {
			m := ls.Matrices[name]
			show[i] = Object("name", m.Name, "rows", m.Rows, "cols", m.Cols, "values", Floats(m.Values))
		}
		stages[k] = Object(
			"title", s.Title,
			"formula", s.Formula,
			"why", s.Why,
			"general", Strings(s.General),
			"numbers", Strings(s.Numbers),
			"full", Strings(s.Full),
			"entries", Strings(s.Entries),
			"note", s.Note,
			"result", s.Result,
			"matrices", show,
			"highlight", Object("neurons", Ints(s.Highlight.Neurons), "weights", Ints(s.Highlight.Weights), "biases", Ints(s.Highlight.Biases)),
		)
	}
	view := "stage"
	if ls.All {
		view = "all"
	}
	return Object("point", ls.Point, "label", ls.Label, "stepSize", ls.StepSize, "reg", ls.Reg, "regRate", ls.RegRate, "stage", ls.Stage, "view", view, "stages", stages)
}
