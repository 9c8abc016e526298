//go:build js && wasm

package main

import (
	"fmt"
	"math"
	"syscall/js"

	"gonum.org/v1/gonum/mat"

	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// argError names the argument of a call that was wrong.
func argError(i int, name, format string, a ...any) error {
	return fmt.Errorf("argument %d (%s): %s", i+1, name, fmt.Sprintf(format, a...))
}

// arg returns argument i, or undefined when it was not passed.
func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// number reads a finite number.
func number(v js.Value, i int, name string) (float64, error) {
	if v.Type() != js.TypeNumber {
		return 0, argError(i, name, "want a number, got %s", describe(v))
	}
	f := v.Float()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, argError(i, name, "want a finite number, got %v", f)
	}
	return f, nil
}

// pair reads two finite numbers, arguments i and i+1.
func pair(args []js.Value, i int, a, b string) (float64, float64, error) {
	x, err := number(arg(args, i), i, a)
	if err != nil {
		return 0, 0, err
	}
	y, err := number(arg(args, i+1), i+1, b)
	return x, y, err
}

// integer reads a whole number.
func integer(v js.Value, i int, name string) (int, error) {
	f, err := number(v, i, name)
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, argError(i, name, "want a whole number, got %v", f)
	}
	return int(f), nil
}

// describe names a JavaScript value's type for an error message.
func describe(v js.Value) string {
	switch v.Type() {
	case js.TypeString:
		return fmt.Sprintf("the string %q", v.String())
	case js.TypeObject:
		if js.Global().Get("Array").Call("isArray", v).Bool() {
			return "an array"
		}
		return "an object"
	}
	return v.Type().String()
}

func isArray(v js.Value) bool {
	return v.Type() == js.TypeObject && js.Global().Get("Array").Call("isArray", v).Bool()
}

// pointsFrom reads [{x, y, label}, ...]; a bad point rejects the whole list.
func pointsFrom(v js.Value, i int) ([]nn.Point, error) {
	if !isArray(v) {
		return nil, argError(i, "points", "want an array of {x, y, label}, got %s", describe(v))
	}
	n := v.Length()
	if n > app.MaxPoints {
		return nil, argError(i, "points", "%d points is more than the %d the plane holds", n, app.MaxPoints)
	}
	pts := make([]nn.Point, n)
	for k := 0; k < n; k++ {
		p := v.Index(k)
		if p.Type() != js.TypeObject {
			return nil, argError(i, "points", "point %d: want {x, y, label}, got %s", k, describe(p))
		}
		x, err := number(p.Get("x"), i, fmt.Sprintf("points[%d].x", k))
		if err != nil {
			return nil, err
		}
		y, err := number(p.Get("y"), i, fmt.Sprintf("points[%d].y", k))
		if err != nil {
			return nil, err
		}
		label, err := integer(p.Get("label"), i, fmt.Sprintf("points[%d].label", k))
		if err != nil {
			return nil, err
		}
		pts[k] = nn.Point{X: x, Y: y, Label: label}
	}
	return pts, nil
}

func pointsTo(pts []nn.Point) []any {
	out := make([]any, len(pts))
	for k, p := range pts {
		out[k] = object("x", p.X, "y", p.Y, "label", p.Label)
	}
	return out
}

