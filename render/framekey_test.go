package render

import (
	"fmt"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/nn"
)

// A paused game with nothing changing draws its picture once and then leaves the screen
// alone; each kind of change draws it again, once.
func TestDrawSkipsUnchangedFrames(t *testing.T) {
	st := newTestState(t, []int{2, 3, 2}, nn.Sigmoid, nn.Quadratic, "notebook", 0)
	in := &stillInput{}
	g := newGame(st, in)
	screen := ebiten.NewImage(640, 480)
	frame := func() { t.Helper(); drawFrame(t, g, screen, 640, 480, 1) }
	settle := func(what string) {
		t.Helper()
		before := g.paints
		for range 5 {
			frame()
		}
		if got := g.paints - before; got != 1 {
			t.Errorf("%s: %d pictures drawn in 5 frames, want 1 (then none while nothing changes)", what, got)
		}
	}
	settle("the first frames")
	for range 3 {
		frame()
	}
	if g.paints != 1 {
		t.Errorf("paused and unchanged: %d pictures, want still 1", g.paints)
	}

	if err := st.Step(1); err != nil {
		t.Fatal(err)
	}
	settle("a training step")
	if _, err := st.AddPoint(1, 1, 1); err != nil {
		t.Fatal(err)
	}
	settle("a new point")
	px, py := planeView{plot: g.ly.Plot, view: g.snap.View}.toPx(1, 1)
	in.x, in.y, in.on = px, py, true
	settle("the mouse over a point")
	in.x, in.y = 2, 2
	settle("the mouse away from it")
	g.SetHeatmaps(false)
	settle("heatmaps off")
	g.ShowCard("chart") // every card shows at this size: nothing changes
	before := g.paints
	frame()
	frame()
	if g.paints != before {
		t.Errorf("choosing a card that already shows drew %d pictures", g.paints-before)
	}
}

// clockInput is no input, at 60 frames a second.
type clockInput struct{ now time.Duration }

func (c *clockInput) read(f *inputFrame) {
	c.now += time.Second / 60
	f.now, f.hasPointer, f.down, f.rightPress, f.keys = c.now, false, false, false, f.keys[:0]
}

// While training, the neurons' heatmaps follow the weights at most every heatInterval; once
// paused they show the last weights.
func TestHeatmapsFollowTrainingCalmly(t *testing.T) {
	st := newTestState(t, []int{2, 3, 2}, nn.Sigmoid, nn.Quadratic, "notebook", 0)
	in := &clockInput{}
	g := newGame(st, in)
	screen := ebiten.NewImage(640, 480)
	frame := func() { t.Helper(); drawFrame(t, g, screen, 640, 480, 1) }
	frame()
	st.Play()
	updates, last := 0, g.heat.version
	const frames = 60 // one second
	for range frames {
		frame()
		if g.heat.version != last {
			updates++
			last = g.heat.version
		}
	}
	// Every seventh frame at 60 frames a second (6 frames fall a few ns short of 100 ms).
	if most := int(time.Second/heatInterval) + 1; updates > most || updates < most/2 {
		t.Errorf("%d heatmap updates in a second of training, want %d to %d", updates, most/2, most)
	}
	st.Pause()
	frame()
	if g.heat.version != g.snap.WeightsVersion {
		t.Errorf("paused: the heatmaps show weights version %d, the network is at %d", g.heat.version, g.snap.WeightsVersion)
	}
}

// A partial picture (training moved on, nothing else) looks like the whole picture drawn
// afresh, pixel for pixel, within the rounding of blending.
func TestPartialPictureMatchesAWholeOne(t *testing.T) {
	for _, sz := range [][3]float64{{1000, 700, 1}, {390, 464, 2}, {900, 251, 1}, {480, 308, 1}, {1616, 1080, 1}} {
		st := newTestState(t, []int{2, 3, 2}, nn.Sigmoid, nn.Quadratic, "notebook", 0)
		g := newGame(st, &stillInput{})
		w, h := int(sz[0]*sz[2]), int(sz[1]*sz[2])
		screen := ebiten.NewImage(w, h)
		frame := func(dst *ebiten.Image) { t.Helper(); drawFrame(t, g, dst, sz[0], sz[1], sz[2]) }
		frame(screen)
		for range 3 {
			if err := st.Step(7); err != nil {
				t.Fatal(err)
			}
			frame(screen)
			if !g.partial {
				t.Fatalf("%v: a training step drew the whole picture, want a partial one", sz)
			}
		}
		fresh := ebiten.NewImage(w, h)
		frame(fresh) // a new screen: drawn whole
		if g.partial {
			t.Fatalf("%v: a new screen got a partial picture", sz)
		}
		a, b := make([]byte, 4*w*h), make([]byte, 4*w*h)
		screen.ReadPixels(a)
		fresh.ReadPixels(b)
		bad, worst := 0, 0
		for i := range a {
			d := int(a[i]) - int(b[i])
			if d < 0 {
				d = -d
			}
			worst = max(worst, d)
			if d > 2 {
				bad++
			}
		}
		if bad > 0 {
			saveScreenshot(t, screen, fmt.Sprintf("partial-%gx%g.png", sz[0], sz[1]))
			saveScreenshot(t, fresh, fmt.Sprintf("whole-%gx%g.png", sz[0], sz[1]))
			t.Errorf("%v: %d channel values differ by more than 2 (worst %d) between the partial and the whole picture", sz, bad, worst)
		}
	}
}
