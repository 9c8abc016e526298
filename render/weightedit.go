package render

import "github.com/nnviz/nnviz/app"

// WeightEdit asks the page to let the learner type a new value for one weight or bias of the
// diagram (the canvas cannot hold a text field): Ref names it in the notebook's terms, Value is
// its value now, and X, Y is where it was clicked, in CSS pixels of the window.
type WeightEdit struct {
	Ref   app.WeightRef
	Value float64
	X, Y  float64
}

// OnEditWeight sets f to hear a click or tap on an edge (a weight) or a bias ring of the
// network diagram. f runs in Update, on the game's goroutine.
func (g *Game) OnEditWeight(f func(WeightEdit)) { g.editWeight = f }

// requestEdit asks for an edit of the weight or bias t, clicked at device pixel (x, y).
func (g *Game) requestEdit(t hit, x, y float32) {
	net := g.snap.Net
	if g.editWeight == nil || net == nil || t.l < 2 || t.l > net.L() {
		return
	}
	e := WeightEdit{Ref: app.WeightRef{Layer: t.l, Row: t.i + 1}}
	if t.kind == hitEdge {
		e.Ref.Col = t.j + 1
		e.Value = net.W(t.l).At(t.i, t.j)
	} else {
		e.Value = net.B(t.l).At(t.i, 0)
	}
	sc := float64(max(g.ly.Scale, 1e-6))
	e.X, e.Y = float64(x)/sc, float64(y)/sc
	g.editWeight(e)
}
