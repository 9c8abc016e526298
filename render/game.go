// Package render draws the playground with ebiten and turns mouse, touch and keyboard input
// into calls on the app's State: the plane (the decision boundary, evaluated per device pixel
// by a shader generated for the network, under the points), the network diagram, the
// training chart, and the Game that ties them.
//
// Update reads input, calls the app and advances training through State.Frame; Draw only
// paints the snapshot Update took. Everything is drawn in device pixels (LayoutF), so the
// picture is crisp on high-density screens.
package render

import (
	"fmt"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/app"
)

// controller is what the renderer calls on the playground; *app.State implements it.
type controller interface {
	Frame(dst *app.Snapshot)
	AddPoint(x, y float64, label int) (int, error)
	AddValuePoint(x, y, value float64) (int, error)
	FlipLabel(i int) error
	SetValue(i int, value float64) error
	RemovePoint(i int) error
	DragPoint(i int, x, y float64) error
	EndDrag(i int, fromX, fromY float64) error
	Select(i int) error
	Undo() bool
	Redo() bool
	TogglePlay()
	Step(n int) error
	Reset() error
}

var _ controller = (*app.State)(nil)

// Game is the ebiten game of the playground. Create it with NewGame and run it with
// ebiten.RunGame. Update, Draw, Layout and LayoutF are for ebiten to call; the others are
// safe to call from any goroutine (the page's JavaScript API).
type Game struct {
	st      controller
	in      inputSource
	frame   inputFrame
	gest    gesture
	snap    app.Snapshot
	initErr error

	ly       layout
	lyLayers []int // the network's shape the layout was computed for
	shown    card  // the card a slot that cards share shows, as last chosen
	lyShown  card  // the choice the layout was computed for
	geom     diagramGeom
	chart    chartScale
	eval     *evaluator
	col      *colorizer
	field    planeField
	heat     heatmaps
	heatAt   time.Duration // when the heatmaps were last brought up to date
	res      resolution    // how coarsely the boundary is evaluated, by the frame time
	div      int           // this frame's choice
	paint    painter

	shapeShader *ebiten.Shader
	imgOpts     ebiten.DrawImageOptions
	num         []byte
	tip1, tip2  []byte
	ticks       []float64
	acts        [][]float64
	banner      wrapped

	cursor      kbCursor         // the plane's keyboard cursor
	announce    func(string)     // says what keyboard editing did, for screen readers
	editWeight  func(WeightEdit) // asks the page for a weight's new value (OnEditWeight)
	heatOff     atomic.Bool      // neurons stay plain instead of showing heatmaps
	wantCard    atomic.Int32     // 1 + the card ShowCard asked for, 0 for none
	uniformMax  atomic.Int64     // vec4 uniforms the GPU allows (SetUniformLimit)
	notice      string
	noticeUntil time.Duration

	mu           sync.Mutex // guards the fields below, shared with other goroutines
	shared       sharedView
	centres      []float32 // x, y of every neuron of the diagram, layer by layer, in device pixels
	centreLayers []int     // the shape centres is for
	outW         float64   // the outside size in CSS pixels, from LayoutF
	outH         float64
	devScale     float64
	layoutScale  float32 // the device scale the layout was computed for

	// The key of the picture on the screen, and a spare highlight for the next key.
	lastKey    frameKey
	lastScreen *ebiten.Image
	lastHL     app.Highlight
	keyHL      app.Highlight
	haveKey    bool
	paints     int  // pictures drawn, for tests
	partial    bool // this picture repaints only the cards' insides (partial.go)

	onFirst  func()
	drawn    bool
	notified bool

	rest rest // rest.go
}

// backgroundColor is colBackground made once, so that filling the screen allocates nothing.
var backgroundColor = colBackground.color()

// sharedView is what ToScreen and FromScreen need, copied under Game.mu.
type sharedView struct {
	plot    rect
	view    app.View
	scale   float32
	ly      layout
	neuronR float32
}

// painter holds the batches a frame is built into.
type painter struct {
	sh [layerCount]shapes
	tx texts
}

func (p *painter) reset() {
	for i := range p.sh {
		p.sh[i].reset()
	}
	p.tx.reset()
}

// NewGame returns the game for the playground s.
func NewGame(s *app.State) *Game {
	return newGame(s, &ebitenInput{})
}

