package render

import (
	"testing"

	"github.com/nnviz/nnviz/app"
)

// TestClickOnAWeightAsksForItsValue: a click on an edge asks the page for w_l[i,j]'s new value,
// one on a bias ring for b_l[i]'s, each with its value now and where it was clicked; a click on
// a neuron asks for nothing.
func TestClickOnAWeightAsksForItsValue(t *testing.T) {
	p := newPlayground(t)
	var got []WeightEdit
	p.g.OnEditWeight(func(e WeightEdit) { got = append(got, e) })
	d := &p.g.geom
	w := p.st.Weights()

	// w_3[1,2]: from neuron 2 of layer 2 to neuron 1 of layer 3, clicked 40% along.
	x0, y0 := d.x[1], d.y[1][1]
	x1, y1 := d.x[2], d.y[2][0]
	ex, ey := x0+0.4*(x1-x0), y0+0.4*(y1-y0)
	// b_2[3]: just outside neuron 3 of layer 2, on its ring.
	bx, by := d.x[1], d.y[1][2]-(d.r+1*d.u)
	var s script
	s.click(ex, ey, false)
	s.click(bx, by, false)
	s.click(d.x[0], d.y[0][0], false) // an input neuron
	p.run(&s)

	want := []WeightEdit{
		{Ref: app.WeightRef{Layer: 3, Row: 1, Col: 2}, Value: w[1].W[0][1], X: float64(ex), Y: float64(ey)},
		{Ref: app.WeightRef{Layer: 2, Row: 3}, Value: w[0].B[2], X: float64(bx), Y: float64(by)},
	}
	if len(got) != len(want) {
		t.Fatalf("asked for %d edits (%v), want %d (%v)", len(got), got, len(want), want)
	}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("edit %d: %+v, want %+v", k, got[k], want[k])
		}
	}
	if pts := p.points(); len(pts) != 10 {
		t.Errorf("clicks on the diagram changed the points: %d", len(pts))
	}
}
