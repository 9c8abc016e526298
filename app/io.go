package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/nnviz/nnviz/nn"
)

// MaxImportBytes bounds what an import reads: far more than MaxPoints points need.
const MaxImportBytes = 1 << 20

// ImportPoints reads points from CSV or JSON text, telling them apart by the first character
// ('[' or '{' is JSON). A malformed file is rejected whole, with an error that names the line
// (or the point) and the field.
func ImportPoints(text string) ([]nn.Point, error) {
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
		return ParsePointsJSON(text)
	}
	return ParsePointsCSV(text)
}

// ParsePointsCSV reads lines of x,y,label. A first line "x,y,label" is a header; blank lines
// and lines starting with '#' are skipped.
func ParsePointsCSV(text string) ([]nn.Point, error) {
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
		if len(pts) == 0 && len(f) == 3 && strings.EqualFold(f[0], "x") && strings.EqualFold(f[1], "y") && strings.EqualFold(f[2], "label") {
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: want 3 fields x,y,label, got %d: %q", no, len(f), line)
		}
		x, err := parseFloat(f[0])
		if err != nil {
			return nil, fmt.Errorf("line %d: x: %v", no, err)
		}
		y, err := parseFloat(f[1])
		if err != nil {
			return nil, fmt.Errorf("line %d: y: %v", no, err)
		}
		label, err := strconv.Atoi(f[2])
		if err != nil || checkLabel(label) != nil {
			return nil, fmt.Errorf("line %d: label: %q is not -1 or 1", no, f[2])
		}
		if err := checkXY(x, y); err != nil {
			return nil, fmt.Errorf("line %d: %v", no, err)
		}
		if len(pts) == MaxPoints {
			return nil, fmt.Errorf("line %d: more than the %d points the plane holds", no, MaxPoints)
		}
		pts = append(pts, nn.Point{X: x, Y: y, Label: label})
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
}

// ParsePointsJSON reads [{"x":..,"y":..,"label":..}, ...] or {"points": [...]}, the form
// ExportPointsJSON writes.
func ParsePointsJSON(text string) ([]nn.Point, error) {
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
		case p.Label == nil:
			return nil, fmt.Errorf("JSON: point %d: label is missing", i)
		}
		if err := checkLabel(*p.Label); err != nil {
			return nil, fmt.Errorf("JSON: point %d: %v", i, err)
		}
		if err := checkXY(*p.X, *p.Y); err != nil {
			return nil, fmt.Errorf("JSON: point %d: %v", i, err)
		}
		pts[i] = nn.Point{X: *p.X, Y: *p.Y, Label: *p.Label}
	}
	return pts, nil
}

// jsonError places a JSON syntax error at its line and column.
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

// ExportPointsCSV writes points as CSV with a header, in the form ParsePointsCSV reads.
func ExportPointsCSV(pts []nn.Point) string {
	var b strings.Builder
	b.WriteString("x,y,label\n")
	for _, p := range pts {
		fmt.Fprintf(&b, "%s,%s,%d\n", formatFloat(p.X), formatFloat(p.Y), p.Label)
	}
	return b.String()
}

// ExportPointsJSON writes points as a JSON array of {x, y, label}.
func ExportPointsJSON(pts []nn.Point) string {
	out := make([]map[string]any, len(pts))
	for i, p := range pts {
		out[i] = map[string]any{"x": p.X, "y": p.Y, "label": p.Label}
	}
	b, _ := json.MarshalIndent(out, "", "  ") // plain numbers and ints always marshal
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
