package render

import "math"

// The screen has three cards: the plane (the hero: data and decision boundary), the network
// diagram and the training chart, plus a status line. computeLayout gives the plane at least
// planeShare of the screen's smaller side and fits the other two beside or below it. When they
// cannot both stay legible there, they share one slot and take turns by tabs; on the smallest
// screens all three do.

// card is one of the screen's three cards.
type card int

const (
	cardPlane card = iota
	cardNetwork
	cardChart
	cardCount
)

// cardNames are the cards' names in the page's API (nnviz.layout, nnviz.card).
var cardNames = [cardCount]string{"plane", "network", "chart"}

// cardTabs are the cards' labels on their tabs.
var cardTabs = [cardCount]string{"Data", "Network", "Training"}

// String returns the card's name in the page's API.
func (c card) String() string {
	if c < 0 || c >= cardCount {
		return "none"
	}
	return cardNames[c]
}

// arrangement says where the cards go.
type arrangement int

const (
	arrBeside arrangement = iota // the plane on the left; status, network and chart to its right
	arrBelow                     // the status on top, then the plane, then network and chart
	arrSingle                    // the status on top, then one card at a time, chosen by tabs
)

// String returns the arrangement's name in the page's API.
func (a arrangement) String() string {
	return [...]string{"beside", "below", "single"}[a]
}

// secondary says how the network and the chart share the room the plane leaves them.
type secondary int

const (
	secStacked secondary = iota // the network above the chart
	secSide                     // the network left of the chart
	secTabbed                   // one at a time, chosen by tabs
	secNone                     // no room: the arrangement is arrSingle
)

// String returns the way's name in the page's API.
func (s secondary) String() string {
	return [...]string{"stacked", "side by side", "tabbed", "none"}[s]
}

// tab is a card's tab in the title line of a slot that cards share.
type tab struct {
	card card
	r    rect
}

// layout places the screen's parts, in device pixels.
type layout struct {
	W, H  float32 // the screen
	Scale float32 // device pixels per CSS pixel

	Arrangement arrangement
	Secondary   secondary
	ch          chrome // in device pixels

	Status rect // one line: step, epoch, loss, accuracy, playing or paused

	PlaneCard rect
	Plot      rect // the square the boundary fills, inside PlaneCard with room for ticks

	DiagramCard rect
	Diagram     rect // where the neurons go

	ChartCard rect
	Chart     rect // the chart's axes box

	Tabs  []tab // the tabs of the shared slot, nil when every card shows
	Shown card  // the card the shared slot shows
}

// chrome is the room around and between the cards.
type chrome struct {
	margin, gap, pad, title, tickLeft, tickBelow, status float32
}

func (c chrome) scaled(u float32) chrome {
	return chrome{c.margin * u, c.gap * u, c.pad * u, c.title * u, c.tickLeft * u, c.tickBelow * u, c.status * u}
}

// Chromes, in CSS pixels: roomy on big screens, tight on small ones. Text keeps its size on
// both (sizes.go).
var (
	chromeRoomy = chrome{margin: 14, gap: 12, pad: 12, title: 30, tickLeft: 34, tickBelow: 20, status: 26}
	chromeTight = chrome{margin: 8, gap: 8, pad: 8, title: 26, tickLeft: 30, tickBelow: 18, status: 24}
)

// Layout rules, in CSS pixels unless said otherwise.
const (
	planeShare   = 0.55 // the plot's least side, as a share of the screen's smaller side
	tightBelow   = 440  // a screen whose smaller side is below this gets the tight chrome
	columnShare  = 0.34 // the share of a wide screen's width the network and chart prefer
	rowShare     = 0.28 // the share of a tall screen's height they prefer
	chartMinW    = 220
	chartMinBox  = 64 // the chart's axes box, at least this tall
	chartLeft    = 40 // the chart's loss labels
	chartRight   = 40 // its accuracy labels
	chartBottom  = 20 // its step labels
	diagramSides = 60 // room beside the first and last columns for their labels
	diagramColW  = 44 // at least this between columns
	diagramLabel = 18 // the column names under the neurons
	neuronPitch  = 2.6
	minPlot      = 24 // device pixels: a plot smaller than this is not drawn
)

