package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/nnviz/nnviz/nn"
)

// MaxImportBytes bounds what an import reads: far more than MaxPoints points need.
const MaxImportBytes = 1 << 20

// ImportPoints reads points of the problem (labels for classes, values for regression) from
// CSV or JSON text, telling them apart by the first character ('[' or '{' is JSON). A
// malformed file is rejected whole, with an error that names the line (or the point) and the
// field.
func ImportPoints(text string, task nn.Task) ([]nn.Point, error) {
	if len(text) > MaxImportBytes {
		return nil, fmt.Errorf("import: %d bytes is more than the %d an import reads", len(text), MaxImportBytes)
	}
	// A byte order mark, which spreadsheets write at the start of CSV files, is not data.
	text = strings.TrimPrefix(text, "\ufeff")
	t := strings.TrimSpace(text)
	if t == "" {
		return nil, errors.New("import: the file is empty")
	}
	if t[0] == '[' || t[0] == '{' {
		return ParsePointsJSON(text, task)
	}
	return ParsePointsCSV(text, task)
}

// thirdField is the name of a point's third field: "label" for classes, "value" for regression.
func thirdField(problem nn.Problem) string {
	if problem == nn.Regression {
		return "value"
	}
	return "label"
}

// ParsePointsCSV reads lines of x,y,label (for regression x,y,value), with an optional fourth
// field test (1 for a test point, 0 for a training point). A first line naming the fields
// ("x,y,label" or "x,y,label,test") is a header; blank lines and lines starting with '#' are
// skipped.
func ParsePointsCSV(text string, task nn.Task) ([]nn.Point, error) {
	problem := task.Problem
	third := thirdField(problem)
	var pts []nn.Point
	for n, line := range strings.Split(text, "\n") {
		no := n + 1
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, ",")
		for i := range f {
			f[i] = strings.Trim(strings.TrimSpace(f[i]), `"`)
		}
		if len(pts) == 0 && len(f) >= 3 && strings.EqualFold(f[0], "x") && strings.EqualFold(f[1], "y") {
			if !strings.EqualFold(f[2], third) {
				return nil, fmt.Errorf("line %d: the third column is %q; this playground learns %s, so it wants %q", no, f[2], problemNoun(problem), third)
			}
			if len(f) == 4 && strings.EqualFold(f[3], "test") {
				continue
			}
			if len(f) == 3 {
				continue
			}
		}
		if len(f) != 3 && len(f) != 4 {
			return nil, fmt.Errorf("line %d: want 3 fields x,y,%s (or 4 with test), got %d: %q", no, third, len(f), line)
		}
		x, err := parseFloat(f[0])
		if err != nil {
			return nil, fmt.Errorf("line %d: x: %v", no, err)
		}
		y, err := parseFloat(f[1])
		if err != nil {
			return nil, fmt.Errorf("line %d: y: %v", no, err)
		}
		if err := checkXY(x, y); err != nil {
			return nil, fmt.Errorf("line %d: %v", no, err)
		}
		p := nn.Point{X: x, Y: y}
		if problem == nn.Regression {
			if p.Value, err = parseFloat(f[2]); err != nil || checkValue(p.Value) != nil {
				return nil, fmt.Errorf("line %d: value: %q is not a number from %d to %d", no, f[2], -nn.MaxValue, nn.MaxValue)
			}
		} else if p.Label, err = strconv.Atoi(f[2]); err != nil || checkLabel(task, p.Label) != nil {
			return nil, fmt.Errorf("line %d: label: %q is not %s", no, f[2], task.LabelNames())
		}
		if len(f) == 4 {
			switch f[3] {
			case "0", "":
			case "1":
				p.Test = true
			default:
				return nil, fmt.Errorf("line %d: test: %q is not 0 (training) or 1 (test)", no, f[3])
			}
		}
		if len(pts) == MaxPoints {
			return nil, fmt.Errorf("line %d: more than the %d points the plane holds", no, MaxPoints)
		}
		pts = append(pts, p)
	}
	if len(pts) == 0 {
		return nil, errors.New("import: no points in the file")
	}
	return pts, nil
}

// jsonPoint has pointers so that a missing field is told apart from a zero.
type jsonPoint struct {
	X     *float64 `json:"x"`
	Y     *float64 `json:"y"`
	Label *int     `json:"label"`
	Value *float64 `json:"value"`
	Test  bool     `json:"test"`
}

