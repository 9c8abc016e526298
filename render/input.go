package render

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// inputFrame is the input of one Update: one pointer (the mouse, or the first touch), the
// modifier keys and the keys pressed since the last frame. Positions are device pixels.
type inputFrame struct {
	now        time.Duration // monotonic time, for long presses
	x, y       float32       // the pointer; kept at its last place when it is gone
	hasPointer bool          // a mouse over the screen or a touch down
	down       bool          // the primary button, or a touch, is held
	rightPress bool          // the secondary button went down this frame
	touch      bool          // the pointer is a touch
	shift      bool
	alt        bool
	ctrl       bool // Control or, on macOS, Command
	keys       []ebiten.Key
}

// inputSource fills an inputFrame; ebiten's input in the game, scripted events in tests.
type inputSource interface {
	read(f *inputFrame)
}

// ebitenInput reads ebiten's mouse, touch and keyboard state.
type ebitenInput struct {
	start    time.Time
	touches  []ebiten.TouchID
	touchID  ebiten.TouchID
	hadTouch bool
	w, h     float32 // the screen, to tell a cursor outside it
	left     leaveTracker
}

func (in *ebitenInput) read(f *inputFrame) {
	if in.start.IsZero() {
		in.start = time.Now()
	}
	f.now = time.Since(in.start)
	f.keys = inpututil.AppendJustPressedKeys(f.keys[:0])
	f.shift = ebiten.IsKeyPressed(ebiten.KeyShift)
	f.alt = ebiten.IsKeyPressed(ebiten.KeyAlt)
	f.ctrl = ebiten.IsKeyPressed(ebiten.KeyControl) || ebiten.IsKeyPressed(ebiten.KeyMeta)
	f.rightPress = inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonRight)
	in.touches = ebiten.AppendTouchIDs(in.touches[:0])
	if len(in.touches) > 0 {
		// Follow the touch that started the gesture while it lasts.
		id := in.touches[0]
		for _, t := range in.touches {
			if t == in.touchID {
				id = t
			}
		}
		in.touchID = id
		x, y := ebiten.TouchPosition(id)
		f.x, f.y, f.down, f.touch, f.hasPointer = float32(x), float32(y), true, true, true
		in.hadTouch = true
		return
	}
	if in.hadTouch {
		// The touch ended: release at its last position, with no hover afterwards.
		in.hadTouch = false
		f.down, f.hasPointer, f.touch = false, false, true
		return
	}
	f.touch = false
	x, y := ebiten.CursorPosition()
	f.x, f.y = float32(x), float32(y)
	f.hasPointer = f.x >= 0 && f.y >= 0 && (in.w == 0 || f.x < in.w && f.y < in.h)
	if in.left.away(x, y) {
		f.hasPointer = false
	}
	f.down = ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
}

// Gesture thresholds.
const (
	clickSlop      = 4  // CSS px a mouse press may wander and still be a click
	touchSlop      = 10 // the same for a finger
	longPress      = 500 * time.Millisecond
	noticeDuration = 3 * time.Second // how long an error from the app stays on screen
)

// gesture follows one press from down to up.
type gesture struct {
	active     bool
	touch      bool
	x0, y0     float32
	t0         time.Duration
	target     hit
	moved      bool
	dragging   bool
	consumed   bool // a long press already removed the point
	fromX      float64
	fromY      float64
	wasDown    bool
	pinnedTip  hit // a tapped diagram element whose tooltip stays (touch has no hover)
	hover      hit
	hoverValid bool
}

// handleInput turns this frame's input into calls on the app: keys first, then the pointer.
func (g *Game) handleInput(f *inputFrame) {
	u := g.ly.Scale
	gs := &g.gest
	if f.hasPointer && !f.touch {
		gs.hover, gs.hoverValid = g.hitAt(f.x, f.y), true
	} else if !f.down {
		gs.hoverValid = false
	}
	g.handleKeys(f)

	if f.rightPress && f.hasPointer {
		if h := g.hitAt(f.x, f.y); h.kind == hitPoint {
			g.report(f, g.st.RemovePoint(h.index))
		}
	}

	switch {
	case f.down && !gs.wasDown:
		g.cursor.shown.Store(false)
		*gs = gesture{active: true, touch: f.touch, x0: f.x, y0: f.y, t0: f.now, target: g.hitAt(f.x, f.y),
			pinnedTip: gs.pinnedTip, hover: gs.hover, hoverValid: gs.hoverValid, wasDown: true}
		if gs.target.kind == hitPoint {
			pt := g.snap.Points[gs.target.index]
			gs.fromX, gs.fromY = pt.X, pt.Y
		}
		return
	case f.down && gs.active:
		slop := clickSlop * u
		if gs.touch {
			slop = touchSlop * u
		}
		if !gs.moved && hypot32(f.x-gs.x0, f.y-gs.y0) > slop {
			gs.moved = true
		}
		if gs.target.kind == hitPoint && !gs.consumed {
			if gs.moved {
				gs.dragging = true
				x, y := g.clampToView(f.x, f.y)
				if err := g.st.DragPoint(gs.target.index, x, y); err != nil {
					// The point went away under the finger (e.g. the page replaced the data).
					g.report(f, err)
					gs.active, gs.dragging = false, false
				}
			} else if gs.touch && f.now-gs.t0 >= longPress {
				gs.consumed = true
				g.report(f, g.st.RemovePoint(gs.target.index))
			}
		}
	case !f.down && gs.wasDown && gs.active:
		g.release(f)
	}
	gs.wasDown = f.down
}

