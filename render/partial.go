package render

// A partial picture: while training, when nothing but the weights and their consequences
// changed (frameKey.static), Draw leaves the background, the cards' frames, titles and legends
// on the screen (it is not cleared between frames) and paints only the cards' insides and the
// status line again, each over a fresh fill of the colour under it. That saves the full-screen
// fill and the cards' backgrounds and shadows, most of a frame's work on a software GPU.

// clearInside queues a fill of card r's inside, below its title line, in the card's colour.
// Its edges are on whole device pixels, so that no pixel is half covered and blended again
// frame after frame, and it keeps clear of the card's border and rounded bottom corners, where
// nothing is drawn.
func (g *Game) clearInside(p *painter, r rect) {
	u := g.ly.Scale
	corner := ceil32(10 * u)
	x0, x1 := ceil32(r.X0+1*u), floor32(r.X1-1*u)
	// Below the title line: under the title, the legend and a tab's underline, above every label.
	y0, y1 := ceil32(r.Y0+g.ly.ch.title+1*u), floor32(r.Y1-1*u)
	p.sh[layerBack].rect(x0, y0, x1, y1-corner, 0, colCard)
	p.sh[layerBack].rect(x0+corner, y1-corner, x1-corner, y1, 0, colCard)
}

// clearStatus queues a fill of the status line in the colour under it.
func (g *Game) clearStatus(p *painter) {
	r := g.ly.Status
	c := colBackground
	if g.ly.Arrangement == arrSingle && r.within(g.ly.cardRect(g.ly.Shown)) {
		c = colCard
	}
	p.sh[layerBack].rect(floor32(r.X0), floor32(r.Y0), ceil32(r.X1), ceil32(r.Y1), 0, c)
}
