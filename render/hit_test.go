package render

import (
	"math"
	"testing"

	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

func notebookNet(t testing.TB) *nn.Network {
	t.Helper()
	net, err := nn.New(nn.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := net.SetParams(nn.NotebookParams()); err != nil {
		t.Fatal(err)
	}
	return net
}

func TestHitDiagram(t *testing.T) {
	net := notebookNet(t)
	var d diagramGeom
	d.update(rect{100, 50, 700, 450}, net, 1)
	at := func(l, i int) (float32, float32) { return d.x[l-1], d.y[l-1][i] }
	// along returns the point a fraction f of the way along edge w_l[i, j].
	along := func(l, i, j int, f float32) (float32, float32) {
		x0, y0 := at(l-1, j)
		x1, y1 := at(l, i)
		return x0 + (x1-x0)*f, y0 + (y1-y0)*f
	}
	type hitCase struct {
		name string
		x, y float32
		want hit
	}
	var cases []hitCase
	add := func(name string, x, y float32, want hit) { cases = append(cases, hitCase{name, x, y, want}) }
	for l := 1; l <= 3; l++ {
		for i := range net.Layers()[l-1] {
			x, y := at(l, i)
			add("neuron centre", x, y, hit{kind: hitNeuron, l: l, i: i})
			add("neuron edge", x+d.r*0.9, y, hit{kind: hitNeuron, l: l, i: i})
			if l > 1 {
				outer, thick := d.biasRing(net.B(l).At(i, 0))
				add("bias ring", x, y-(outer-thick/2), hit{kind: hitBias, l: l, i: i})
			}
		}
	}
	for l := 2; l <= 3; l++ {
		for i := range net.Layers()[l-1] {
			for j := range net.Layers()[l-2] {
				// A third of the way from the source, where edges from one neuron have
				// parted and crossing edges have not met.
				x, y := along(l, i, j, 0.3)
				add("edge", x, y, hit{kind: hitEdge, l: l, i: i, j: j})
			}
		}
	}
	add("empty corner", d.area.X0+2, d.area.Y0+2, hit{})
	add("below the columns", (d.x[0]+d.x[1])/2, d.area.Y1-2, hit{})
	add("right of the outputs", d.x[2]+d.r+d.ring+10, d.area.Y0+5, hit{})
	for _, c := range cases {
		if got := d.hitDiagram(c.x, c.y, net); got != c.want {
			t.Errorf("%s at (%.1f, %.1f): got %+v, want %+v", c.name, c.x, c.y, got, c.want)
		}
	}
}

func TestPointAt(t *testing.T) {
	pv := planeView{plot: rect{10, 10, 410, 410}, view: app.View{XMin: -2, XMax: 2, YMin: -2, YMax: 2}}
	pts := []nn.Point{{X: 0, Y: 0, Label: 1}, {X: 1, Y: 1, Label: -1}, {X: 1.05, Y: 1, Label: 1}, {X: 5, Y: 5, Label: 1}}
	px := func(i int) (float32, float32) { return pv.toPx(pts[i].X, pts[i].Y) }
	x0, y0 := px(0)
	x1, y1 := px(1)
	x2, y2 := px(2)
	cases := []struct {
		name string
		x, y float32
		want int
	}{
		{"on a point", x0, y0, 0},
		{"at the edge of its dot", x0 + pointRadius, y0, 0},
		{"just out of reach", x0 + pointRadius + hitSlopPoints + 1, y0, -1},
		{"between far points", (x0 + x1) / 2, (y0 + y1) / 2, -1},
		{"nearest of two close points", x1 - 1, y1, 1},
		{"the other close point", x2 + 1, y2, 2},
		{"outside the view", 409, 11, -1},
	}
	for _, c := range cases {
		if got := pointAt(pts, pv, c.x, c.y, 1); got != c.want {
			t.Errorf("%s: got point %d, want %d", c.name, got, c.want)
		}
	}
}

func TestPlaneViewRoundTrip(t *testing.T) {
	pv := planeView{plot: rect{37, 20, 537, 520}, view: app.NotebookView}
	for _, p := range nn.NotebookData() {
		px, py := pv.toPx(p.X, p.Y)
		x, y := pv.toData(px, py)
		if d := max(abs64(x-p.X), abs64(y-p.Y)); d > 1e-4 {
			t.Errorf("(%g, %g) -> (%g, %g) -> (%g, %g)", p.X, p.Y, px, py, x, y)
		}
	}
	// y grows upwards: the view's top edge is the plot's top.
	if _, py := pv.toPx(0, app.NotebookView.YMax); py != 20 {
		t.Errorf("top of the view at y=%g, want 20", py)
	}
}

func abs64(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestNiceTicks(t *testing.T) {
	cases := []struct {
		lo, hi float64
		max    int
		want   []float64
		dec    int
	}{
		{-2, 6, 8, []float64{-2, -1, 0, 1, 2, 3, 4, 5, 6}, 0},
		{-6, 6, 5, []float64{-5, 0, 5}, 0},
		{-4.5, 3.5, 8, []float64{-4, -3, -2, -1, 0, 1, 2, 3}, 0},
		{0, 0.37, 4, []float64{0, 0.1, 0.2, 0.3}, 1},
		{0, 3000, 4, []float64{0, 1000, 2000, 3000}, 0},
		{1, 1, 4, nil, 0},
	}
	for _, c := range cases {
		got, dec := niceTicks(nil, c.lo, c.hi, c.max)
		if len(got) != len(c.want) || dec != c.dec {
			t.Errorf("niceTicks(%g, %g, %d) = %v (%d decimals), want %v (%d)", c.lo, c.hi, c.max, got, dec, c.want, c.dec)
			continue
		}
		for i := range got {
			if abs64(got[i]-c.want[i]) > 1e-9 {
				t.Errorf("niceTicks(%g, %g, %d) = %v, want %v", c.lo, c.hi, c.max, got, c.want)
				break
			}
		}
	}
}

func TestChartScale(t *testing.T) {
	var c chartScale
	box := rect{100, 20, 500, 220}
	hist := []app.Sample{{Step: 0, Loss: 0.368, Accuracy: 0.4}, {Step: 150, Loss: 0.2, Accuracy: 0.6}, {Step: 300, Loss: 0.05, Accuracy: 0.9}}
	c.update(box, hist, 1)
	if c.lossMax < 0.368 || c.lossMax > 0.5 {
		t.Errorf("loss axis ends at %g, want a round number just above 0.368", c.lossMax)
	}
	if last := c.lossTicks[len(c.lossTicks)-1]; math.Abs(last-c.lossMax) > 1e-9 {
		t.Errorf("loss ticks %v do not end at the axis top %g", c.lossTicks, c.lossMax)
	}
	if x := c.x(0); x != box.X0 {
		t.Errorf("step 0 at x=%g, want %g", x, box.X0)
	}
	if x := c.x(300); x != box.X1 {
		t.Errorf("last step at x=%g, want %g", x, box.X1)
	}
	if y := c.accY(1); y != box.Y0 {
		t.Errorf("accuracy 100%% at y=%g, want the top %g", y, box.Y0)
	}
	if y := c.lossY(0); y != box.Y1 {
		t.Errorf("loss 0 at y=%g, want the bottom %g", y, box.Y1)
	}
	if y := c.lossY(math.NaN()); y != box.Y0 {
		t.Errorf("NaN loss at y=%g, want clamped to the top", y)
	}
	c.update(box, hist[:1], 1)
	for _, v := range c.stepTicks {
		if v != math.Trunc(v) {
			t.Errorf("step ticks %v for a single sample are not whole", c.stepTicks)
		}
	}
	c.update(box, nil, 1)
	if c.lossMax != 1 || c.step1 <= c.step0 {
		t.Errorf("empty history: loss max %g, steps %g..%g", c.lossMax, c.step0, c.step1)
	}
}
