package render

import (
	"math"
	"slices"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// diagramGeom places the network's neurons in columns by layer, in device pixels. Layer l
// (1-based, as in the notebook) is column l-1.
type diagramGeom struct {
	area   rect
	layers []int
	x      []float32   // x[l-1]: the column of layer l
	y      [][]float32 // y[l-1][i]: neuron i of layer l
	r      float32     // neuron radius
	ring   float32     // the bias ring's largest thickness
	u      float32
}

// Diagram sizes, in CSS pixels (the neurons' own are in sizes.go).
const (
	biasGap     = 1.5 // between a neuron and its bias ring
	biasMaxRing = 4
	edgeSlop    = 3 // extra reach around an edge for pointing at it
)

// update lays the network out in area. It reuses its slices, so it allocates only when the
// number of layers grows.
func (d *diagramGeom) update(area rect, net *nn.Network, u float32) {
	layers := net.Layers()
	d.area, d.u = area, u
	d.layers = append(d.layers[:0], layers...)
	L := len(layers)
	d.x = slices.Grow(d.x[:0], L)[:L]
	if cap(d.y) < L {
		d.y = make([][]float32, L)
	}
	d.y = d.y[:L]
	maxN := slices.Max(layers)
	// Side margins leave room for the input labels (x, y) and the output classes beside
	// the first and last columns' neurons and rings.
	r := min(neuronMaxR*u, area.h()/float32(maxN)*0.34, (area.w()-60*u)/float32(max(L-1, 1))*0.2)
	// At least neuronMinR; only a network too tall for any screen (the layout gives every
	// other one room for it) gets smaller neurons, so that they never overlap.
	d.r = max(r, min(neuronMinR*u, area.h()/float32(maxN)*0.45))
	d.ring = min(biasMaxRing*u, d.r*0.3)
	side := d.r + d.ring + labelRoom(net.Task())*u
	colGap := (area.w() - 2*side) / float32(max(L-1, 1))
	for l := 0; l < L; l++ {
		d.x[l] = area.X0 + side + colGap*float32(l)
		if L == 1 {
			d.x[l] = (area.X0 + area.X1) / 2
		}
		n := layers[l]
		spacing := min(area.h()/float32(n), d.r*3.6)
		top := (area.Y0+area.Y1)/2 - spacing*float32(n-1)/2
		d.y[l] = slices.Grow(d.y[l][:0], n)[:n]
		for i := range n {
			d.y[l][i] = top + spacing*float32(i)
		}
	}
}

// labelRoom is the room, in CSS pixels, beside the first and last columns for their labels:
// the features' names and the outputs' classes or "value", about 6 px a character at the
// smallest text, 26 px at least.
func labelRoom(t nn.Task) float32 {
	longest := 2
	for _, f := range t.InputFeatures() {
		longest = max(longest, utf8.RuneCountInString(f.Label()))
	}
	if t.Problem == nn.Regression {
		longest = max(longest, len("value"))
	}
	return max(26, 8+6*float32(longest))
}

// biasRing returns the radius of the outer edge of a bias ring of value b, and its thickness.
func (d *diagramGeom) biasRing(b float64) (outer, thick float32) {
	m := float32(min(math.Abs(b)/weightFull, 1))
	if math.IsNaN(b) {
		m = 0
	}
	thick = max(1*d.u, d.ring*float32(math.Sqrt(float64(m))))
	return d.r + biasGap*d.u + thick, thick
}

// edgeWidth returns an edge's stroke width in device pixels, never wider than a neuron.
// Between wide layers edges are thinner, so that 256 of them remain a picture rather than a
// solid block.
func (d *diagramGeom) edgeWidth(l int, w float64) float32 {
	return min(weightWidth(w)*d.u*d.density(l), d.r*0.9)
}

// density is the width and opacity factor of the edges into layer l: 1 up to 4x4 edges,
// falling to 0.35 at 16x16.
func (d *diagramGeom) density(l int) float32 {
	n := float64(d.layers[l-1] * d.layers[l-2])
	return float32(min(1, max(0.35, 4/math.Sqrt(n))))
}

// diagramState is what the diagram shows besides the weights: the selected point's
// activations (nil if none) and the teaching highlight.
type diagramState struct {
	acts      [][]float64
	highlight app.Highlight
	heatmaps  bool
	grad      [][]float64 // the last step's dw_l by layer, shown on the edges; nil: the weights
}

// edgeValues returns what the edges into each layer show instead of the weights (the stage's
// dw, else the last step's), nil for the weights, and the factor that maps the largest of
// them to a full edge: gradients are small, and what matters is which are large.
func (st *diagramState) edgeValues() ([][]float64, float64) {
	v := st.highlight.EdgeValues
	if len(v) == 0 {
		v = st.grad
	}
	if len(v) == 0 {
		return nil, 0
	}
	return v, fullScale(v)
}

// fullScale is weightFull over the largest magnitude in v (1 if all are 0).
func fullScale(v [][]float64) float64 {
	m := 0.0
	for _, r := range v {
		for _, x := range r {
			if a := math.Abs(x); a > m && !math.IsInf(a, 0) {
				m = a
			}
		}
	}
	if m == 0 {
		return 1
	}
	return weightFull / m
}

// neuronValue returns the stage's value on neuron i of layer l (δ) and true, or false when
// the stage puts none there.
func (st *diagramState) neuronValue(l, i int) (float64, bool) {
	v := st.highlight.NeuronValues
	if l-1 < len(v) && i < len(v[l-1]) {
		return v[l-1][i], true
	}
	return 0, false
}

// appendShort prints v to 3 decimals without the leading zero (−.010, .135), which fits in
// a neuron.
func appendShort(dst []byte, v float64) []byte {
	start := len(dst)
	dst = appendNumber(dst, v, 3)
	s := dst[start:]
	switch {
	case len(s) > 1 && s[0] == '0' && s[1] == '.':
		return append(dst[:start], s[1:]...)
	case len(s) > 4 && string(s[:3]) == "−" && s[3] == '0' && s[4] == '.':
		return append(dst[:start+3], s[4:]...)
	}
	return dst
}

func has(ls []int, l int) bool { return slices.Contains(ls, l) }

// emphasis returns the alpha factor of an element of layer l: 1 unless a highlight is on and
// the element's layer is not among the highlighted ones.
func emphasis(h app.Highlight, ls []int, l int) float32 {
	if !h.Any() || has(ls, l) {
		return 1
	}
	return 0.22
}

// drawDiagram queues the network: highlighted layer bands, edges by sign and size, neurons
// filled by activation (or left for heatmaps), bias rings, labels.
func (g *Game) drawDiagram(p *painter, net *nn.Network, st *diagramState, hv hit) {
	card := g.ly.DiagramCard
	if card.empty() || g.ly.Diagram.empty() {
		return
	}
	u := g.ly.Scale
	ty, small, room := g.drawTitledCard(p, cardNetwork)
	act, cost := g.eval.key.act, g.eval.key.cost // as setNetwork read them this frame
	g.num = append(g.num[:0], act.String()...)
	g.num = append(g.num, " · "...)
	if cost == nn.CrossEntropy {
		g.num = append(g.num, "softmax + cross-entropy"...)
	} else {
		g.num = append(g.num, "quadratic cost"...)
	}
	ev, escale := st.edgeValues()
	nscale := fullScale(st.highlight.NeuronValues)
	switch {
	case len(st.highlight.NeuronValues) > 0:
		g.num = append(append(g.num[:0], "neurons: "...), st.highlight.NeuronName...)
	case len(st.highlight.EdgeValues) > 0:
		g.num = append(g.num[:0], "edges: this step's dw"...)
	case ev != nil:
		g.num = append(g.num[:0], "edges: the last step's dw"...)
	}
	if p.tx.widthBytes(g.num, small) <= room {
		p.tx.addBytes(layerMid, g.num, card.X1-g.ly.ch.pad, ty, small, colMuted, alignRight)
	}

	d := &g.geom
	L := len(d.layers)
	h := st.highlight
	mid, top := &p.sh[layerMid], &p.sh[layerTop]
	// Bands behind the highlighted layers.
	for l := 1; l <= L && h.Any(); l++ {
		if has(h.Neurons, l) || has(h.Weights, l) || has(h.Biases, l) {
			x0 := d.x[l-1] - d.r - 8*u
			if has(h.Weights, l) && l > 1 {
				x0 = d.x[l-2] + d.r
			}
			mid.rect(x0, d.area.Y0-4*u, d.x[l-1]+d.r+8*u, d.area.Y1+4*u, 8*u, colBanner)
		}
	}
	// Edges, drawn first so the neurons cover their ends.
	for l := 2; l <= L; l++ {
		wm := net.W(l).RawMatrix()
		a := emphasis(h, h.Weights, l) * (0.4 + 0.6*d.density(l))
		for i, yi := range d.y[l-1] {
			for j, yj := range d.y[l-2] {
				w := wm.Data[i*wm.Stride+j]
				if ev != nil {
					// The gradient instead, scaled so that the largest is a full edge; an
					// edge without one is a hairline.
					w = 0
					if r := ev[l-1]; len(r) == len(d.y[l-1])*len(d.y[l-2]) {
						w = r[i*len(d.y[l-2])+j] * escale
					}
				}
				c := weightColor(w).alpha(a)
				if hv.kind == hitEdge && hv.l == l && hv.i == i && hv.j == j {
					c = colInk
				}
				mid.line(d.x[l-2], yj, d.x[l-1], yi, d.edgeWidth(l, w), c)
			}
		}
	}
	// Neurons.
	for l := 1; l <= L; l++ {
		x := d.x[l-1]
		na := emphasis(h, h.Neurons, l)
		ba := emphasis(h, h.Biases, l)
		enc := layerEncoding(l, L, act, cost, net.Task().Problem)
		for i, y := range d.y[l-1] {
			if l > 1 {
				bd := net.B(l).RawMatrix()
				b := bd.Data[i*bd.Stride]
				outer, thick := d.biasRing(b)
				c := weightColor(b).alpha(ba)
				if hv.kind == hitBias && hv.l == l && hv.i == i {
					c = colInk
				}
				mid.ring(x, y, outer, thick, c)
			}
			mid.circle(x, y, d.r, colCard)
			nv, hasValue := st.neuronValue(l, i)
			switch {
			case hasValue:
				mid.circle(x, y, d.r-1*u, weightColor(nv*nscale).alpha(na))
			case st.acts != nil:
				mid.circle(x, y, d.r-1*u, probColor(encodeUnit(enc, st.acts[l-1][i])).alpha(na))
			case !st.heatmaps:
				mid.circle(x, y, d.r-1*u, colBackground.alpha(na))
			}
			oc := colInk.alpha(0.45 * na)
			if hv.kind == hitNeuron && hv.l == l && hv.i == i {
				oc = colInk
			}
			top.ring(x, y, d.r, max(1*u, d.r*0.08), oc)
			if (st.acts != nil || hasValue) && d.r >= neuronValueR*u {
				var fill rgba
				if hasValue {
					g.num = appendShort(g.num[:0], nv)
					fill = weightColor(nv * nscale)
				} else {
					v := st.acts[l-1][i]
					g.num = appendNumber(g.num[:0], v, 2)
					fill = probColor(encodeUnit(enc, v))
				}
				vs := textStyle{&fontMedium, textMin * u}
				ink := colInk
				if luminance(fill) < 0.45 {
					ink = colCard
				}
				// Values stay readable on the layers a highlight fades.
				p.tx.addBytes(layerTop, g.num, x, y+capHeight(vs)/2, vs, ink.alpha(max(na, 0.75)), alignCenter)
			}
		}
	}
	g.drawDiagramLabels(p, st, small, net.Task())
}

// drawDiagramLabels names the columns (a_1 ... a_L, as in the notebook, or δ_l where the
// walk-through puts δ on the neurons), the inputs (the task's features: x, y, x², ...) and the
// outputs (the classes they stand for, or a regression's value).
func (g *Game) drawDiagramLabels(p *painter, st *diagramState, small textStyle, task nn.Task) {
	d := &g.geom
	u := d.u
	L := len(d.layers)
	// Column names sit under the tallest column.
	low := d.area.Y0
	for _, ys := range d.y {
		low = max(low, ys[len(ys)-1])
	}
	by := min(low+d.r+d.ring+12*u+capHeight(small), d.area.Y1+6*u+capHeight(small))
	for l := 1; l <= L; l++ {
		g.num = append(g.num[:0], "a_"...)
		if _, ok := st.neuronValue(l, 0); ok {
			g.num = append(append(g.num[:0], st.highlight.NeuronName...), '_')
		}
		g.num = appendNumber(g.num, float64(l), 0)
		p.tx.addBytes(layerMid, g.num, d.x[l-1], by, small, colMuted, alignCenter)
	}
	if L < 2 {
		return
	}
	for i, f := range task.InputFeatures() {
		if i < len(d.y[0]) {
			p.tx.add(layerMid, f.Label(), d.x[0]-d.r-6*u, d.y[0][i]+capHeight(small)/2, small, colMuted, alignRight)
		}
	}
	if task.Problem == nn.Regression {
		p.tx.add(layerMid, "value", d.x[L-1]+d.r+d.ring+6*u, d.y[L-1][0]+capHeight(small)/2, small, colMuted, alignLeft)
		return
	}
	for i, y := range d.y[L-1] {
		label := task.Label(i)
		x := d.x[L-1] + d.r + d.ring + 6*u
		r := 3.5 * u
		p.sh[layerMid].circle(x+r, y, r, labelColor(task, label))
		g.num = appendLabel(g.num[:0], task, label)
		p.tx.addBytes(layerMid, g.num, x+2*r+3*u, y+capHeight(small)/2, small, colMuted, alignLeft)
	}
}

// appendLabel writes a label as the screen shows it: −1 and +1 for two classes, 1..K for more.
func appendLabel(dst []byte, t nn.Task, label int) []byte {
	switch {
	case t.NumClasses() > 2:
		return appendNumber(dst, float64(label), 0)
	case label > 0:
		return append(dst, "+1"...)
	}
	return append(dst, "−1"...)
}

// luminance is the relative luminance of c (sRGB, approximate gamma 2.2).
func luminance(c rgba) float32 {
	lin := func(v float32) float32 { return float32(math.Pow(float64(v), 2.2)) }
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// drawHeatmaps draws each neuron's heatmap inside its circle.
func (g *Game) drawHeatmaps(dst *ebiten.Image, h app.Highlight) {
	d := &g.geom
	k := 0
	for l := 1; l <= len(d.layers); l++ {
		a := emphasis(h, h.Neurons, l)
		for _, y := range d.y[l-1] {
			img := g.heat.cellImage(k)
			k++
			if img == nil {
				continue
			}
			s := float64(2*(d.r-1*d.u)) / float64(img.Bounds().Dx())
			g.imgOpts.GeoM.Reset()
			g.imgOpts.GeoM.Scale(s, s)
			g.imgOpts.GeoM.Translate(float64(d.x[l-1]-d.r+1*d.u), float64(y-d.r+1*d.u))
			g.imgOpts.ColorScale.Reset()
			g.imgOpts.ColorScale.ScaleAlpha(a)
			g.imgOpts.Filter = ebiten.FilterLinear
			dst.DrawImage(img, &g.imgOpts)
		}
	}
	g.imgOpts.ColorScale.Reset()
}

// heatCell is the size in device pixels of a neuron's heatmap.
func (d *diagramGeom) heatCell() int {
	return max(1, int(math.Round(float64(2*(d.r-1*d.u)))))
}