// computeLayout fits the screen, w x h device pixels at scale device pixels per CSS pixel, for
// a network of the given layer sizes. shown is the card a shared slot should show.
func computeLayout(w, h, scale float32, layers []int, shown card) layout {
	if !(scale > 0) {
		scale = 1
	}
	u := scale
	cw, chh := w/u, h/u
	c := chromeRoomy
	if min(cw, chh) < tightBelow {
		c = chromeTight
	}
	c = c.scaled(u)
	l := layout{W: w, H: h, Scale: u, ch: c, Shown: shown, Secondary: secNone}
	area := rect{0, 0, w, h}.inset(c.margin)
	if area.empty() {
		return l
	}
	need := newNeeds(layers, c, u)
	target := float32(math.Ceil(float64(planeShare * min(w, h))))

	// The network and chart both show, in their preferred room or their least; then they
	// take turns; the first arrangement whose plot reaches the target wins, and of the first
	// two the one with the larger plot.
	a := l.beside(area, max(need.slotW(), columnShare*area.w()), need, false)
	b := l.below(area, max(need.slotH(), rowShare*area.h()), need, false)
	if b.Plot.w() > a.Plot.w() {
		a, b = b, a
	}
	for _, cand := range []layout{
		a, b,
		l.beside(area, need.slotW(), need, false),
		l.below(area, need.slotH(), need, false),
		l.beside(area, need.slotW(), need, true),
		l.below(area, need.slotH(), need, true),
	} {
		if cand.Secondary != secNone && cand.Plot.w() >= target {
			return cand.withTabs(u)
		}
	}
	return l.single(area).withTabs(u)
}

// needs is the least room the network and the chart need to stay legible, in device pixels.
type needs struct {
	dW, dH, cW, cH, gap float32
}

func newNeeds(layers []int, c chrome, u float32) needs {
	n, maxN := max(len(layers), 2), 3
	for _, k := range layers {
		maxN = max(maxN, k)
	}
	return needs{
		dW:  2*c.pad + diagramSides*u + float32(n-1)*diagramColW*u,
		dH:  c.title + 2*c.pad + diagramLabel*u + float32(maxN)*neuronPitch*2*neuronMinR*u,
		cW:  chartMinW * u,
		cH:  c.title + 2*c.pad + chartBottom*u + chartMinBox*u,
		gap: c.gap,
	}
}

// slotW is the least width that holds either card, so also the least width of a column that
// stacks both; slotH the least height that holds either, so also of a row that sets both side
// by side.
func (n needs) slotW() float32 { return max(n.dW, n.cW) }
func (n needs) slotH() float32 { return max(n.dH, n.cH) }

// fits places the network and the chart in r: stacked, side by side, or (tabbed, or when
// neither fits and tabs are allowed) sharing it. It reports false when r is too small.
func (l *layout) fits(r rect, n needs, tabbed bool) bool {
	switch {
	case r.empty():
		return false
	case !tabbed && r.w() >= n.slotW() && r.h() >= n.dH+n.gap+n.cH:
		// The chart gets about a third, the network the rest.
		chartH := min(max(n.cH, (r.h()-n.gap)*0.36), r.h()-n.gap-n.dH)
		l.placeDiagram(rect{r.X0, r.Y0, r.X1, r.Y1 - chartH - n.gap})
		l.placeChart(rect{r.X0, r.Y1 - chartH, r.X1, r.Y1})
		l.Secondary = secStacked
	case !tabbed && r.h() >= n.slotH() && r.w() >= n.dW+n.gap+n.cW:
		chartW := min(max(n.cW, (r.w()-n.gap)*0.45), r.w()-n.gap-n.dW)
		l.placeDiagram(rect{r.X0, r.Y0, r.X1 - chartW - n.gap, r.Y1})
		l.placeChart(rect{r.X1 - chartW, r.Y0, r.X1, r.Y1})
		l.Secondary = secSide
	case tabbed && r.w() >= n.slotW() && r.h() >= n.slotH():
		if l.Shown == cardChart {
			l.placeChart(r)
		} else {
			l.Shown = cardNetwork
			l.placeDiagram(r)
		}
		l.Secondary = secTabbed
	default:
		return false
	}
	return true
}

// beside puts the plane on the left and, in a column colW wide to its right, the status, the
// network and the chart.
func (l layout) beside(area rect, colW float32, n needs, tabbed bool) layout {
	l.Arrangement = arrBeside
	padX, padY := l.planePadding()
	side := floor32(min(area.h()-padY, area.w()-padX-l.ch.gap-colW))
	if side < minPlot {
		return l
	}
	l.setPlane(rect{area.X0, area.Y0, area.X0 + side + padX, area.Y0 + side + padY})
	col := rect{l.PlaneCard.X1 + l.ch.gap, area.Y0, area.X1, area.Y1}
	l.Status = rect{col.X0, col.Y0, col.X1, col.Y0 + l.ch.status}
	if !l.fits(rect{col.X0, l.Status.Y1 + l.ch.gap, col.X1, col.Y1}, n, tabbed) {
		l.Secondary = secNone
	}
	return l
}

// below puts the status on top, the plane under it, and the network and chart in a row rowH
// high at the bottom.
func (l layout) below(area rect, rowH float32, n needs, tabbed bool) layout {
	l.Arrangement = arrBelow
	padX, padY := l.planePadding()
	l.Status = rect{area.X0, area.Y0, area.X1, area.Y0 + l.ch.status}
	top := l.Status.Y1 + l.ch.gap
	side := floor32(min(area.w()-padX, area.Y1-top-padY-l.ch.gap-rowH))
	if side < minPlot {
		return l
	}
	l.setPlane(rect{area.X0, top, area.X1, top + side + padY})
	if !l.fits(rect{area.X0, l.PlaneCard.Y1 + l.ch.gap, area.X1, area.Y1}, n, tabbed) {
		l.Secondary = secNone
	}
	return l
}

