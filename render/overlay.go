package render

import (
	"strings"

	"github.com/nnviz/nnviz/app"
)

// Status, tooltip and message: the text that floats over the rest.

// drawStatus queues the status line: step, epoch, loss and accuracy (over the training points,
// then the test points when some are held out; a regression has no accuracy), and whether training
// runs (or, for a few seconds, the app's last error).
func (g *Game) drawStatus(p *painter, s *app.Snapshot) {
	r := g.ly.Status
	if r.empty() {
		return
	}
	if g.partial {
		g.clearStatus(p)
	}
	u := g.ly.Scale
	st, bold := bodyStyle(u), bodyBold(u)
	y := (r.Y0+r.Y1)/2 + capHeight(st)/2
	// The state pill, right-aligned.
	label, fill, ink := "Paused", colCard, colInk
	if s.Running {
		label, fill, ink = "Training", colInk, colCard
	}
	if g.notice != "" && g.frame.now < g.noticeUntil {
		label, fill, ink = g.notice, colBanner, colInk
	}
	pw := p.tx.width(label, bold) + 20*u
	pill := rect{r.X1 - pw, r.Y0 + 1*u, r.X1, r.Y1 - 1*u}
	if pill.X0 < r.X0 {
		pill.X0 = r.X0
	}
	p.sh[layerMid].rect(pill.X0, pill.Y0, pill.X1, pill.Y1, pill.h()/2, fill)
	if fill == colCard {
		p.sh[layerMid].rectOutline(pill.X0, pill.Y0, pill.X1, pill.Y1, pill.h()/2, 1*u, colCardBorder)
	}
	p.tx.add(layerMid, label, (pill.X0+pill.X1)/2, y, bold, ink, alignCenter)

	// The figures, left-aligned, as far as they fit.
	x := r.X0 + 2*u
	limit := pill.X0 - 12*u
	item := func(name string, value []byte) {
		w := p.tx.width(name, st) + 4*u + p.tx.widthBytes(value, bold)
		if x+w > limit {
			x = limit + 1 // nothing after a cut either
			return
		}
		x += p.tx.add(layerMid, name, x, y, st, colMuted, alignLeft) + 4*u
		x += p.tx.addBytes(layerMid, value, x, y, bold, colInk, alignLeft) + 16*u
	}
	g.num = appendGrouped(g.num[:0], s.Steps)
	item("Step", g.num)
	g.num = appendGrouped(g.num[:0], s.Epoch)
	item("Epoch", g.num)
	g.num = appendNumber(g.num[:0], s.Loss, 4)
	item("Loss", g.num)
	if s.HasTest {
		g.num = appendNumber(g.num[:0], s.TestLoss, 4)
		item("Test loss", g.num)
	}
	if g.regression() {
		return
	}
	g.num = appendNumber(g.num[:0], s.Accuracy*100, 1)
	g.num = append(g.num, '%')
	item("Accuracy", g.num)
	if s.HasTest {
		g.num = appendNumber(g.num[:0], s.TestAccuracy*100, 1)
		g.num = append(g.num, '%')
		item("Test acc.", g.num)
	}
}

