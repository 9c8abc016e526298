package render

import (
	"math"
	"strconv"
	"sync/atomic"

	"github.com/hajimehoshi/ebiten/v2"
)

// cursorSteps is how many arrow presses cross the view; Shift moves cursorFast times as far.
const (
	cursorSteps = 32
	cursorFast  = 4
)

// kbCursor is the plane's keyboard cursor: with the canvas focused, the arrow keys move it,
// Enter adds a point there or flips the point under it, and Delete removes that point. It is
// drawn while the canvas has the focus and the keyboard is in use on it.
type kbCursor struct {
	x, y    float64 // in data coordinates
	placed  bool    // x, y hold a position (else it starts at the view's centre)
	focused atomic.Bool
	// shown is whether the cursor is drawn: the canvas has the focus and was reached by the
	// keyboard, or a key of the cursor was pressed since the last press of the mouse.
	shown atomic.Bool
}

// SetKeyboardFocus tells the game whether its canvas has the focus, and whether the keyboard
// gave it (then the cursor shows at once). It is safe to call from any goroutine.
func (g *Game) SetKeyboardFocus(focused, byKeyboard bool) {
	g.cursor.focused.Store(focused)
	g.cursor.shown.Store(focused && byKeyboard)
	g.Wake()
}

// OnAnnounce sets f to receive what a screen reader should say about keyboard editing: where
// the cursor is and what happened. f runs on the game's goroutine.
func (g *Game) OnAnnounce(f func(string)) { g.announce = f }

func (g *Game) say(s string) {
	if g.announce != nil {
		g.announce(s)
	}
}

// cursorKey handles a key of the keyboard cursor and reports whether k was one.
func (g *Game) cursorKey(f *inputFrame, k ebiten.Key) bool {
	if g.ly.Plot.empty() && g.ly.Arrangement == arrSingle {
		switch k {
		case ebiten.KeyArrowLeft, ebiten.KeyArrowRight, ebiten.KeyArrowUp, ebiten.KeyArrowDown, ebiten.KeyEnter, ebiten.KeyNumpadEnter:
			// The plane is behind a tab: the cursor's keys bring it back first.
			g.showCard(cardPlane)
			g.say("Showing the plane. The arrow keys move the cursor.")
			return true
		}
	}
	dx, dy := 0, 0
	switch k {
	case ebiten.KeyArrowLeft:
		dx = -1
	case ebiten.KeyArrowRight:
		dx = 1
	case ebiten.KeyArrowUp:
		dy = 1
	case ebiten.KeyArrowDown:
		dy = -1
	case ebiten.KeyEnter, ebiten.KeyNumpadEnter:
		g.cursorEnter(f)
		return true
	case ebiten.KeyDelete, ebiten.KeyBackspace:
		if !g.cursor.shown.Load() {
			return false // the mouse's hovered point, if any
		}
		g.cursorDelete(f)
		return true
	default:
		return false
	}
	g.cursorMove(f, dx, dy)
	return true
}

// cursorPlace puts the cursor at the view's centre if it has no place yet, and keeps it in the
// view (which a new preset may have moved).
func (g *Game) cursorPlace() {
	c, v := &g.cursor, g.snap.View
	if !c.placed {
		c.x, c.y, c.placed = (v.XMin+v.XMax)/2, (v.YMin+v.YMax)/2, true
	}
	c.x, c.y = min(max(c.x, v.XMin), v.XMax), min(max(c.y, v.YMin), v.YMax)
	g.cursor.shown.Store(true)
}

func (g *Game) cursorMove(f *inputFrame, dx, dy int) {
	g.cursorPlace()
	c, v := &g.cursor, g.snap.View
	step := 1.0
	if f.shift {
		step = cursorFast
	}
	c.x += float64(dx) * step * (v.XMax - v.XMin) / cursorSteps
	c.y += float64(dy) * step * (v.YMax - v.YMin) / cursorSteps
	c.x, c.y = min(max(c.x, v.XMin), v.XMax), min(max(c.y, v.YMin), v.YMax)
	msg := "x " + coord(c.x) + ", y " + coord(c.y)
	if i := g.pointUnderCursor(); i >= 0 {
		msg += ": " + g.pointName(i)
	}
	g.say(msg + ".")
}

