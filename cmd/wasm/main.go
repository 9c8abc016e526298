// Command wasm is a placeholder for nnviz's browser entry point.
//
// It only fills the screen with a colour and prints "nnviz", so that the web
// bundle, the server and the browser tests can be built and checked before the
// real visualizer exists. The real entry point (app state from the URL, the
// window.nnviz API, render's Game) replaces this file.
package main

import (
	"image/color"
	"log"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/ebitenutil"
)

// background is a calm blue, easy to tell apart from a blank page in screenshots.
var background = color.RGBA{R: 0x2b, G: 0x4c, B: 0x7e, A: 0xff}

type game struct{}

func (game) Update() error { return nil }

func (game) Draw(screen *ebiten.Image) {
	screen.Fill(background)
	ebitenutil.DebugPrint(screen, "nnviz")
}

func (game) Layout(w, h int) (int, int) { return w, h }

func main() {
	ebiten.SetWindowTitle("nnviz")
	if err := ebiten.RunGame(game{}); err != nil {
		log.Fatal(err)
	}
}
