package render

import (
	"math"

	"github.com/nnviz/nnviz/nn"
)

// hitKind says what is under the pointer.
type hitKind int

const (
	hitNone   hitKind = iota
	hitPlane          // the plot, away from any point
	hitPoint          // a point: index
	hitNeuron         // neuron i (0-based) of layer l (1-based)
	hitBias           // the bias ring of neuron i of layer l
	hitEdge           // the weight w_l[i, j] (0-based i, j)
	hitTab            // the tab of card index, in a slot that cards share
)

// hit is the thing under the pointer.
type hit struct {
	kind    hitKind
	index   int // hitPoint; hitTab: the card
	l, i, j int // hitNeuron, hitBias, hitEdge
}

// hitDiagram returns the neuron, bias ring or edge of net under (px, py), or hitNone. Neurons
// win over their rings, rings over edges; among edges the nearest within reach wins.
func (d *diagramGeom) hitDiagram(px, py float32, net *nn.Network) hit {
	L := len(d.layers)
	if L == 0 || net == nil || net.L() != L {
		return hit{}
	}
	for l := 1; l <= L; l++ {
		for i, y := range d.y[l-1] {
			dist := hypot32(px-d.x[l-1], py-y)
			if dist <= d.r {
				return hit{kind: hitNeuron, l: l, i: i}
			}
			if l > 1 {
				bd := net.B(l).RawMatrix()
				outer, _ := d.biasRing(bd.Data[i*bd.Stride])
				if dist <= outer+2*d.u {
					return hit{kind: hitBias, l: l, i: i}
				}
			}
		}
	}
	best, bestD := hit{}, float32(math.Inf(1))
	for l := 2; l <= L; l++ {
		x0, x1 := d.x[l-2], d.x[l-1]
		if px < x0 || px > x1 {
			continue
		}
		wm := net.W(l).RawMatrix()
		for i, yi := range d.y[l-1] {
			for j, yj := range d.y[l-2] {
				dist := segmentDistance(px, py, x0, yj, x1, yi)
				reach := d.edgeWidth(l, wm.Data[i*wm.Stride+j])/2 + edgeSlop*d.u
				if dist <= reach && dist < bestD {
					best, bestD = hit{kind: hitEdge, l: l, i: i, j: j}, dist
				}
			}
		}
	}
	return best
}

// segmentDistance is the distance from (px, py) to the segment from (x0, y0) to (x1, y1).
func segmentDistance(px, py, x0, y0, x1, y1 float32) float32 {
	dx, dy := x1-x0, y1-y0
	l2 := dx*dx + dy*dy
	t := float32(0)
	if l2 > 0 {
		t = min(max(((px-x0)*dx+(py-y0)*dy)/l2, 0), 1)
	}
	return hypot32(px-(x0+t*dx), py-(y0+t*dy))
}

func hypot32(x, y float32) float32 { return float32(math.Sqrt(float64(x*x + y*y))) }

// appendHitName writes what the notebook calls the thing hit (w_2[1,2], b_3[2], a_2[3], with
// 1-based indices) and its value, then a second line saying what it is. acts are the selected
// point's activations, nil if none.
func appendHitName(line1, line2 []byte, h hit, net *nn.Network, acts [][]float64, pts []nn.Point) ([]byte, []byte) {
	idx := func(b []byte, v int) []byte { return appendNumber(b, float64(v), 0) }
	val := func(b []byte, v float64) []byte {
		b = append(b, " = "...)
		return appendNumber(b, v, 3)
	}
	switch h.kind {
	case hitPoint:
		if h.index < 0 || h.index >= len(pts) {
			break
		}
		pt := pts[h.index]
		line1 = append(line1, "point "...)
		line1 = idx(line1, h.index) // points are numbered from 0, everywhere
		var task nn.Task
		if net != nil {
			task = net.Task()
		}
		regression := task.Problem == nn.Regression
		if regression {
			line1 = append(line1, "  ·  value "...)
			line1 = appendNumber(line1, pt.Value, 2)
		} else {
			line1 = append(line1, "  ·  label "...)
			line1 = appendLabel(line1, task, pt.Label)
		}
		if pt.Test {
			line1 = append(line1, "  ·  test"...)
		}
		line2 = append(line2, "x = "...)
		line2 = appendNumber(line2, pt.X, 2)
		line2 = append(line2, ", y = "...)
		line2 = appendNumber(line2, pt.Y, 2)
		if regression {
			line2 = append(line2, "  ·  predicted "...)
			line2 = appendNumber(line2, net.Prob(pt.X, pt.Y), 3)
		} else if net != nil && task.NumClasses() > 2 {
			line2 = append(line2, "  ·  predicted "...)
			line2 = appendLabel(line2, task, net.Predict(pt.X, pt.Y))
		} else if net != nil {
			line2 = append(line2, "  ·  p(+1) = "...)
			line2 = appendNumber(line2, net.Prob(pt.X, pt.Y), 3)
		}
	case hitNeuron:
		line1 = append(line1, "a_"...)
		line1 = idx(line1, h.l)
		line1 = append(line1, '[')
		line1 = idx(line1, h.i+1)
		line1 = append(line1, ']')
		if acts != nil {
			line1 = val(line1, acts[h.l-1][h.i])
			line2 = append(line2, "activation of neuron "...)
		} else {
			line2 = append(line2, "select a point to see neuron "...)
		}
		line2 = idx(line2, h.i+1)
		line2 = append(line2, " of layer "...)
		line2 = idx(line2, h.l)
		if acts == nil {
			line2 = append(line2, "'s activation"...)
		}
	case hitBias:
		bd := net.B(h.l).RawMatrix()
		line1 = append(line1, "b_"...)
		line1 = idx(line1, h.l)
		line1 = append(line1, '[')
		line1 = idx(line1, h.i+1)
		line1 = append(line1, ']')
		line1 = val(line1, bd.Data[h.i*bd.Stride])
		line2 = append(line2, "bias of neuron "...)
		line2 = idx(line2, h.i+1)
		line2 = append(line2, " of layer "...)
		line2 = idx(line2, h.l)
	case hitEdge:
		wm := net.W(h.l).RawMatrix()
		line1 = append(line1, "w_"...)
		line1 = idx(line1, h.l)
		line1 = append(line1, '[')
		line1 = idx(line1, h.i+1)
		line1 = append(line1, ',')
		line1 = idx(line1, h.j+1)
		line1 = append(line1, ']')
		line1 = val(line1, wm.Data[h.i*wm.Stride+h.j])
		line2 = append(line2, "weight from a_"...)
		line2 = idx(line2, h.l-1)
		line2 = append(line2, '[')
		line2 = idx(line2, h.j+1)
		line2 = append(line2, "] to neuron "...)
		line2 = idx(line2, h.i+1)
		line2 = append(line2, " of layer "...)
		line2 = idx(line2, h.l)
	}
	return line1, line2
}
