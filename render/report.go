package render

// LayoutReport says where the game put its cards, in CSS pixels of the window: for the page's
// API (nnviz.layout) and its tests.
type LayoutReport struct {
	Arrangement string         // "beside", "below" or "single" (one card at a time)
	Secondary   string         // how the network and the chart share their room
	Shown       string         // the card a shared slot shows, when cards share one
	Tabs        []string       // the cards that share a slot, nil when every card shows
	Cards       map[string]Box // the cards that show, by name: "plane", "network", "chart"
	Plot        Box            // the plane's square, empty when the plane does not show
	Neuron      float64        // a neuron's diameter
	Text        float64        // the smallest text's size
	// Neurons holds the centre of every neuron of the diagram, Neurons[l-1][i] for neuron i+1
	// of layer l, when the network's card shows; nil otherwise. Edges run between centres.
	Neurons [][]Point
}

// Point is a position in CSS pixels.
type Point struct{ X, Y float64 }

// Box is a rectangle in CSS pixels.
type Box struct{ X, Y, W, H float64 }

// Placement reports the current layout. It is safe to call from any goroutine.
func (g *Game) Placement() LayoutReport {
	g.mu.Lock()
	ly, r := g.shared.ly, g.shared.neuronR
	centres, layers := append([]float32(nil), g.centres...), append([]int(nil), g.centreLayers...)
	g.mu.Unlock()
	u := float64(ly.Scale)
	if !(u > 0) {
		return LayoutReport{}
	}
	box := func(r rect) Box {
		return Box{float64(r.X0) / u, float64(r.Y0) / u, float64(r.w()) / u, float64(r.h()) / u}
	}
	rep := LayoutReport{
		Arrangement: ly.Arrangement.String(),
		Secondary:   ly.Secondary.String(),
		Cards:       map[string]Box{},
		Plot:        box(ly.Plot),
		Neuron:      2 * float64(r) / u,
		Text:        textMin,
	}
	for c := cardPlane; c < cardCount; c++ {
		if r := ly.cardRect(c); !r.empty() {
			rep.Cards[c.String()] = box(r)
		}
	}
	if _, ok := rep.Cards["network"]; ok {
		k := 0
		for _, n := range layers {
			col := make([]Point, 0, n)
			for range n {
				if k+1 < len(centres) {
					col = append(col, Point{float64(centres[k]) / u, float64(centres[k+1]) / u})
				}
				k += 2
			}
			rep.Neurons = append(rep.Neurons, col)
		}
	}
	for _, t := range ly.Tabs {
		rep.Tabs = append(rep.Tabs, t.card.String())
	}
	if rep.Tabs != nil {
		rep.Shown = ly.Shown.String()
	}
	return rep
}

// ShowCard asks for card name ("plane", "network" or "chart") to show in the slot it shares
// with others, from the next frame. It reports false for an unknown name. It is safe to call
// from any goroutine.
func (g *Game) ShowCard(name string) bool {
	for c := cardPlane; c < cardCount; c++ {
		if c.String() == name {
			g.wantCard.Store(int32(c) + 1)
			return true
		}
	}
	return false
}
