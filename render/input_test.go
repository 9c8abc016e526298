package render

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// scriptInput plays a list of input frames, one per Update, then holds the last position
// with nothing pressed.
type scriptInput struct {
	frames []inputFrame
	next   int
	now    time.Duration
}

func (s *scriptInput) read(f *inputFrame) {
	if s.next < len(s.frames) {
		*f = s.frames[s.next]
		s.next++
		s.now = f.now
		return
	}
	f.down, f.rightPress, f.keys = false, false, nil
	s.now += frameTime
	f.now = s.now
}

const frameTime = 16 * time.Millisecond

// script builds input frames for a test, advancing time one frame per event.
type script struct {
	frames []inputFrame
	now    time.Duration
}

func (s *script) add(f inputFrame) {
	s.now += frameTime
	f.now = s.now
	s.frames = append(s.frames, f)
}

func (s *script) click(x, y float32, shift bool) {
	s.add(inputFrame{x: x, y: y, hasPointer: true, down: true, shift: shift})
	s.add(inputFrame{x: x, y: y, hasPointer: true, shift: shift})
}

func (s *script) drag(x0, y0, x1, y1 float32) {
	s.add(inputFrame{x: x0, y: y0, hasPointer: true, down: true})
	for k := 1; k <= 5; k++ {
		f := float32(k) / 5
		s.add(inputFrame{x: x0 + (x1-x0)*f, y: y0 + (y1-y0)*f, hasPointer: true, down: true})
	}
	s.add(inputFrame{x: x1, y: y1, hasPointer: true})
}

func (s *script) key(k ebiten.Key, ctrl, shift bool) {
	s.add(inputFrame{keys: []ebiten.Key{k}, ctrl: ctrl, shift: shift})
}

// playground is a game over the notebook's network and points, laid out at 1000 x 700.
type playground struct {
	t  *testing.T
	st *app.State
	g  *Game
	in *scriptInput
}

func newPlayground(t *testing.T) *playground {
	t.Helper()
	st := newTestState(t, []int{2, 3, 2}, nn.Sigmoid, nn.Quadratic, "notebook", 0)
	in := &scriptInput{}
	g := newGame(st, in)
	g.setOutside(1000, 700, 1)
	if err := g.Update(); err != nil {
		t.Fatal(err)
	}
	return &playground{t: t, st: st, g: g, in: in}
}

// px returns the screen position of a data point.
func (p *playground) px(x, y float64) (float32, float32) {
	sx, sy := p.g.ToScreen(x, y)
	return float32(sx), float32(sy)
}

// run plays the script to its end.
func (p *playground) run(s *script) {
	p.t.Helper()
	p.in.frames, p.in.next = s.frames, 0
	for range len(s.frames) + 1 {
		if err := p.g.Update(); err != nil {
			p.t.Fatal(err)
		}
	}
}

func (p *playground) points() []nn.Point { return p.st.Points() }

func near(a, b float64, tol float64) bool { return math.Abs(a-b) <= tol }

func TestInputAddsPoints(t *testing.T) {
	p := newPlayground(t)
	n := len(p.points())
	var s script
	x, y := p.px(5, 2.5) // an empty spot of the notebook's view
	s.click(x, y, false)
	x2, y2 := p.px(-1.5, -3.5)
	s.click(x2, y2, true)
	p.run(&s)
	pts := p.points()
	if len(pts) != n+2 {
		t.Fatalf("%d points after two clicks on the plane, want %d", len(pts), n+2)
	}
	tol := (app.NotebookView.XMax - app.NotebookView.XMin) / float64(p.g.ly.Plot.w()) // one pixel
	if a := pts[n]; !near(a.X, 5, tol) || !near(a.Y, 2.5, tol) || a.Label != 1 {
		t.Errorf("click added %+v, want (5, 2.5) with label 1 (the add label)", a)
	}
	if b := pts[n+1]; !near(b.X, -1.5, tol) || !near(b.Y, -3.5, tol) || b.Label != -1 {
		t.Errorf("shift-click added %+v, want (-1.5, -3.5) with label -1", b)
	}
}

// TestInputClickFlips: a click on a point flips its label and does nothing else; Alt+click
// selects it without flipping.
func TestInputClickFlips(t *testing.T) {
	p := newPlayground(t)
	before := p.points()[0]
	var s script
	x, y := p.px(before.X, before.Y)
	s.click(x+2, y-1, false) // a little off centre still hits the dot
	p.run(&s)
	after := p.points()
	if len(after) != len(nn.NotebookData()) {
		t.Fatalf("clicking a point changed the number of points to %d", len(after))
	}
	if after[0].Label != -before.Label || after[0].X != before.X {
		t.Errorf("point 0 is %+v after a click, want %+v with its label flipped", after[0], before)
	}
	if sel := p.st.Info().Selected; sel != -1 {
		t.Errorf("a click flipped point 0 and also selected point %d, want no selection", sel)
	}
	var alt script
	alt.add(inputFrame{x: x, y: y, hasPointer: true, down: true, alt: true})
	alt.add(inputFrame{x: x, y: y, hasPointer: true, alt: true})
	p.run(&alt)
	if sel := p.st.Info().Selected; sel != 0 || p.points()[0] != after[0] {
		t.Errorf("Alt+click: selected %d, point 0 %+v; want point 0 selected and unchanged", sel, p.points()[0])
	}
}