// paramsFrom reads [{w: [[...]], b: [...]}, ...] for layers 2..L.
func paramsFrom(v js.Value, i int) (nn.Params, error) {
	if !isArray(v) {
		return nil, argError(i, "weights", "want an array of {w, b}, one per layer from layer 2, got %s", describe(v))
	}
	p := make(nn.Params, v.Length())
	for l := range p {
		lv := v.Index(l)
		name := fmt.Sprintf("layer %d", l+2)
		if lv.Type() != js.TypeObject {
			return nil, argError(i, "weights", "%s: want {w, b}, got %s", name, describe(lv))
		}
		w, b := lv.Get("w"), lv.Get("b")
		if !isArray(w) {
			return nil, argError(i, "weights", "w_%d: want an array of rows, got %s", l+2, describe(w))
		}
		if !isArray(b) {
			return nil, argError(i, "weights", "b_%d: want an array of numbers, got %s", l+2, describe(b))
		}
		p[l].W = make([][]float64, w.Length())
		for r := range p[l].W {
			row := w.Index(r)
			if !isArray(row) {
				return nil, argError(i, "weights", "w_%d row %d: want an array of numbers, got %s", l+2, r+1, describe(row))
			}
			p[l].W[r] = make([]float64, row.Length())
			for c := range p[l].W[r] {
				f, err := number(row.Index(c), i, fmt.Sprintf("w_%d[%d,%d]", l+2, r+1, c+1))
				if err != nil {
					return nil, err
				}
				p[l].W[r][c] = f
			}
		}
		p[l].B = make([]float64, b.Length())
		for r := range p[l].B {
			f, err := number(b.Index(r), i, fmt.Sprintf("b_%d[%d]", l+2, r+1))
			if err != nil {
				return nil, err
			}
			p[l].B[r] = f
		}
	}
	return p, nil
}

func paramsTo(p nn.Params) []any {
	out := make([]any, len(p))
	for l, lp := range p {
		w := make([]any, len(lp.W))
		for r, row := range lp.W {
			w[r] = floats(row)
		}
		out[l] = object("w", w, "b", floats(lp.B))
	}
	return out
}

func floats(f []float64) []any {
	out := make([]any, len(f))
	for i, x := range f {
		out[i] = x
	}
	return out
}

func ints(n []int) []any {
	out := make([]any, len(n))
	for i, x := range n {
		out[i] = x
	}
	return out
}

// rows turns a matrix into an array of rows, as the notebook prints it.
func rows(m *mat.Dense) []any {
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

// object builds a JavaScript object from key, value pairs, keeping their order, so that what
// the API returns prints and serialises the same every time (a Go map's order is random).
func object(kv ...any) js.Value {
	o := js.Global().Get("Object").New()
	for i := 0; i+1 < len(kv); i += 2 {
		o.Set(kv[i].(string), kv[i+1])
	}
	return o
}

// traceTo keys every matrix of the trace by its notebook name, in the notebook's order, and
// lists that order under "order".
func traceTo(t *nn.Trace) js.Value {
	kv := make([]any, 0, 2*len(t.Entries)+2)
	order := make([]any, len(t.Entries))
	for k, e := range t.Entries {
		kv = append(kv, e.Name, rows(e.M))
		order[k] = e.Name
	}
	return object(append(kv, "order", order)...)
}

func infoTo(info app.Info, fps float64) js.Value {
	return object(
		"points", pointsTo(info.Points),
		"layers", ints(info.Layers),
		"activation", info.Activation,
		"cost", info.Cost,
		"learningRate", info.LearningRate,
		"mode", info.Mode,
		"batch", info.Batch,
		"seed", float64(info.Seed),
		"speed", info.Speed,
		"label", info.AddLabel,
		"steps", info.Steps,
		"epoch", info.Epoch,
		"loss", info.Loss,
		"accuracy", info.Accuracy,
		"running", info.Running,
		"selected", info.Selected,
		"teaching", info.Teaching,
		"stage", info.Stage,
		"message", info.Message,
		"data", object("name", info.Data.Name, "n", info.Data.N, "noise", info.Data.Noise, "seed", float64(info.Data.Seed)),
		"dataEdited", info.DataEdited,
		"fps", fps,
	)
}

// lessonTo is the walk-through for the teaching panel.
func lessonTo(ls app.Lesson) js.Value {
	stages := make([]any, len(ls.Stages))
	for k, s := range ls.Stages {
		show := make([]any, len(s.Show))
		for i, name := range s.Show {
			m := ls.Matrices[name]
			show[i] = object("name", m.Name, "rows", m.Rows, "cols", m.Cols, "values", floats(m.Values))
		}
		stages[k] = object(
			"title", s.Title,
			"formula", s.Formula,
			"matrices", show,
			"highlight", object("neurons", ints(s.Highlight.Neurons), "weights", ints(s.Highlight.Weights), "biases", ints(s.Highlight.Biases)),
		)
	}
	return object("point", ls.Point, "label", ls.Label, "stepSize", ls.StepSize, "stage", ls.Stage, "stages", stages)
}
