//go:build js && wasm

package main

import "github.com/nnviz/nnviz/render"

// placementTo is what layout() returns: the arrangement, the tabs, and each shown card's box
// in CSS pixels.
func placementTo(p render.LayoutReport) any {
	box := func(b render.Box) any { return object("x", b.X, "y", b.Y, "w", b.W, "h", b.H) }
	cards := object()
	for _, name := range []string{"plane", "network", "chart"} {
		if b, ok := p.Cards[name]; ok {
			cards.Set(name, box(b))
		}
	}
	tabs := make([]any, len(p.Tabs))
	for i, t := range p.Tabs {
		tabs[i] = t
	}
	return object(
		"arrangement", p.Arrangement,
		"secondary", p.Secondary,
		"shown", p.Shown,
		"tabs", tabs,
		"cards", cards,
		"plot", box(p.Plot),
		"neurons", neuronsTo(p.Neurons),
		"neuron", p.Neuron,
		"text", p.Text,
	)
}

// neuronsTo is layout().neurons: [[{x, y}, ...], ...] by layer, or null.
func neuronsTo(ns [][]render.Point) any {
	if ns == nil {
		return nil
	}
	layers := make([]any, len(ns))
	for l, col := range ns {
		c := make([]any, len(col))
		for i, p := range col {
			c[i] = object("x", p.X, "y", p.Y)
		}
		layers[l] = c
	}
	return layers
}