// appendGrouped writes a non-negative integer with thin spaces between thousands.
func appendGrouped(dst []byte, v int) []byte {
	if v < 0 {
		dst = append(dst, "−"...)
		v = -v
	}
	var buf [24]byte
	i := len(buf)
	for k := 0; ; k++ {
		if k > 0 && k%3 == 0 {
			i--
			buf[i] = ','
		}
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(dst, buf[i:]...)
}

// wrapped is a message broken into lines that fit a width, cached until the message, the
// width or the size changes.
type wrapped struct {
	text  string
	width float32
	size  float32
	lines []string
}

func (w *wrapped) wrap(tx *texts, text string, width float32, st textStyle) []string {
	if text == w.text && width == w.width && st.size == w.size {
		return w.lines
	}
	w.text, w.width, w.size = text, width, st.size
	w.lines = w.lines[:0]
	line := ""
	for _, word := range strings.Fields(text) {
		next := word
		if line != "" {
			next = line + " " + word
		}
		if line != "" && tx.width(next, st) > width {
			w.lines = append(w.lines, line)
			next = word
		}
		line = next
	}
	if line != "" {
		w.lines = append(w.lines, line)
	}
	return w.lines
}

// drawMessage shows the app's message (e.g. that training diverged) across the top of the
// plot until the app clears it.
func (g *Game) drawMessage(p *painter, s *app.Snapshot) {
	plot := g.ly.Plot
	if plot.empty() {
		// The plane is behind a tab: the message goes over the card that shows.
		c := g.ly.cardRect(g.ly.Shown)
		plot = c.insetSides(0, g.ly.ch.title+g.ly.ch.pad, 0, 0)
	}
	if s.Message == "" || plot.empty() {
		return
	}
	u := g.ly.Scale
	st := bodyBold(u)
	pad := 10 * u
	lines := g.banner.wrap(&p.tx, s.Message, plot.w()-2*pad-16*u, st)
	lh := 17 * u
	r := rect{plot.X0 + 8*u, plot.Y0 + 8*u, plot.X1 - 8*u, plot.Y0 + 8*u + 2*pad + lh*float32(len(lines)) - (lh - capHeight(st))}
	p.sh[layerOverlay].rect(r.X0, r.Y0, r.X1, r.Y1, 8*u, colBanner)
	p.sh[layerOverlay].rectOutline(r.X0, r.Y0, r.X1, r.Y1, 8*u, 1*u, colBannerLine)
	for i, l := range lines {
		p.tx.add(layerOverlay, l, r.X0+pad, r.Y0+pad+capHeight(st)+lh*float32(i), st, colInk, alignLeft)
	}
}

// drawTooltip names what the pointer is over, in the notebook's terms, with its value.
func (g *Game) drawTooltip(p *painter, s *app.Snapshot, u float32) {
	h := g.currentHover()
	if h.kind == hitNone || h.kind == hitPlane {
		return
	}
	g.tip1, g.tip2 = appendHitName(g.tip1[:0], g.tip2[:0], h, s.Net, g.selectedActs(), s.Points)
	if len(g.tip1) == 0 {
		return
	}
	st1 := textStyle{&fontMedium, 12.5 * u}
	st2 := smallStyle(u)
	pad := 9 * u
	w := max(p.tx.widthBytes(g.tip1, st1), p.tx.widthBytes(g.tip2, st2)) + 2*pad
	hgt := 2*pad + capHeight(st1) + 8*u + capHeight(st2) + 2*u
	ax, ay := g.tipAnchor(h)
	x, y := ax+14*u, ay+14*u
	if x+w > g.ly.W-4*u {
		x = ax - 14*u - w
	}
	if y+hgt > g.ly.H-4*u {
		y = ay - 14*u - hgt
	}
	x, y = max(x, 4*u), max(y, 4*u)
	ov := &p.sh[layerOverlay]
	ov.rect(x+1*u, y+2*u, x+w+1*u, y+hgt+2*u, 7*u, colInk.alpha(0.12))
	ov.rect(x, y, x+w, y+hgt, 7*u, colTooltip.alpha(0.95))
	p.tx.addBytes(layerOverlay, g.tip1, x+pad, y+pad+capHeight(st1), st1, colTooltipInk, alignLeft)
	p.tx.addBytes(layerOverlay, g.tip2, x+pad, y+pad+capHeight(st1)+8*u+capHeight(st2), st2, colTooltipInk.alpha(0.72), alignLeft)
}

// tipAnchor is where a tooltip points: the pointer for a mouse, the element for a tap.
func (g *Game) tipAnchor(h hit) (float32, float32) {
	if g.gest.pinnedTip.kind == hitNone {
		return g.frame.x, g.frame.y
	}
	d := &g.geom
	switch h.kind {
	case hitNeuron, hitBias:
		if h.l-1 < len(d.y) && h.i < len(d.y[h.l-1]) {
			return d.x[h.l-1], d.y[h.l-1][h.i]
		}
	case hitEdge:
		if h.l-1 < len(d.y) && h.i < len(d.y[h.l-1]) && h.j < len(d.y[h.l-2]) {
			return (d.x[h.l-2] + d.x[h.l-1]) / 2, (d.y[h.l-2][h.j] + d.y[h.l-1][h.i]) / 2
		}
	}
	return g.frame.x, g.frame.y
}
