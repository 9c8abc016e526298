package render

import "math"

// rect is an axis-aligned rectangle in device pixels, from (X0, Y0) to (X1, Y1).
type rect struct{ X0, Y0, X1, Y1 float32 }

func (r rect) w() float32 { return r.X1 - r.X0 }
func (r rect) h() float32 { return r.Y1 - r.Y0 }

// empty reports whether r has no area.
func (r rect) empty() bool { return r.X1 <= r.X0 || r.Y1 <= r.Y0 }

// inset returns r shrunk by d on every side (never inverted).
func (r rect) inset(d float32) rect {
	return r.insetSides(d, d, d, d)
}

// insetSides returns r shrunk by the given amounts (never inverted).
func (r rect) insetSides(left, top, right, bottom float32) rect {
	o := rect{r.X0 + left, r.Y0 + top, r.X1 - right, r.Y1 - bottom}
	if o.X1 < o.X0 {
		o.X0 = (o.X0 + o.X1) / 2
		o.X1 = o.X0
	}
	if o.Y1 < o.Y0 {
		o.Y0 = (o.Y0 + o.Y1) / 2
		o.Y1 = o.Y0
	}
	return o
}

func (r rect) contains(x, y float32) bool {
	return x >= r.X0 && x < r.X1 && y >= r.Y0 && y < r.Y1
}

// overlaps reports whether r and o share any area.
func (r rect) overlaps(o rect) bool {
	return !r.empty() && !o.empty() && r.X0 < o.X1 && o.X0 < r.X1 && r.Y0 < o.Y1 && o.Y0 < r.Y1
}

// within reports whether r lies inside o.
func (r rect) within(o rect) bool {
	return r.X0 >= o.X0 && r.Y0 >= o.Y0 && r.X1 <= o.X1 && r.Y1 <= o.Y1
}

// layout places the screen's parts, in device pixels.
type layout struct {
	W, H  float32 // the screen
	Scale float32 // device pixels per CSS pixel

	Status rect // one line: step, epoch, loss, accuracy, playing or paused

	PlaneCard rect
	Plot      rect // the square the boundary fills, inside PlaneCard with room for ticks

	DiagramCard rect
	Diagram     rect // where the neurons go

	ChartCard rect
	Chart     rect // the chart's axes box
}

// Layout constants, in CSS pixels.
const (
	lyMargin    = 14
	lyGap       = 12
	lyStatusH   = 26
	lyCardPad   = 12
	lyTitleH    = 30 // a card's title line
	lyTickLeft  = 34 // room for the plane's y tick labels
	lyTickBelow = 20 // room for the plane's x tick labels
	lyChartLeft = 40 // the chart's loss labels
	lyChartRt   = 40 // the chart's accuracy labels
	lyChartBot  = 20
	lyChartMinH = 110
	lyLandscape = 1.25 // width/height from which the plane sits left of the rest
	minPlot     = 24   // a plot smaller than this is not drawn
)

// computeLayout fits the screen into w x h device pixels at the given device scale factor.
// Landscape screens get the plane (square) on the left and the status, the diagram and the
// chart stacked on the right; portrait and narrow ones get everything stacked. Nothing
// overlaps and everything stays on screen at any size; parts too small to be useful become
// empty rectangles.
func computeLayout(w, h, scale float32) layout {
	if scale <= 0 {
		scale = 1
	}
	// On very small screens everything shrinks together rather than overflowing.
	u := scale * min(1, max(w, h)/(560*scale))
	u = max(u, scale*0.5)
	l := layout{W: w, H: h, Scale: u}
	m, g := lyMargin*u, lyGap*u
	area := rect{0, 0, w, h}.inset(m)
	if area.empty() {
		return l
	}
	padX, padY := planePadding(u)
	if w >= lyLandscape*h {
		side := max(0, min(area.h()-padY, area.w()*0.58-padX))
		l.PlaneCard = rect{area.X0, area.Y0, area.X0 + side + padX, area.Y0 + side + padY}
		if side < minPlot*u {
			l.PlaneCard = rect{area.X0, area.Y0, area.X0, area.Y0}
		}
		right := rect{l.PlaneCard.X1 + g, area.Y0, area.X1, area.Y1}
		l.placeColumn(right, u, g)
	} else {
		l.Status = rect{area.X0, area.Y0, area.X1, area.Y0 + min(lyStatusH*u, area.h())}
		rest := rect{area.X0, l.Status.Y1 + g, area.X1, area.Y1}
		side := max(0, min(rest.w()-padX, rest.h()*0.5-padY))
		// The plane card spans the width; the square plot is centred in it.
		l.PlaneCard = rect{rest.X0, rest.Y0, rest.X1, min(rest.Y0+side+padY, rest.Y1)}
		if side < minPlot*u {
			l.PlaneCard = rect{rest.X0, rest.Y0, rest.X0, rest.Y0}
		}
		below := rect{rest.X0, l.PlaneCard.Y1 + g, rest.X1, rest.Y1}
		l.placeStack(below, u, g)
	}
	if !l.PlaneCard.empty() {
		l.Plot = plotRect(l.PlaneCard, u)
	}
	return l
}

// planePadding is the room the plane card needs around its square plot: card padding, the
// title above, tick labels left and below.
func planePadding(u float32) (x, y float32) {
	return (2*lyCardPad + lyTickLeft) * u, (2*lyCardPad + lyTitleH + lyTickBelow) * u
}

// placeColumn fills the right-hand column of a landscape screen: status, diagram, chart.
func (l *layout) placeColumn(r rect, u, g float32) {
	l.Status = rect{r.X0, r.Y0, r.X1, r.Y0 + min(lyStatusH*u, r.h())}
	l.placeStack(rect{r.X0, l.Status.Y1 + g, r.X1, r.Y1}, u, g)
}

// placeStack splits r between the diagram (above) and the chart (below).
func (l *layout) placeStack(r rect, u, g float32) {
	if r.h() <= g {
		return
	}
	chartH := max(lyChartMinH*u, (r.h()-g)*0.36)
	chartH = min(chartH, (r.h()-g)*0.5)
	l.DiagramCard = rect{r.X0, r.Y0, r.X1, r.Y1 - chartH - g}
	l.ChartCard = rect{r.X0, r.Y1 - chartH, r.X1, r.Y1}
	l.Diagram = l.DiagramCard.insetSides(lyCardPad*u, (lyCardPad+lyTitleH)*u, lyCardPad*u, lyCardPad*u+lyTickBelow*u)
	l.Chart = l.ChartCard.insetSides((lyCardPad+lyChartLeft)*u, (lyCardPad+lyTitleH)*u, (lyCardPad+lyChartRt)*u, (lyCardPad+lyChartBot)*u)
}

// plotRect is the largest square inside card that leaves room for the title and tick labels.
func plotRect(card rect, u float32) rect {
	in := card.insetSides((lyCardPad+lyTickLeft)*u, (lyCardPad+lyTitleH)*u, lyCardPad*u, (lyCardPad+lyTickBelow)*u)
	// Whole pixels, so that the boundary image maps 1:1 onto the screen.
	side := float32(math.Floor(float64(min(in.w(), in.h()))))
	x0 := float32(math.Round(float64(in.X0 + (in.w()-side)/2)))
	y0 := float32(math.Round(float64(in.Y0)))
	return rect{x0, y0, x0 + side, y0 + side}
}