func TestInputDragUndoRedo(t *testing.T) {
	p := newPlayground(t)
	orig := p.points()[4]
	var s script
	x0, y0 := p.px(orig.X, orig.Y)
	x1, y1 := p.px(2.5, 2.5)
	s.drag(x0, y0, x1, y1)
	p.run(&s)
	tol := 2 * (app.NotebookView.XMax - app.NotebookView.XMin) / float64(p.g.ly.Plot.w())
	moved := p.points()[4]
	if !near(moved.X, 2.5, tol) || !near(moved.Y, 2.5, tol) || moved.Label != orig.Label {
		t.Fatalf("dragged point is %+v, want at (2.5, 2.5) with label %d", moved, orig.Label)
	}
	var u script
	u.key(ebiten.KeyZ, true, false)
	p.run(&u)
	if back := p.points()[4]; back != orig {
		t.Fatalf("after Ctrl+Z the point is %+v, want %+v: a drag must undo in one step", back, orig)
	}
	var r script
	r.key(ebiten.KeyZ, true, true)
	p.run(&r)
	if again := p.points()[4]; again != moved {
		t.Errorf("after Ctrl+Shift+Z the point is %+v, want %+v", again, moved)
	}
	var r2 script
	r2.key(ebiten.KeyZ, true, false)
	r2.key(ebiten.KeyY, true, false)
	p.run(&r2)
	if again := p.points()[4]; again != moved {
		t.Errorf("after Ctrl+Z, Ctrl+Y the point is %+v, want %+v", again, moved)
	}
}

func TestInputRemoves(t *testing.T) {
	p := newPlayground(t)
	pts := p.points()
	n := len(pts)
	var s script
	// Right-click on point 1.
	x, y := p.px(pts[1].X, pts[1].Y)
	s.add(inputFrame{x: x, y: y, hasPointer: true, rightPress: true})
	s.add(inputFrame{x: x, y: y, hasPointer: true})
	p.run(&s)
	if got := p.points(); len(got) != n-1 || got[1] == pts[1] {
		t.Fatalf("right-click: %d points, point 1 %+v; want %d points without %+v", len(got), got[1], n-1, pts[1])
	}

	// A long press (touch) on what is now point 2.
	pts = p.points()
	target := pts[2]
	x, y = p.px(target.X, target.Y)
	var lp script
	for i := 0; i < int(longPress/frameTime)+3; i++ {
		lp.add(inputFrame{x: x + 1, y: y, hasPointer: true, down: true, touch: true})
	}
	lp.add(inputFrame{x: x + 1, y: y, touch: true})
	p.run(&lp)
	got := p.points()
	if len(got) != len(pts)-1 {
		t.Fatalf("long press: %d points, want %d", len(got), len(pts)-1)
	}
	for _, q := range got {
		if q.X == target.X && q.Y == target.Y {
			t.Fatalf("long press did not remove %+v (or flipped it instead)", target)
		}
	}

	// A short tap on a point flips it rather than removing it.
	pts = got
	x, y = p.px(pts[0].X, pts[0].Y)
	var tap script
	tap.add(inputFrame{x: x, y: y, hasPointer: true, down: true, touch: true})
	tap.add(inputFrame{x: x, y: y, touch: true})
	p.run(&tap)
	if got := p.points(); len(got) != len(pts) || got[0].Label != -pts[0].Label {
		t.Fatalf("tap: %d points, point 0 %+v; want %d points and %+v flipped", len(got), got[0], len(pts), pts[0])
	}

	// Delete while hovering over a point.
	pts = p.points()
	x, y = p.px(pts[3].X, pts[3].Y)
	var del script
	del.add(inputFrame{x: x, y: y, hasPointer: true})
	del.add(inputFrame{x: x, y: y, hasPointer: true, keys: []ebiten.Key{ebiten.KeyDelete}})
	p.run(&del)
	if got := p.points(); len(got) != len(pts)-1 || got[3] == pts[3] {
		t.Fatalf("Delete: %d points; want %d without %+v", len(got), len(pts)-1, pts[3])
	}
	// Undo brings the last removed point back.
	var undo script
	undo.key(ebiten.KeyZ, true, false)
	p.run(&undo)
	if got := p.points(); len(got) != len(pts) || got[3] != pts[3] {
		t.Errorf("Ctrl+Z after Delete: %d points, point 3 %+v; want %+v back", len(got), got[3], pts[3])
	}
}

