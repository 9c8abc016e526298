package render

import (
	"math"
	"strconv"

	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// planeView maps the data plane onto the plot square, in device pixels: x grows right, y up.
type planeView struct {
	plot rect
	view app.View
}

// toPx returns the device pixel of the data point (x, y).
func (p planeView) toPx(x, y float64) (float32, float32) {
	v := p.view
	px := float64(p.plot.X0) + (x-v.XMin)/(v.XMax-v.XMin)*float64(p.plot.w())
	py := float64(p.plot.Y0) + (v.YMax-y)/(v.YMax-v.YMin)*float64(p.plot.h())
	return float32(px), float32(py)
}

// toData returns the data point under the device pixel (px, py).
func (p planeView) toData(px, py float32) (float64, float64) {
	v := p.view
	x := v.XMin + float64(px-p.plot.X0)/float64(p.plot.w())*(v.XMax-v.XMin)
	y := v.YMax - float64(py-p.plot.Y0)/float64(p.plot.h())*(v.YMax-v.YMin)
	return x, y
}

// niceTicks appends to dst the multiples of a round step (1, 2 or 5 times a power of ten)
// within [lo, hi], choosing the step so that there are at most max of them, and returns the
// step's number of decimals for labels.
func niceTicks(dst []float64, lo, hi float64, max int) ([]float64, int) {
	dst = dst[:0]
	span := hi - lo
	if !(span > 0) || math.IsInf(span, 0) || max < 1 {
		return dst, 0
	}
	raw := span / float64(max)
	exp := math.Floor(math.Log10(raw))
	base := math.Pow(10, exp)
	step := base
	for _, m := range []float64{1, 2, 5, 10} {
		step = m * base
		if span/step <= float64(max) {
			break
		}
	}
	decimals := 0
	if step < 1 {
		decimals = int(math.Ceil(-math.Log10(step) - 1e-9))
	}
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+step*1e-9; k++ {
		v := k * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		dst = append(dst, v)
	}
	return dst, decimals
}

// appendNumber formats v with the given decimals, with a true minus sign.
func appendNumber(dst []byte, v float64, decimals int) []byte {
	if v < 0 && math.Round(v*math.Pow(10, float64(decimals))) != 0 {
		dst = append(dst, "−"...)
		v = -v
	} else {
		v = math.Abs(v)
	}
	return strconv.AppendFloat(dst, v, 'f', decimals, 64)
}

// Sizes on the plane, in CSS pixels.
const (
	pointRadius   = 6
	pointOutline  = 1.5
	selectRing    = 2
	tickLen       = 4
	hitSlopPoints = 4 // extra reach around a point for pointing at it
)

// drawPlane queues the plane card: its title and legend, grid, axes, ticks and points. The
// boundary itself is an image drawn between the back and mid layers.
func (g *Game) drawPlane(p *painter, s *app.Snapshot, hoverPoint int) {
	ly := &g.ly
	u := ly.Scale
	card := ly.PlaneCard
	if card.empty() || ly.Plot.empty() {
		return
	}
	pv := planeView{plot: ly.Plot, view: s.View}
	ty, small, room := g.drawTitledCard(p, cardPlane)
	g.drawPlaneLegend(p, card.X1-ly.ch.pad, ty, small, room, s)

	plot := ly.Plot
	// Ticks and labels outside the plot, faint grid lines over the boundary.
	ticks, dec := niceTicks(g.ticks[:0], s.View.XMin, s.View.XMax, max(2, int(plot.w()/(56*u))))
	for _, v := range ticks {
		px, _ := pv.toPx(v, 0)
		gridLine(p, px, plot.Y0, px, plot.Y1, v == 0, u)
		p.sh[layerMid].line(px, plot.Y1, px, plot.Y1+tickLen*u, 1*u, colAxis)
		g.num = appendNumber(g.num[:0], v, dec)
		p.tx.addBytes(layerMid, g.num, px, plot.Y1+(tickLen+4)*u+capHeight(small), small, colMuted, alignCenter)
	}
	ticks, dec = niceTicks(ticks[:0], s.View.YMin, s.View.YMax, max(2, int(plot.h()/(48*u))))
	for _, v := range ticks {
		_, py := pv.toPx(0, v)
		gridLine(p, plot.X0, py, plot.X1, py, v == 0, u)
		p.sh[layerMid].line(plot.X0-tickLen*u, py, plot.X0, py, 1*u, colAxis)
		g.num = appendNumber(g.num[:0], v, dec)
		p.tx.addBytes(layerMid, g.num, plot.X0-(tickLen+4)*u, py+capHeight(small)/2, small, colMuted, alignRight)
	}
	g.ticks = ticks
	p.sh[layerMid].rectOutline(plot.X0-0.5*u, plot.Y0-0.5*u, plot.X1+0.5*u, plot.Y1+0.5*u, 0, 1*u, colAxis.alpha(0.6))
	g.drawPoints(p, pv, s, hoverPoint)
}

// drawPlaneLegend queues the plane's legend right-aligned at x on the title line: the classes
// (or the ends of a regression's value scale), the contour, and the test points' ring when
// they show, as much as fits in room.
func (g *Game) drawPlaneLegend(p *painter, x, y float32, small textStyle, room float32, s *app.Snapshot) {
	u := g.ly.Scale
	r := 4 * u
	var task nn.Task
	if s.Net != nil {
		task = s.Net.Task()
	}
	contour := "p = 0.5"
	if task.Problem == nn.Regression {
		contour = "value 0"
	} else if task.NumClasses() > 2 {
		contour = "border"
	}
	labels := [nn.MaxClasses]int{1, -1}
	n := 2
	if k := task.NumClasses(); k > 2 {
		n = k
		for i := range k {
			labels[i] = k - i // right to left: K first
		}
	}
	need := p.tx.width(contour, small) + (4+14+12)*u
	for _, label := range labels[:n] {
		g.num = appendLabel(g.num[:0], task, label)
		need += p.tx.widthBytes(g.num, small) + 4*u + 2*r + 10*u
	}
	if need > room {
		return
	}
	cy := y - capHeight(small)/2
	if test := p.tx.width("test", small) + 4*u + 2*r + 12*u; s.HasTest && s.ShowTest && need+test <= room {
		x -= p.tx.add(layerMid, "test", x, y, small, colMuted, alignRight) + 4*u
		p.sh[layerMid].ring(x-r, cy, r, 2*u, colMuted)
		x -= 2*r + 12*u
	}
	x -= p.tx.add(layerMid, contour, x, y, small, colMuted, alignRight) + 4*u
	p.sh[layerMid].line(x-14*u, cy, x, cy, 1.5*u, colContour)
	x -= 14*u + 12*u
	for _, label := range labels[:n] {
		g.num = appendLabel(g.num[:0], task, label)
		x -= p.tx.addBytes(layerMid, g.num, x, y, small, colMuted, alignRight) + 4*u
		if task.Problem == nn.Regression {
			p.sh[layerMid].circle(x-r, cy, r, valueColor(float64(label)))
		} else {
			p.sh[layerMid].circle(x-r, cy, r, labelColor(task, label))
		}
		x -= 2*r + 10*u
	}
}

// gridLine draws a faint line across the boundary; the axes through 0 are stronger.
func gridLine(p *painter, x0, y0, x1, y1 float32, axis bool, u float32) {
	c := colInk.alpha(0.07)
	w := 1 * u
	if axis {
		c = colInk.alpha(0.28)
	}
	p.sh[layerMid].line(x0, y0, x1, y1, w, c)
}

// drawPoints queues the points: a class-coloured (or value-coloured) dot in a white outline
// with a faint dark edge, a test point as a hollow ring of its colour (or not at all when test
// points are hidden), the selected point ringed, the hovered one enlarged. Points outside the
// view are not drawn.
func (g *Game) drawPoints(p *painter, pv planeView, s *app.Snapshot, hover int) {
	u := g.ly.Scale
	sh := &p.sh[layerMid]
	dot := dotRadius(len(s.Points), u)
	var task nn.Task
	if s.Net != nil {
		task = s.Net.Task()
	}
	for i, pt := range s.Points {
		px, py := pv.toPx(pt.X, pt.Y)
		if !pv.plot.contains(px, py) || (pt.Test && !s.ShowTest) {
			continue
		}
		r := dot
		if i == hover {
			r *= 1.3
		}
		c := pointColor(pt, task)
		if pt.Test {
			w := max(2*u, r*0.45)
			sh.ring(px, py, r+0.75*u, w+1.5*u, colCard)
			sh.ring(px, py, r, w, c)
			continue
		}
		sh.circle(px, py, r+0.75*u, colInk.alpha(0.45))
		sh.circle(px, py, r, colCard)
		sh.circle(px, py, r-min(pointOutline*u, r*0.3), c)
	}
	if i := s.Selected; i >= 0 && i < len(s.Points) {
		pt := s.Points[i]
		px, py := pv.toPx(pt.X, pt.Y)
		if pv.plot.contains(px, py) {
			p.sh[layerTop].ring(px, py, (pointRadius+5)*u, selectRing*u, colInk)
		}
	}
}

// dotRadius is the radius of the points' dots: smaller when there are many, so that a
// thousand points remain a cloud rather than a carpet.
func dotRadius(n int, u float32) float32 {
	f := float32(math.Sqrt(200 / float64(max(n, 1))))
	return pointRadius * u * min(1, max(0.6, f))
}

// pointAt returns the index of the point nearest to the device pixel (px, py) within reach,
// or -1. Later points win ties, as they are drawn on top.
func pointAt(pts []nn.Point, pv planeView, px, py, u float32) int {
	best, bestD := -1, float32((pointRadius+hitSlopPoints)*u)
	bestD *= bestD
	for i, pt := range pts {
		x, y := pv.toPx(pt.X, pt.Y)
		if !pv.plot.contains(x, y) {
			continue
		}
		d := (x-px)*(x-px) + (y-py)*(y-py)
		if d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}

// titleBaseline is the baseline of a card's title.
func (g *Game) titleBaseline(card rect, st textStyle) float32 {
	return card.Y0 + g.ly.ch.pad + 2*g.ly.Scale + capHeight(st)
}

// drawTitledCard queues card c with its title at the top left, or the tabs of the slot it
// shares. It returns the title's baseline, the small style its legend uses and the width left
// for the legend, right of the title.
func (g *Game) drawTitledCard(p *painter, c card) (ty float32, small textStyle, room float32) {
	r := g.ly.cardRect(c)
	u := g.ly.Scale
	title := titleStyle(u)
	ty = g.titleBaseline(r, title)
	end := r.X0 + g.ly.ch.pad
	if g.partial {
		g.clearInside(p, r)
		end = r.X1 // the title line stays as it is: no legend is queued
	} else if drawCard(p, r, u); !g.ly.hasTab(c) {
		end += p.tx.add(layerMid, cardTitles[c], end, ty, title, colInk, alignLeft)
	} else {
		for _, t := range g.ly.Tabs {
			ink := colMuted
			if t.card == c {
				ink = colInk
				p.sh[layerMid].rect(t.r.X0+tabPadX*u, t.r.Y1-3*u, t.r.X1-tabPadX*u, t.r.Y1-1*u, 1*u, colAccent)
			}
			p.tx.add(layerMid, cardTabs[t.card], (t.r.X0+t.r.X1)/2, ty, title, ink, alignCenter)
			end = t.r.X1
		}
	}
	if st := g.ly.Status; !st.empty() && st.Y0 < r.Y0+g.ly.ch.title && st.Y1 > r.Y0 && st.X0 < r.X1 && st.X1 > r.X0 {
		end = r.X1 // the status shares the title line: no room for a legend
	}
	return ty, smallStyle(u), r.X1 - g.ly.ch.pad - end - 12*u
}

// cardTitles are the cards' titles when every card shows.
var cardTitles = [cardCount]string{"Data and decision boundary", "Network", "Training"}

// drawCard queues a card's background, with a soft shadow, and its border.
func drawCard(p *painter, r rect, u float32) {
	p.sh[layerBack].rect(r.X0-1*u, r.Y0, r.X1+1*u, r.Y1+2*u, 11*u, colInk.alpha(0.035))
	p.sh[layerBack].rect(r.X0, r.Y0, r.X1, r.Y1, 10*u, colCard)
	p.sh[layerBack].rectOutline(r.X0, r.Y0, r.X1, r.Y1, 10*u, 1*u, colCardBorder)
}
