package render

import (
	"math"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// edge is one edge of a test diagram: w_l[i,j] (0-based i, j) and the value it shows.
type edge struct {
	l, i, j int
	w       float64
}

// measureEdges draws net's diagram with st and measures each edge on screen a third of the way
// along: its centre colour and its width in pixels (0, and a failed test, where none shows).
func measureEdges(t *testing.T, net *nn.Network, st *diagramState, edges []edge) (centres [][3]float64, widths []float64, g *Game) {
	t.Helper()
	const W, H = 640, 400
	g = newGame(nil, &stillInput{})
	g.ly = layout{W: W, H: H, Scale: 1, DiagramCard: rect{0, 0, W, H}, Diagram: rect{40, 60, W - 40, H - 40}}
	g.geom.update(g.ly.Diagram, net, 1)
	g.heatOff.Store(true)
	pt := &g.paint
	pt.reset()
	g.drawDiagram(pt, net, st, hit{})
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
			t.Errorf("edge %d[%d,%d] showing %g: no edge visible at (%d, %d)", e.l, e.i+1, e.j+1, e.w, col, int(my))
			centres, widths = append(centres, centre), append(widths, 0)
			continue
		}
		var cover float64
		for dy := -20; dy <= 20; dy++ {
			cover += min(diff(at(col, int(my)+dy))/full, 1)
		}
		angle := math.Atan2(float64(y1-y0), float64(x1-x0))
		centres, widths = append(centres, centre), append(widths, cover*math.Cos(angle))
	}
	return centres, widths, g
}

// twoOneTwo is a 2-1-2 network with weights of both signs and four sizes.
func twoOneTwo(t *testing.T) *nn.Network {
	t.Helper()
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
	return net
}

// TestEdgesFollowWeights draws a 2-1-2 network's diagram and measures each edge on screen:
// its hue must be the sign's (blue positive, orange negative) and its width the magnitude's.
func TestEdgesFollowWeights(t *testing.T) {
	net := twoOneTwo(t)
	edges := []edge{{2, 0, 0, 2.5}, {2, 0, 1, -0.4}, {3, 0, 0, -1.2}, {3, 1, 0, 0.05}}
	centres, got, g := measureEdges(t, net, &diagramState{}, edges)
	widths := map[float64]float64{}
	for k, e := range edges {
		want := float64(g.geom.edgeWidth(e.l, e.w))
		if math.Abs(got[k]-want) > 1.2 {
			t.Errorf("w_%d[%d,%d] = %g: width %.2f px, want %.2f", e.l, e.i+1, e.j+1, e.w, got[k], want)
		}
		widths[e.w] = got[k]
		if blue := centres[k][2] > centres[k][0]; blue != (e.w > 0) {
			t.Errorf("w_%d[%d,%d] = %g: centre colour %v, want %s", e.l, e.i+1, e.j+1, e.w, centres[k], map[bool]string{true: "blue", false: "orange"}[e.w > 0])
		}
	}
	if !(widths[2.5] > widths[-1.2] && widths[-1.2] > widths[-0.4] && widths[-0.4] > widths[0.05]) {
		t.Errorf("widths do not grow with |w|: %v", widths)
	}
}

// TestEdgesFollowGradients draws the same network with gradients to show, the last step's
// (while training) and the walk-through's (its dw stages): each edge takes its gradient's
// sign, against the weight's, and the largest gradient is a full-width edge.
func TestEdgesFollowGradients(t *testing.T) {
	net := twoOneTwo(t)
	// dw_l by layer (index l-1), row by row; signs opposite to the weights'.
	dw := [][]float64{nil, {-0.02, 0.004}, {0.01, -0.001}}
	edges := []edge{{2, 0, 0, -0.02}, {2, 0, 1, 0.004}, {3, 0, 0, 0.01}, {3, 1, 0, -0.001}}
	for name, st := range map[string]*diagramState{
		"training": {grad: dw},
		// Without the stage's emphasis, whose bands behind the layers would be measured too.
		"walk-through": {highlight: app.Highlight{EdgeValues: dw}},
	} {
		centres, widths, g := measureEdges(t, net, st, edges)
		for k, e := range edges {
			if blue := centres[k][2] > centres[k][0]; blue != (e.w > 0) {
				t.Errorf("%s: dw_%d[%d,%d] = %g: centre colour %v, want its sign's", name, e.l, e.i+1, e.j+1, e.w, centres[k])
			}
		}
		if want := float64(g.geom.edgeWidth(2, weightFull)); math.Abs(widths[0]-want) > 1.2 {
			t.Errorf("%s: the largest gradient's edge is %.2f px wide, want a full %.2f", name, widths[0], want)
		}
		if !(widths[0] > widths[2] && widths[2] > widths[1] && widths[1] > widths[3]) {
			t.Errorf("%s: widths do not grow with |dw|: %v", name, widths)
		}
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