func newGame(c controller, in inputSource) *Game {
	g := &Game{st: c, in: in, eval: newEvaluator(), devScale: 1}
	g.rest.wake = make(chan struct{}, 1)
	g.snap.Selected = -1
	// Draw leaves an unchanged picture on the screen instead of drawing it again.
	ebiten.SetScreenClearedEveryFrame(false)
	var err error
	if g.shapeShader, err = ebiten.NewShader([]byte(shapeShaderSrc)); err != nil {
		g.initErr = fmt.Errorf("render: shape shader: %w", err)
	}
	if g.col, err = newColorizer(); err != nil {
		// The boundary falls back to the CPU's own colouring.
		g.col = nil
	}
	return g
}

// OnFirstFrame sets f to be called once, in the first Update after the first Draw: the
// canvas then shows a complete picture.
func (g *Game) OnFirstFrame(f func()) {
	g.mu.Lock()
	g.onFirst = f
	g.mu.Unlock()
}

// FPS returns the frames per second ebiten measures.
func (g *Game) FPS() float64 { return ebiten.ActualFPS() }

// SetHeatmaps chooses whether neurons show their own heatmaps over the plane when no point
// is selected (the default) or stay plain.
func (g *Game) SetHeatmaps(on bool) {
	g.heatOff.Store(!on)
}

// PointerLeft tells the game that the mouse left its canvas, which browsers do not report to
// it: hover and tooltips clear until the cursor moves over the canvas again. It is safe to call
// from any goroutine.
func (g *Game) PointerLeft() {
	if ei, ok := g.in.(*ebitenInput); ok {
		ei.left.leave()
	}
	g.Wake()
}

// Heatmaps reports whether neurons show their heatmaps when no point is selected. It is safe
// to call from any goroutine.
func (g *Game) Heatmaps() bool { return !g.heatOff.Load() }

// SetUniformLimit tells the renderer how many vec4 uniforms a fragment (and vertex) shader
// may use on this GPU: in a browser, the smaller of WebGL2's MAX_FRAGMENT_UNIFORM_VECTORS
// and MAX_VERTEX_UNIFORM_VECTORS. Networks whose weights fit are evaluated with the weights
// as uniforms; larger ones read them from a texture, which is slower per pixel. Without a
// call, the renderer assumes WebGL2's guaranteed minimum (MinUniformVectors); smaller values
// are raised to it. It is safe to call from any goroutine.
func (g *Game) SetUniformLimit(vectors int) {
	g.uniformMax.Store(int64(vectors))
}

// ToScreen returns the position, in CSS pixels of the window, of the data point (x, y).
// It is safe to call from any goroutine.
func (g *Game) ToScreen(x, y float64) (px, py float64) {
	g.mu.Lock()
	s := g.shared
	g.mu.Unlock()
	if s.plot.empty() {
		return math.NaN(), math.NaN()
	}
	dx, dy := planeView{plot: s.plot, view: s.view}.toPx(x, y)
	sc := float64(s.scale)
	return float64(dx) / sc, float64(dy) / sc
}

// FromScreen returns the data point under the position (px, py) in CSS pixels of the window.
// It is safe to call from any goroutine.
func (g *Game) FromScreen(px, py float64) (x, y float64) {
	g.mu.Lock()
	s := g.shared
	g.mu.Unlock()
	if s.plot.empty() {
		return math.NaN(), math.NaN()
	}
	sc := float64(s.scale)
	return planeView{plot: s.plot, view: s.view}.toData(float32(px*sc), float32(py*sc))
}

// LayoutF returns the screen size in device pixels for an outside size in CSS pixels.
func (g *Game) LayoutF(w, h float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if !(s > 0) {
		s = 1
	}
	g.mu.Lock()
	g.outW, g.outH, g.devScale = w, h, s
	g.mu.Unlock()
	return max(1, math.Ceil(w*s)), max(1, math.Ceil(h*s))
}

// Layout is LayoutF rounded; ebiten calls LayoutF instead when a game has it.
func (g *Game) Layout(w, h int) (int, int) {
	fw, fh := g.LayoutF(float64(w), float64(h))
	return int(fw), int(fh)
}

