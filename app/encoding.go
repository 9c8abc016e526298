package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nnviz/nnviz/nn"
)

// ParsePoints reads the points parameter: "x,y,label" triples separated by ';', e.g.
// "1.2,0.7,1;-0.3,-0.5,-1", or for a regression "x,y,value". A fourth field "t" marks a
// point held out as test data. A bad point rejects the whole list, naming the point and field.
func ParsePoints(v string, task nn.Task) ([]nn.Point, error) {
	problem := task.Problem
	v = strings.TrimSpace(v)
	if v == "" {
		return []nn.Point{}, nil
	}
	parts := strings.Split(v, ";")
	if len(parts) > MaxPoints {
		return nil, fmt.Errorf("%d points is more than the %d the plane holds", len(parts), MaxPoints)
	}
	third := "label"
	if problem == nn.Regression {
		third = "value"
	}
	pts := make([]nn.Point, 0, len(parts))
	for i, part := range parts {
		f := strings.Split(part, ",")
		if len(f) == 4 {
			if strings.TrimSpace(f[3]) != "t" {
				return nil, fmt.Errorf("point %d: %q: the fourth field can only be t (a test point)", i, part)
			}
		} else if len(f) != 3 {
			return nil, fmt.Errorf("point %d: %q is not x,y,%s (or x,y,%s,t for a test point)", i, part, third, third)
		}
		x, err := parseFloat(f[0])
		if err != nil {
			return nil, fmt.Errorf("point %d: x: %v", i, err)
		}
		y, err := parseFloat(f[1])
		if err != nil {
			return nil, fmt.Errorf("point %d: y: %v", i, err)
		}
		p := nn.Point{X: x, Y: y, Test: len(f) == 4}
		if problem == nn.Regression {
			if p.Value, err = parseFloat(f[2]); err != nil || checkValue(p.Value) != nil {
				return nil, fmt.Errorf("point %d: value: %q is not a number from %d to %d", i, f[2], -nn.MaxValue, nn.MaxValue)
			}
		} else if p.Label, err = strconv.Atoi(strings.TrimSpace(f[2])); err != nil || checkLabel(task, p.Label) != nil {
			return nil, fmt.Errorf("point %d: label: %q is not %s", i, f[2], task.LabelNames())
		}
		pts = append(pts, p)
	}
	if err := task.CheckPoints(pts); err != nil {
		return nil, err
	}
	return pts, nil
}

// FormatPoints writes points in the form ParsePoints reads, exactly (shortest round-trip
// decimal form).
func FormatPoints(pts []nn.Point, task nn.Task) string {
	problem := task.Problem
	var b strings.Builder
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(formatFloat(p.X))
		b.WriteByte(',')
		b.WriteString(formatFloat(p.Y))
		b.WriteByte(',')
		if problem == nn.Regression {
			b.WriteString(formatFloat(p.Value))
		} else {
			b.WriteString(strconv.Itoa(p.Label))
		}
		if p.Test {
			b.WriteString(",t")
		}
	}
	return b.String()
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// paramCount is the number of weights and biases of a network with these layers.
func paramCount(layers []int) int {
	n := 0
	for l := 1; l < len(layers); l++ {
		n += layers[l]*layers[l-1] + layers[l]
	}
	return n
}

// parseWeights reads the weights parameter: "notebook" for the notebook's printed weights
// (2-3-2 only), or every number of w_2 (row by row), b_2, w_3, b_3, ... separated by commas.
func parseWeights(v string, layers []int) (nn.Params, error) {
	if v == "notebook" {
		if fmt.Sprint(layers) != "[2 3 2]" {
			return nil, fmt.Errorf("the notebook's weights are for a 2-3-2 network, not %s", formatLayers(layers))
		}
		return nn.NotebookParams(), nil
	}
	parts := strings.Split(v, ",")
	if want := paramCount(layers); len(parts) != want {
		return nil, fmt.Errorf("got %d numbers; the %s network has %d weights and biases (or use \"notebook\")", len(parts), formatLayers(layers), want)
	}
	nums := make([]float64, len(parts))
	for i, p := range parts {
		f, err := parseFloat(p)
		if err != nil {
			return nil, fmt.Errorf("number %d: %v", i+1, err)
		}
		nums[i] = f
	}
	p := make(nn.Params, 0, len(layers)-1)
	k := 0
	for l := 1; l < len(layers); l++ {
		lp := nn.LayerParams{W: make([][]float64, layers[l]), B: make([]float64, layers[l])}
		for r := range lp.W {
			lp.W[r] = nums[k : k+layers[l-1] : k+layers[l-1]]
			k += layers[l-1]
		}
		copy(lp.B, nums[k:])
		k += layers[l]
		p = append(p, lp)
	}
	return p, nil
}

// FormatWeights writes weights in the form parseWeights reads.
func FormatWeights(p nn.Params) string {
	var b strings.Builder
	for _, lp := range p {
		for _, row := range lp.W {
			for _, w := range row {
				if b.Len() > 0 {
					b.WriteByte(',')
				}
				b.WriteString(formatFloat(w))
			}
		}
		for _, w := range lp.B {
			b.WriteByte(',')
			b.WriteString(formatFloat(w))
		}
	}
	return b.String()
}

func formatLayers(layers []int) string {
	s := make([]string, len(layers))
	for i, n := range layers {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, "-")
}
