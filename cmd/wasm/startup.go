//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/nnviz/nnviz/render"
)

// Start-up is marked on the page's performance timeline (performance.mark), so that a
// benchmark, or a learner's browser tools, can tell where the time to the first frame goes:
// embed.js marks nnviz:fetch and nnviz:compiled; main marks nnviz:main when the Go runtime
// has started and run every package's init, nnviz:built when the playground and the renderer
// are made; the game marks nnviz:update at ebiten's first Update (ebiten and WebGL started)
// and nnviz:drawn when its first Draw returns (shaders compiled, first picture drawn).
func mark(name string) {
	if p := js.Global().Get("performance"); p.Truthy() && p.Get("mark").Truthy() {
		p.Call("mark", "nnviz:"+name)
	}
}

// markedGame is the renderer with its first Update and first Draw marked.
type markedGame struct {
	*render.Game
	updated, drawn bool
}

// Update marks the first Update, then updates the game.
func (g *markedGame) Update() error {
	if !g.updated {
		g.updated = true
		mark("update")
	}
	return g.Game.Update()
}

// Draw draws the game, then marks the first Draw.
func (g *markedGame) Draw(screen *ebiten.Image) {
	g.Game.Draw(screen)
	if !g.drawn {
		g.drawn = true
		mark("drawn")
	}
}