// Update reads input, calls the app, and advances training by one frame.
func (g *Game) Update() error {
	if g.initErr != nil {
		return g.initErr
	}
	g.restIfSettled()
	g.mu.Lock()
	w, h, s := g.outW, g.outH, g.devScale
	first := g.drawn && !g.notified
	if first {
		g.notified = true
	}
	f := g.onFirst
	g.mu.Unlock()
	if first && f != nil {
		f()
	}
	sw, sh, sc := float32(math.Ceil(w*s)), float32(math.Ceil(h*s)), float32(s)
	if w > 0 && h > 0 {
		g.relayout(sw, sh, sc)
	}
	if ei, ok := g.in.(*ebitenInput); ok {
		ei.w, ei.h = g.ly.W, g.ly.H
	}
	if c := g.wantCard.Swap(0); c > 0 {
		g.showCard(card(c - 1))
	}
	g.in.read(&g.frame)
	if g.snap.Net != nil {
		g.handleInput(&g.frame)
	}
	g.st.Frame(&g.snap)
	g.div = g.res.frame(g.frame.now, g.snap.Running)
	if w > 0 && h > 0 {
		g.relayout(sw, sh, sc) // the network's shape or the shown card may have changed
	}
	g.updateGeometry()
	return nil
}

// relayout recomputes the layout when the screen, the network's shape or the shown card
// changed.
func (g *Game) relayout(w, h, scale float32) {
	var layers []int
	if g.snap.Net != nil {
		layers = g.snap.Net.Layers()
	}
	if g.ly.W == w && g.ly.H == h && g.ly.Scale != 0 && g.layoutScale == scale &&
		slices.Equal(layers, g.lyLayers) && g.lyShown == g.shown {
		return
	}
	g.layoutScale = scale
	g.lyLayers = append(g.lyLayers[:0], layers...)
	g.lyShown = g.shown
	g.ly = computeLayout(w, h, scale, layers, g.shown)
}

// showCard makes card c the one its shared slot shows. It reports whether c was hidden.
func (g *Game) showCard(c card) bool {
	hidden := g.ly.cardRect(c).empty()
	g.shown = c
	return hidden
}

// updateGeometry places the diagram for the current network and shares the plane's
// transform with ToScreen and FromScreen.
func (g *Game) updateGeometry() {
	if g.snap.Net != nil {
		g.geom.update(g.ly.Diagram, g.snap.Net, g.ly.Scale)
	}
	g.mu.Lock()
	g.shared = sharedView{plot: g.ly.Plot, view: g.snap.View, scale: g.layoutScale, ly: g.ly, neuronR: g.geom.r}
	// The neurons' centres, for Placement: reused from frame to frame.
	g.centres, g.centreLayers = g.centres[:0], append(g.centreLayers[:0], g.geom.layers...)
	for l := range g.geom.y {
		for _, y := range g.geom.y[l] {
			g.centres = append(g.centres, g.geom.x[l], y)
		}
	}
	g.mu.Unlock()
}

// Draw paints the snapshot the last Update took, unless the picture would be the one already
// on the screen (frameKey): then it returns at once, and the GPU does nothing.
func (g *Game) Draw(screen *ebiten.Image) {
	b := screen.Bounds()
	if w, h := float32(b.Dx()), float32(b.Dy()); w != g.ly.W || h != g.ly.H {
		// The screen changed since the last Update: lay out for it (hit-testing catches up
		// at the next Update).
		g.ly = computeLayout(w, h, max(g.layoutScale, 1), g.lyLayers, g.shown)
		if g.snap.Net != nil {
			g.geom.update(g.ly.Diagram, g.snap.Net, g.ly.Scale)
		}
	}
	s := &g.snap
	if s.Net == nil || g.shapeShader == nil {
		screen.Fill(backgroundColor)
		g.haveKey = false
		return
	}
	key := g.keyOf(&g.keyHL)
	same := g.haveKey && screen == g.lastScreen && sameHighlight(&g.keyHL, &g.lastHL)
	if same && key == g.lastKey {
		g.rest.quiet++
		return
	}
	g.rest.quiet = 0
	// When only training moved on, the cards' frames, titles and legends stay on the screen
	// and only their insides are painted again (partial.go).
	g.partial = same && key.static() == g.lastKey.static() && key.overlayFree()
	if !g.partial {
		screen.Fill(backgroundColor)
	}
	g.prepare()
	p := &g.paint
	p.sh[layerBack].draw(screen, g.shapeShader)
	p.tx.draw(screen, layerBack)
	g.field.draw(screen, g.ly.Plot, &g.imgOpts)
	p.sh[layerMid].draw(screen, g.shapeShader)
	if g.heatmapsShown() {
		g.drawHeatmaps(screen, s.Highlight)
	}
	p.sh[layerTop].draw(screen, g.shapeShader)
	p.tx.draw(screen, layerMid)
	p.tx.draw(screen, layerTop)
	p.sh[layerOverlay].draw(screen, g.shapeShader)
	p.tx.draw(screen, layerOverlay)
	g.lastKey, g.haveKey, g.lastScreen = key, true, screen
	g.lastHL, g.keyHL = g.keyHL, g.lastHL
	g.paints++
	g.mu.Lock()
	g.drawn = true
	g.mu.Unlock()
}

