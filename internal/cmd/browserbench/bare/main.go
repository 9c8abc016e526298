// Command bare is the reference page of the browser benchmark: an ebiten game that does
// nothing but fill its screen every frame, at the window's size and device scale, as nnviz
// does. What it costs is the floor any ebiten page pays in the same browser.
package main

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

type game struct{ n int }

// Update counts the frames.
func (g *game) Update() error { g.n++; return nil }

// Draw fills the screen, the least any ebiten page does a frame.
func (g *game) Draw(screen *ebiten.Image) {
	screen.Fill(color.RGBA{0xf3, 0xf5, 0xf8, 0xff})
}

// Layout is not called: ebiten calls LayoutF when a game has it.
func (g *game) Layout(int, int) (int, int) { panic("LayoutF is used") }

// LayoutF makes the screen as many device pixels as the canvas has, as nnviz does.
func (g *game) LayoutF(w, h float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	return math.Ceil(w * s), math.Ceil(h * s)
}

func main() {
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := ebiten.RunGame(&game{}); err != nil {
		panic(err)
	}
}
