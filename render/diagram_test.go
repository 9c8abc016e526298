package render

import (
	"math"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/nn"
)

// TestEdgesFollowWeights draws a 2-1-2 network's diagram and measures each edge on screen:
// its hue must be the sign's (blue positive, orange negative) and its width the magnitude's.
func TestEdgesFollowWeights(t *testing.T) {
	net, err := nn.New(nn.Config{Layers: []int{2, 1, 2}, Activation: nn.Sigmoid, Cost: nn.Quadratic})
	if err != nil {
		t.Fatal(err)
	}
	p := nn.Params{
		{W: [][]float64{{2.5, -0.4}}, B: []float64{0}},
		{W: [][]float64{{-1.2}, {0.05}}, B: []float64{0, 0}},
	}
	if err := net.SetParams(p); err != nil {
		t.Fatal(err)
	}
	const W, H = 640, 400
	g := newGame(nil, &stillInput{})
	g.ly = layout{W: W, H: H, Scale: 1, DiagramCard: rect{0, 0, W, H}, Diagram: rect{40, 60, W - 40, H - 40}}
	g.geom.update(g.ly.Diagram, net, 1)
	g.heatOff.Store(true)
	pt := &g.paint
	pt.reset()
	g.drawDiagram(pt, net, &diagramState{}, hit{})
	img := ebiten.NewImage(W, H)
	img.Fill(backgroundColor)
	for _, ly := range []layerID{layerBack, layerMid, layerTop} {
		pt.sh[ly].draw(img, g.shapeShader)
	}
	pix := readRGBA(img)
	at := func(x, y int) [3]float64 {
		i := 4 * (y*W + x)
		return [3]float64{float64(pix[i]), float64(pix[i+1]), float64(pix[i+2])}
	}
	card := colCard.bytes()
	bg := [3]float64{float64(card[0]), float64(card[1]), float64(card[2])}
	diff := func(c [3]float64) float64 {
		return max(math.Abs(c[0]-bg[0]), math.Abs(c[1]-bg[1]), math.Abs(c[2]-bg[2]))
	}
	d := &g.geom
	type edge struct {
		l, i, j int
		w       float64
	}
	edges := []edge{{2, 0, 0, 2.5}, {2, 0, 1, -0.4}, {3, 0, 0, -1.2}, {3, 1, 0, 0.05}}
	widths := map[float64]float64{}
	for _, e := range edges {
		x0, y0 := d.x[e.l-2], d.y[e.l-2][e.j]
		x1, y1 := d.x[e.l-1], d.y[e.l-1][e.i]
		// Measure a third of the way along, where the edges from one neuron have parted.
		mx := x0 + (x1-x0)/3
		my := y0 + (y1-y0)/3
		col := int(mx)
		// The darkest pixel near the line is its centre; coverage summed down the column
		// is the vertical thickness, and times cos(angle) the width.
		centre := at(col, int(my))
		for dy := -6; dy <= 6; dy++ {
			if c := at(col, int(my)+dy); diff(c) > diff(centre) {
				centre = c
			}
		}
		full := diff(centre)
		if full < 10 {
			t.Errorf("w_%d[%d,%d] = %g: no edge visible at (%d, %d)", e.l, e.i+1, e.j+1, e.w, col, int(my))
			continue
		}
		var cover float64
		for dy := -20; dy <= 20; dy++ {
			cover += min(diff(at(col, int(my)+dy))/full, 1)
		}
		angle := math.Atan2(float64(y1-y0), float64(x1-x0))
		width := cover * math.Cos(angle)
		want := float64(d.edgeWidth(e.l, e.w))
		if math.Abs(width-want) > 1.2 {
			t.Errorf("w_%d[%d,%d] = %g: width %.2f px, want %.2f", e.l, e.i+1, e.j+1, e.w, width, want)
		}
		widths[e.w] = width
		blue := centre[2] > centre[0]
		if blue != (e.w > 0) {
			t.Errorf("w_%d[%d,%d] = %g: centre colour %v, want %s", e.l, e.i+1, e.j+1, e.w, centre, map[bool]string{true: "blue", false: "orange"}[e.w > 0])
		}
	}
	if !(widths[2.5] > widths[-1.2] && widths[-1.2] > widths[-0.4] && widths[-0.4] > widths[0.05]) {
		t.Errorf("widths do not grow with |w|: %v", widths)
	}
}

func TestWeightStyle(t *testing.T) {
	ws := []float64{-10, -3, -1, -0.1, 0, 0.1, 1, 3, 10}
	for k := 1; k < len(ws); k++ {
		a, b := math.Abs(ws[k-1]), math.Abs(ws[k])
		wa, wb := weightWidth(ws[k-1]), weightWidth(ws[k])
		switch {
		case a < b && !(wa < wb || a >= weightFull):
			t.Errorf("width(%g) = %g, width(%g) = %g: want larger for larger |w|", ws[k-1], wa, ws[k], wb)
		case a > b && !(wa > wb || b >= weightFull):
			t.Errorf("width(%g) = %g, width(%g) = %g: want larger for larger |w|", ws[k-1], wa, ws[k], wb)
		}
	}
	if weightWidth(100) != weightWidth(weightFull) {
		t.Errorf("widths are not clamped: %g at 100, %g at %g", weightWidth(100), weightWidth(weightFull), weightFull)
	}
	if c := weightColor(-1); c.R <= c.B {
		t.Errorf("negative weight colour %v is not orange", c)
	}
	if c := weightColor(1); c.B <= c.R {
		t.Errorf("positive weight colour %v is not blue", c)
	}
	if weightWidth(math.NaN()) <= 0 {
		t.Errorf("NaN weight has no width")
	}
}