// single shows one card at a time, chosen by tabs, and the status: on a wide screen in the
// card's title line, right of the tabs; else in a line of its own above the card.
func (l layout) single(area rect) layout {
	l.Arrangement, l.Secondary = arrSingle, secNone
	r := area
	if area.w() < singleInline*l.Scale {
		l.Status = rect{area.X0, area.Y0, area.X1, min(area.Y0+l.ch.status, area.Y1)}
		r.Y0 = l.Status.Y1 + l.ch.gap
	}
	if r.empty() {
		return l
	}
	switch l.Shown {
	case cardNetwork:
		l.placeDiagram(r)
	case cardChart:
		l.placeChart(r)
	default:
		l.Shown = cardPlane
		l.setPlane(r)
	}
	return l
}

// withTabs adds the tabs of the slot that cards share, in its card's title line.
func (l layout) withTabs(u float32) layout {
	var cards []card
	var slot rect
	switch {
	case l.Arrangement == arrSingle:
		cards = []card{cardPlane, cardNetwork, cardChart}
		slot = l.cardRect(l.Shown)
	case l.Secondary == secTabbed:
		cards = []card{cardNetwork, cardChart}
		slot = l.cardRect(l.Shown)
	default:
		l.Shown = cardPlane // every card shows: the choice makes no difference
		return l
	}
	x := slot.X0 + l.ch.pad - tabPadX*u
	for _, c := range cards {
		w := advanceWidth(titleStyle(u), cardTabs[c]) + 2*tabPadX*u
		l.Tabs = append(l.Tabs, tab{card: c, r: rect{x, slot.Y0 + 4*u, x + w, slot.Y0 + l.ch.title + 2*u}})
		x += w + 2*u
	}
	if l.Status.empty() {
		// The status shares the title line, right of the tabs.
		l.Status = rect{x + l.ch.gap, slot.Y0 + 4*u, slot.X1 - l.ch.pad, slot.Y0 + l.ch.title}
	}
	return l
}

// tabPadX is the room on either side of a tab's label, in CSS pixels; a screen at least
// singleInline CSS pixels wide that shows one card at a time has its status in the card's
// title line.
const (
	tabPadX      = 8
	singleInline = 440
)

// cardRect returns the rectangle of card c, empty when it does not show.
func (l *layout) cardRect(c card) rect {
	switch c {
	case cardPlane:
		return l.PlaneCard
	case cardNetwork:
		return l.DiagramCard
	case cardChart:
		return l.ChartCard
	}
	return rect{}
}

// planePadding is the room the plane card needs around its square plot: card padding, the
// title above, tick labels left and below.
func (l *layout) planePadding() (x, y float32) {
	c := l.ch
	return 2*c.pad + c.tickLeft, 2*c.pad + c.title + c.tickBelow
}

// setPlane makes card the plane's card, with the largest square plot that fits in it.
func (l *layout) setPlane(card rect) {
	l.PlaneCard = card
	c := l.ch
	in := card.insetSides(c.pad+c.tickLeft, c.pad+c.title, c.pad, c.pad+c.tickBelow)
	// Whole pixels, so that the boundary image maps 1:1 onto the screen.
	side := floor32(min(in.w(), in.h()))
	if side < minPlot {
		l.Plot = rect{}
		return
	}
	x0 := round32(in.X0 + (in.w()-side)/2)
	y0 := round32(in.Y0)
	l.Plot = rect{x0, y0, x0 + side, y0 + side}
}

func (l *layout) placeDiagram(r rect) {
	c, u := l.ch, l.Scale
	l.DiagramCard = r
	l.Diagram = r.insetSides(c.pad, c.pad+c.title, c.pad, c.pad+diagramLabel*u)
}

func (l *layout) placeChart(r rect) {
	c, u := l.ch, l.Scale
	l.ChartCard = r
	l.Chart = r.insetSides(c.pad+chartLeft*u, c.pad+c.title, c.pad+chartRight*u, c.pad+chartBottom*u)
}

// hasTab reports whether card c takes turns with others in a shared slot.
func (l *layout) hasTab(c card) bool {
	for _, t := range l.Tabs {
		if t.card == c {
			return true
		}
	}
	return false
}

// tabAt returns the card whose tab is at (x, y), or -1.
func (l *layout) tabAt(x, y float32) card {
	for _, t := range l.Tabs {
		if t.r.contains(x, y) {
			return t.card
		}
	}
	return -1
}

func floor32(v float32) float32 { return float32(math.Floor(float64(v))) }
func round32(v float32) float32 { return float32(math.Round(float64(v))) }
func ceil32(v float32) float32  { return float32(math.Ceil(float64(v))) }