// ParsePointsJSON reads [{"x":..,"y":..,"label":..}, ...] (for regression "value" instead of
// "label"; "test": true marks a test point) or {"points": [...]}, the form ExportPointsJSON
// writes.
func ParsePointsJSON(text string, task nn.Task) ([]nn.Point, error) {
	problem := task.Problem
	data := []byte(text)
	var raw []json.RawMessage
	t := bytes.TrimSpace(data)
	if len(t) > 0 && t[0] == '{' {
		var wrap struct {
			Points *[]json.RawMessage `json:"points"`
		}
		if err := json.Unmarshal(data, &wrap); err != nil {
			return nil, jsonError(data, err)
		}
		if wrap.Points == nil {
			return nil, errors.New(`JSON: want an array of points or {"points": [...]}; there is no "points" field`)
		}
		raw = *wrap.Points
	} else if err := json.Unmarshal(data, &raw); err != nil {
		return nil, jsonError(data, err)
	}
	if len(raw) == 0 {
		return nil, errors.New("JSON: no points in the file")
	}
	if len(raw) > MaxPoints {
		return nil, fmt.Errorf("JSON: %d points is more than the %d the plane holds", len(raw), MaxPoints)
	}
	pts := make([]nn.Point, len(raw))
	for i, r := range raw {
		var p jsonPoint
		dec := json.NewDecoder(bytes.NewReader(r))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("JSON: point %d: %v", i, err)
		}
		switch {
		case p.X == nil:
			return nil, fmt.Errorf("JSON: point %d: x is missing", i)
		case p.Y == nil:
			return nil, fmt.Errorf("JSON: point %d: y is missing", i)
		case problem == nn.Regression && p.Value == nil:
			return nil, fmt.Errorf("JSON: point %d: value is missing (this playground learns values)", i)
		case problem == nn.Classification && p.Label == nil:
			return nil, fmt.Errorf("JSON: point %d: label is missing (this playground learns classes)", i)
		}
		if err := checkXY(*p.X, *p.Y); err != nil {
			return nil, fmt.Errorf("JSON: point %d: %v", i, err)
		}
		q := nn.Point{X: *p.X, Y: *p.Y, Test: p.Test}
		if problem == nn.Regression {
			if err := checkValue(*p.Value); err != nil {
				return nil, fmt.Errorf("JSON: point %d: %v", i, err)
			}
			q.Value = *p.Value
		} else {
			if err := checkLabel(task, *p.Label); err != nil {
				return nil, fmt.Errorf("JSON: point %d: %v", i, err)
			}
			q.Label = *p.Label
		}
		pts[i] = q
	}
	return pts, nil
}

func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		line, col := position(data, se.Offset)
		return fmt.Errorf("JSON: line %d, column %d: %v", line, col, se)
	case errors.As(err, &te):
		line, col := position(data, te.Offset)
		return fmt.Errorf("JSON: line %d, column %d: %s is %s, want %s", line, col, fieldName(te.Field), te.Value, te.Type)
	}
	return fmt.Errorf("JSON: %v", err)
}

func fieldName(f string) string {
	if f == "" {
		return "the value"
	}
	return f
}

func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// ExportPointsCSV writes points as CSV with a header, in the form ParsePointsCSV reads: a test
// column when some points are test points.
func ExportPointsCSV(pts []nn.Point, task nn.Task) string {
	problem := task.Problem
	var b strings.Builder
	withTest := slices.ContainsFunc(pts, func(p nn.Point) bool { return p.Test })
	b.WriteString("x,y," + thirdField(problem))
	if withTest {
		b.WriteString(",test")
	}
	b.WriteByte('\n')
	for _, p := range pts {
		b.WriteString(formatFloat(p.X) + "," + formatFloat(p.Y) + ",")
		if problem == nn.Regression {
			b.WriteString(formatFloat(p.Value))
		} else {
			b.WriteString(strconv.Itoa(p.Label))
		}
		if withTest {
			b.WriteString(map[bool]string{false: ",0", true: ",1"}[p.Test])
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// ExportPointsJSON writes points as a JSON array of {x, y, label} (for regression {x, y,
// value}), with "test": true on the test points.
func ExportPointsJSON(pts []nn.Point, task nn.Task) string {
	problem := task.Problem
	out := make([]map[string]any, len(pts))
	for i, p := range pts {
		out[i] = map[string]any{"x": p.X, "y": p.Y}
		if problem == nn.Regression {
			out[i]["value"] = p.Value
		} else {
			out[i]["label"] = p.Label
		}
		if p.Test {
			out[i]["test"] = true
		}
	}
	b, _ := json.MarshalIndent(out, "", "  ") // plain numbers, ints and bools always marshal
	return string(b) + "\n"
}

// ExportWeightsJSON writes the weights as [{"w": [[...]], "b": [...]}, ...] for layers 2..L,
// the form window.nnviz.setWeights takes.
func ExportWeightsJSON(p nn.Params) string {
	b, _ := json.MarshalIndent(p, "", "  ") // finite floats always marshal
	return string(b) + "\n"
}

// ExportWeightsNumPy writes the weights in the notebook's own form, w_2 = np.array([...]) and
// column-vector biases, so a learner can paste them back into the notebook.
func ExportWeightsNumPy(p nn.Params) string {
	var b strings.Builder
	b.WriteString("import numpy as np\n\n")
	for i, lp := range p {
		l := i + 2
		writeArray(&b, fmt.Sprintf("w_%d", l), lp.W)
		col := make([][]float64, len(lp.B))
		for r, v := range lp.B {
			col[r] = []float64{v}
		}
		writeArray(&b, fmt.Sprintf("b_%d", l), col)
	}
	return b.String()
}

func writeArray(b *strings.Builder, name string, rows [][]float64) {
	prefix := name + " = np.array(["
	b.WriteString(prefix)
	for r, row := range rows {
		if r > 0 {
			b.WriteString(",\n")
			b.WriteString(strings.Repeat(" ", len(prefix)))
		}
		b.WriteByte('[')
		for c, v := range row {
			if c > 0 {
				b.WriteString(", ")
			}
			b.WriteString(formatFloat(v))
		}
		b.WriteByte(']')
	}
	b.WriteString("])\n")
}
