//go:build js && wasm

// Command bare is the reference page of the browser benchmark: an ebiten game that does
// nothing but fill its screen every frame, at the window's size and device scale, as nnviz
// does. What it costs is the floor any ebiten page pays in the same browser.
//
// With ?idle in its address it is the floor of a page at rest instead: it fills its screen
// once and then draws nothing, keeping the picture (ebiten's SetScreenClearedEveryFrame(false)),
// as a paused nnviz does.
package main

import (
	"image/color"
	"math"
	"strings"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

type game struct {
	n    int
	idle bool
}

// Update counts the frames.
func (g *game) Update() error { g.n++; return nil }

// Draw fills the screen, the least any ebiten page does a frame; idle, only the first time.
func (g *game) Draw(screen *ebiten.Image) {
	if g.idle && g.n > 1 {
		return
	}
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
	g := &game{idle: strings.Contains(js.Global().Get("location").Get("search").String(), "idle")}
	ebiten.SetScreenClearedEveryFrame(!g.idle)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := ebiten.RunGame(g); err != nil {
		panic(err)
	}
}
