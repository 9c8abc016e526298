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

func (g *game) Update() error { g.n++; return nil }

func (g *game) Draw(screen *ebiten.Image) {
	screen.Fill(color.RGBA{0xf3, 0xf5, 0xf8, 0xff})
}

func (g *game) Layout(int, int) (int, int) { panic("LayoutF is used") }

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