// cursorEnter flips the point under the cursor, or adds a point of the chosen class there
// (with Shift, of the other class).
func (g *Game) cursorEnter(f *inputFrame) {
	g.cursorPlace()
	c := &g.cursor
	if i := g.pointUnderCursor(); i >= 0 {
		now, err := g.editPoint(i)
		if err != nil {
			g.report(f, err)
			g.say(err.Error())
			return
		}
		g.say("Point " + strconv.Itoa(i) + " is now " + now + ".")
		return
	}
	i, what, err := g.addPoint(c.x, c.y, f.shift)
	if err != nil {
		g.report(f, err)
		g.say(err.Error())
		return
	}
	g.say("Added point " + strconv.Itoa(i) + ", " + what + ", at x " + coord(c.x) + ", y " + coord(c.y) + ".")
}

func (g *Game) cursorDelete(f *inputFrame) {
	g.cursorPlace()
	i := g.pointUnderCursor()
	if i < 0 {
		g.say("No point under the cursor to remove.")
		return
	}
	if err := g.st.RemovePoint(i); err != nil {
		g.report(f, err)
		g.say(err.Error())
		return
	}
	g.say("Removed point " + strconv.Itoa(i) + ".")
}

// pointUnderCursor is the point the cursor is on, or -1.
func (g *Game) pointUnderCursor() int {
	pv := planeView{plot: g.ly.Plot, view: g.snap.View}
	px, py := pv.toPx(g.cursor.x, g.cursor.y)
	return pointAt(g.snap.Points, pv, px, py, g.ly.Scale)
}

// cursorVisible reports whether the keyboard cursor is drawn, and where (device pixels).
func (g *Game) cursorVisible() (px, py float32, ok bool) {
	c := &g.cursor
	if !c.placed || !c.focused.Load() || !c.shown.Load() {
		return 0, 0, false
	}
	pv := planeView{plot: g.ly.Plot, view: g.snap.View}
	px, py = pv.toPx(c.x, c.y)
	return px, py, pv.plot.contains(px, py) || onEdge(pv, px, py)
}

// onEdge reports whether (px, py) lies on the plot's border (the cursor may sit there).
func onEdge(pv planeView, px, py float32) bool {
	r := pv.plot
	return px >= r.X0-1 && px <= r.X1+1 && py >= r.Y0-1 && py <= r.Y1+1
}

// drawCursor queues the keyboard cursor: a ring with a cross, dark inside a white halo so that
// it shows on either class's colour and on the boundary.
func (g *Game) drawCursor(p *painter) {
	px, py, ok := g.cursorVisible()
	if !ok {
		return
	}
	u := g.ly.Scale
	sh := &p.sh[layerTop]
	r := (pointRadius + 7) * u
	sh.ring(px, py, r, 5*u, colCard)
	sh.ring(px, py, r, 2.5*u, colInk)
	arm := r + 6*u
	for _, d := range [...][4]float32{{-arm, 0, -r, 0}, {r, 0, arm, 0}, {0, -arm, 0, -r}, {0, r, 0, arm}} {
		sh.line(px+d[0], py+d[1], px+d[2], py+d[3], 5*u, colCard)
		sh.line(px+d[0], py+d[1], px+d[2], py+d[3], 2.5*u, colInk)
	}
}

// coord writes a coordinate for reading aloud: two decimals, a real minus sign.
func coord(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // no "-0.00"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', 2, 64)
	if v < 0 {
		return "−" + s
	}
	return s
}

// className names a label as the page does.
func className(label int) string {
	if label > 0 {
		return "class 1"
	}
	return "class −1"
}