// release ends a press: the end of a drag, or a click (tap) on what was pressed.
func (g *Game) release(f *inputFrame) {
	gs := &g.gest
	gs.active, gs.wasDown = false, false
	if gs.dragging {
		gs.dragging = false
		g.report(f, g.st.EndDrag(gs.target.index, gs.fromX, gs.fromY))
		return
	}
	if gs.consumed || gs.moved {
		return
	}
	gs.pinnedTip = hit{}
	switch t := gs.target; t.kind {
	case hitPoint:
		// One thing per click: in the walk-through a click chooses the point to walk through;
		// otherwise it flips the point's label, and Alt+click selects it (its activations fill
		// the network's neurons).
		if g.snap.Teaching || f.alt {
			g.report(f, g.st.Select(t.index))
		} else {
			_, err := g.editPoint(t.index)
			g.report(f, err)
		}
	case hitPlane:
		x, y := g.clampToView(gs.x0, gs.y0)
		_, _, err := g.addPoint(x, y, f.shift)
		g.report(f, err)
	case hitTab:
		g.showCard(card(t.index))
	case hitNeuron, hitBias, hitEdge:
		if gs.touch {
			gs.pinnedTip = t
		}
		if t.kind != hitNeuron {
			// A click on a weight or a bias opens the page's field to type its new value.
			g.requestEdit(t, gs.x0, gs.y0)
		}
	case hitNone:
		// A click away from the plane and the network's parts lets go of the selected
		// point, which brings the neurons' heatmaps back (touch has no Escape key).
		if g.snap.Selected >= 0 {
			g.report(f, g.st.Select(-1))
		}
	}
}

// handleKeys runs the keys of the plane: the keyboard cursor, undo and redo, and Delete on the
// point under the mouse. The page's own shortcuts (Space, S, R, H, Esc) are handled by the
// page, wherever the focus is (web/static/keyboard.js), and do not reach the game.
func (g *Game) handleKeys(f *inputFrame) {
	for _, k := range f.keys {
		switch {
		case f.ctrl && (k == ebiten.KeyZ && f.shift || k == ebiten.KeyY):
			g.st.Redo()
		case f.ctrl && k == ebiten.KeyZ:
			g.st.Undo()
		case f.ctrl:
			// Leave the browser's and the system's own shortcuts alone.
		case g.cursorKey(f, k):
		case k == ebiten.KeyDelete || k == ebiten.KeyBackspace:
			if h := g.gest.hover; g.gest.hoverValid && h.kind == hitPoint {
				g.report(f, g.st.RemovePoint(h.index))
				g.gest.hoverValid = false
			}
		}
	}
}

// report shows an error from the app for a few seconds.
func (g *Game) report(f *inputFrame, err error) {
	if err != nil {
		g.notice = err.Error()
		g.noticeUntil = f.now + noticeDuration
	}
}

// hitAt returns what lies under the device pixel (x, y): a point or the empty plot, or an
// element of the diagram.
func (g *Game) hitAt(x, y float32) hit {
	if c := g.ly.tabAt(x, y); c >= 0 {
		return hit{kind: hitTab, index: int(c)}
	}
	if g.ly.Plot.contains(x, y) {
		pv := planeView{plot: g.ly.Plot, view: g.snap.View}
		if i := pointAt(g.snap.Points, pv, x, y, g.ly.Scale); i >= 0 {
			return hit{kind: hitPoint, index: i}
		}
		return hit{kind: hitPlane}
	}
	if g.ly.DiagramCard.contains(x, y) && g.snap.Net != nil {
		return g.geom.hitDiagram(x, y, g.snap.Net)
	}
	return hit{}
}

// clampToView returns the data point under (x, y), kept inside the view.
func (g *Game) clampToView(x, y float32) (float64, float64) {
	v := g.snap.View
	dx, dy := planeView{plot: g.ly.Plot, view: v}.toData(x, y)
	return min(max(dx, v.XMin), v.XMax), min(max(dy, v.YMin), v.YMax)
}