// heatmapsShown reports whether neurons show heatmaps: when no point is selected, unless
// turned off.
func (g *Game) heatmapsShown() bool {
	return !g.heatOff.Load() && g.selectedActs() == nil
}

// selectedActs returns the selected point's activations, or nil.
func (g *Game) selectedActs() [][]float64 {
	if i := g.snap.Selected; i >= 0 && i < len(g.snap.Points) {
		return g.acts
	}
	return nil
}

// prepare updates the cached images (boundary, heatmaps) and builds every batch of the
// frame.
func (g *Game) prepare() {
	s := &g.snap
	g.eval.setUniformLimit(int(g.uniformMax.Load()))
	g.eval.setNetwork(s.Net, s.WeightsVersion)
	g.field.update(g.eval, g.col, int(g.ly.Plot.w()), int(g.ly.Plot.h()), g.div, s.View, s.WeightsVersion, contourHalfWidth*max(1, g.layoutScale), s.Discretize && !g.regression())
	g.updateActs()
	if g.heatmapsShown() && !g.ly.Diagram.empty() {
		n := 0
		for _, k := range s.Net.Layers() {
			n += k
		}
		// While training, the neurons' small heatmaps follow the weights at heatInterval at
		// most (two passes over their atlas, whatever the number of neurons); the boundary
		// follows every step. Paused, or when their shape or the view changed, they are made
		// at once.
		if !s.Running || !g.heat.sameShape(n, g.geom.heatCell(), s.View) || g.frame.now-g.heatAt >= heatInterval {
			g.heat.update(g.eval, g.col, n, g.geom.heatCell(), s.View, s.WeightsVersion)
			g.heatAt = g.frame.now
		}
	}
	g.buildBatches()
}

// updateActs runs the selected point through the network for the diagram.
func (g *Game) updateActs() {
	s := &g.snap
	g.acts = g.acts[:0]
	if i := s.Selected; i >= 0 && i < len(s.Points) {
		g.acts = append(g.acts, s.Net.Forward(s.Points[i].X, s.Points[i].Y)...)
	}
}

// buildBatches queues every shape and glyph of the frame: the CPU side of drawing, which
// allocates nothing once its buffers have grown.
func (g *Game) buildBatches() {
	s := &g.snap
	p := &g.paint
	p.reset()
	g.drawStatus(p, s)
	hover := -1
	if h := g.currentHover(); h.kind == hitPoint {
		hover = h.index
	}
	g.drawPlane(p, s, hover)
	g.drawCursor(p)
	ds := diagramState{acts: g.selectedActs(), highlight: s.Highlight, heatmaps: g.heatmapsShown()}
	if s.Gradients && s.GradOK && !s.Teaching {
		ds.grad = s.Grad
	}
	g.drawDiagram(p, s.Net, &ds, g.currentHover())
	g.drawChart(p, s)
	g.drawMessage(p, s)
	g.drawTooltip(p, s, g.ly.Scale)
}

// currentHover is what the pointer is over: the hovered thing for a mouse, the tapped
// diagram element for touch.
func (g *Game) currentHover() hit {
	if g.gest.pinnedTip.kind != hitNone {
		return g.gest.pinnedTip
	}
	if g.gest.hoverValid && !g.gest.dragging {
		return g.gest.hover
	}
	return hit{}
}

// setOutside is LayoutF without asking the monitor for its scale: for tests.
func (g *Game) setOutside(w, h, scale float64) {
	g.mu.Lock()
	g.outW, g.outH, g.devScale = w, h, scale
	g.mu.Unlock()
}
