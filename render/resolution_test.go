package render

import (
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// Training at slow frames makes the boundary's grid coarser, step by step up to maxDiv; fast
// frames make it finer again after a while; at rest it is per device pixel.
func TestResolutionAdaptsToTheFrameTime(t *testing.T) {
	var r resolution
	now := time.Duration(0)
	run := func(frames int, dt time.Duration, training bool) int {
		div := 0
		for range frames {
			now += dt
			div = r.frame(now, training)
		}
		return div
	}
	if div := run(60, 16*time.Millisecond, true); div != 1 {
		t.Errorf("training at 60 frames/s: div %d, want 1", div)
	}
	if div := run(10, 100*time.Millisecond, true); div < 2 {
		t.Errorf("training at 10 frames/s for a second: div %d, want coarser than 1", div)
	}
	if div := run(100, 100*time.Millisecond, true); div != maxDiv {
		t.Errorf("training at 10 frames/s for 10 s: div %d, want %d", div, maxDiv)
	}
	if div := run(1, 100*time.Millisecond, false); div != 1 {
		t.Errorf("paused: div %d, want 1 (every device pixel at rest)", div)
	}
	if div := run(60*10, 16*time.Millisecond, true); div != 1 {
		t.Errorf("training at 60 frames/s again for 10 s: div %d, want back to 1", div)
	}
}

// A coarse boundary is drawn upscaled over the whole plot, and at rest the field is made again
// per device pixel.
func TestCoarseBoundaryCoversThePlot(t *testing.T) {
	st := newTestState(t, []int{2, 3, 2}, 0, 0, "notebook", 0)
	g := newGame(st, &stillInput{})
	g.res = resolution{div: 3, last: time.Hour} // as if training had been slow
	st.Play()
	screen := ebiten.NewImage(640, 480)
	drawFrame(t, g, screen, 640, 480, 1)
	if g.field.div != 3 {
		t.Fatalf("training with div 3: the field was made at div %d", g.field.div)
	}
	// The plot's corners are painted by the boundary (not the card's white).
	pl := g.ly.Plot
	for _, p := range [][2]int{{int(pl.X0) + 1, int(pl.Y0) + 1}, {int(pl.X1) - 2, int(pl.Y1) - 2}} {
		if r, gg, b, _ := screen.At(p[0], p[1]).RGBA(); r == 0xffff && gg == 0xffff && b == 0xffff {
			t.Errorf("the plot's pixel %v is white: the coarse boundary does not cover the plot", p)
		}
	}
	st.Pause()
	drawFrame(t, g, screen, 640, 480, 1)
	if g.field.div != 1 {
		t.Errorf("paused: the field is at div %d, want 1", g.field.div)
	}
}