// TestKeyboardCursor: with the canvas focused, the arrows move the cursor, Enter adds a point
// there and then flips it, Delete removes it, and each is announced.
func TestKeyboardCursor(t *testing.T) {
	p := newPlayground(t)
	var said []string
	p.g.OnAnnounce(func(s string) { said = append(said, s) })
	p.g.SetKeyboardFocus(true, true)
	n := len(p.points())
	v := p.st.Info().View
	var s script
	s.key(ebiten.KeyArrowRight, false, false)
	s.key(ebiten.KeyArrowUp, false, true) // Shift: four steps
	s.key(ebiten.KeyEnter, false, false)
	p.run(&s)
	wantX := (v.XMin+v.XMax)/2 + (v.XMax-v.XMin)/cursorSteps
	wantY := (v.YMin+v.YMax)/2 + cursorFast*(v.YMax-v.YMin)/cursorSteps
	pts := p.points()
	if len(pts) != n+1 || !near(pts[n].X, wantX, 1e-12) || !near(pts[n].Y, wantY, 1e-12) || pts[n].Label != 1 {
		t.Fatalf("after →, Shift+↑, Enter: %d points, last %+v; want a class 1 point at (%g, %g)", len(pts), pts[n], wantX, wantY)
	}
	if _, _, ok := p.g.cursorVisible(); !ok {
		t.Error("the cursor is not shown while the keyboard moves it")
	}
	var flip script
	flip.key(ebiten.KeyEnter, false, false)
	p.run(&flip)
	if got := p.points(); len(got) != n+1 || got[n].Label != -1 {
		t.Fatalf("Enter on the new point: %d points, last %+v; want it flipped to -1", len(got), got[n])
	}
	var del script
	del.key(ebiten.KeyDelete, false, false)
	del.key(ebiten.KeyDelete, false, false)
	p.run(&del)
	if got := p.points(); len(got) != n {
		t.Fatalf("Delete: %d points, want %d", len(got), n)
	}
	want := []string{"x 2.25, y −0.50.", "Added point 10, class 1", "Point 10 is now class −1", "Removed point 10.", "No point under the cursor to remove."}
	if len(said) != 6 {
		t.Fatalf("announced %q, want six sentences", said)
	}
	for i, w := range []int{0, 2, 3, 4, 5} {
		if !strings.HasPrefix(said[w], want[i]) {
			t.Errorf("announcement %d is %q, want it to start with %q", w, said[w], want[i])
		}
	}
	p.g.SetKeyboardFocus(false, false)
	if _, _, ok := p.g.cursorVisible(); ok {
		t.Error("the cursor is shown after the canvas lost the focus")
	}
}

// TestKeyboardCursorStaysInTheView: the cursor stops at the view's edge.
func TestKeyboardCursorStaysInTheView(t *testing.T) {
	p := newPlayground(t)
	p.g.SetKeyboardFocus(true, true)
	var s script
	for range 3 * cursorSteps {
		s.key(ebiten.KeyArrowLeft, false, false)
	}
	p.run(&s)
	if v := p.st.Info().View; p.g.cursor.x != v.XMin {
		t.Errorf("cursor x = %g after many ←, want the view's edge %g", p.g.cursor.x, v.XMin)
	}
	if _, _, ok := p.g.cursorVisible(); !ok {
		t.Error("the cursor at the view's edge is not shown")
	}
}

func TestInputClickAwayDeselects(t *testing.T) {
	p := newPlayground(t)
	if err := p.st.Select(2); err != nil {
		t.Fatal(err)
	}
	var s script
	c := p.g.ly.ChartCard
	s.click((c.X0+c.X1)/2, c.Y0+3, false) // the chart card's top edge: nothing there
	p.run(&s)
	if sel := p.st.Info().Selected; sel != -1 {
		t.Errorf("selected point is %d after a click on empty space, want none", sel)
	}
}

func TestToScreenFromScreen(t *testing.T) {
	st := newTestState(t, []int{2, 3, 2}, nn.Sigmoid, nn.Quadratic, "notebook", 0)
	g := newGame(st, &stillInput{})
	if x, _ := g.ToScreen(0, 0); !math.IsNaN(x) {
		t.Errorf("ToScreen before the first layout = %g, want NaN", x)
	}
	const scale = 2
	g.setOutside(900, 600, scale)
	if err := g.Update(); err != nil {
		t.Fatal(err)
	}
	pts := st.Points()
	done := make(chan struct{})
	go func() { // the JS API calls these from its own goroutine
		defer close(done)
		for i, pt := range pts {
			cx, cy := g.ToScreen(pt.X, pt.Y)
			x, y := g.FromScreen(cx, cy)
			if !near(x, pt.X, 1e-3) || !near(y, pt.Y, 1e-3) {
				t.Errorf("point %d (%g, %g) -> CSS (%g, %g) -> (%g, %g)", i, pt.X, pt.Y, cx, cy, x, y)
			}
			// CSS pixels times the scale are the device pixels the point is drawn at.
			pv := planeView{plot: g.ly.Plot, view: app.NotebookView}
			if got := pointAt(pts, pv, float32(cx*scale), float32(cy*scale), g.ly.Scale); got != i {
				t.Errorf("point %d: the device pixel under its CSS position hits point %d", i, got)
			}
			if cx < 0 || cy < 0 || cx > 900 || cy > 600 {
				t.Errorf("point %d at CSS (%g, %g), outside the 900x600 window", i, cx, cy)
			}
		}
	}()
	<-done
}
