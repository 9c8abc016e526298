//go:build e2e

package e2e

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestPageOpensOnTheNotebook(t *testing.T) {
	for _, path := range []string{"", "embed.html"} {
		t.Run("/"+path, func(t *testing.T) {
			p := open(t, path)
			s := getState(p)
			if len(s.Points) != 10 || s.Points[0].X != 1.2 || s.Points[0].Y != 0.7 || s.Points[0].Label != 1 {
				t.Errorf("points = %v, want the notebook's ten, starting at [1.2, 0.7] label 1", s.Points)
			}
			if len(s.Layers) != 3 || s.Activation != "sigmoid" || s.Cost != "quadratic" || s.LearningRate != 0.1 {
				t.Errorf("network = %v %s %s lr %v, want the notebook's", s.Layers, s.Activation, s.Cost, s.LearningRate)
			}
			if scroll := Eval[bool](p, `document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight`); scroll {
				t.Error("the page scrolls; want everything to fit the window")
			}
			p.Screenshot("opened")
			p.ExpectNoConsoleErrors()
		})
	}
}

// TestClicksAddRelabelMoveAndRemovePoints drives the plane with real mouse events at the
// positions toScreen gives.
func TestClicksAddRelabelMoveAndRemovePoints(t *testing.T) {
	p := open(t, "embed.html")
	before := getState(p)

	// A click on empty plane adds a point of the selected class (1).
	at := toScreen(p, 0.5, -3.5)
	click(p, at)
	s := getState(p)
	if len(s.Points) != len(before.Points)+1 {
		t.Fatalf("after a click on empty plane: %d points, want %d", len(s.Points), len(before.Points)+1)
	}
	added := s.Points[len(s.Points)-1]
	if !near(added.X, 0.5, 0.05) || !near(added.Y, -3.5, 0.05) || added.Label != 1 {
		t.Errorf("added point = %+v, want about (0.5, -3.5) with label 1", added)
	}
	p.Screenshot("added")

	// A click on that point flips its label.
	click(p, toScreen(p, added.X, added.Y))
	s = getState(p)
	if got := s.Points[len(s.Points)-1]; got.Label != -1 || len(s.Points) != len(before.Points)+1 {
		t.Errorf("after clicking the point: %+v (of %d points), want label -1 and no new point", got, len(s.Points))
	}

	// Shift-click adds the other class.
	holding(p, chromedp.ModifierShift, func() {
		click(p, toScreen(p, 4.5, 2.5), chromedp.ButtonModifiers(chromedp.ModifierShift))
	})
	s = getState(p)
	if got := s.Points[len(s.Points)-1]; len(s.Points) != len(before.Points)+2 || got.Label != -1 {
		t.Errorf("after a shift-click: %d points, last %+v; want a new point of class -1", len(s.Points), got)
	}

	// Dragging a point moves it.
	last := s.Points[len(s.Points)-1]
	drag(p, toScreen(p, last.X, last.Y), toScreen(p, 3.5, 3))
	s = getState(p)
	if got := s.Points[len(s.Points)-1]; !near(got.X, 3.5, 0.06) || !near(got.Y, 3, 0.06) || got.Label != -1 {
		t.Errorf("after a drag: %+v, want about (3.5, 3), label kept", got)
	}

	// Right-click removes it.
	moved := s.Points[len(s.Points)-1]
	click(p, toScreen(p, moved.X, moved.Y), chromedp.ButtonRight)
	if s = getState(p); len(s.Points) != len(before.Points)+1 {
		t.Errorf("after a right-click on a point: %d points, want %d", len(s.Points), len(before.Points)+1)
	}

	// Ctrl+Z on the canvas undoes the removal; Ctrl+Shift+Z redoes it.
	key(p, "z", "KeyZ", 90, chromedp.ModifierCtrl)
	if s = getState(p); len(s.Points) != len(before.Points)+2 {
		t.Errorf("after Ctrl+Z: %d points, want the removed point back (%d)", len(s.Points), len(before.Points)+2)
	}
	key(p, "Z", "KeyZ", 90, chromedp.ModifierCtrl|chromedp.ModifierShift)
	if s = getState(p); len(s.Points) != len(before.Points)+1 {
		t.Errorf("after Ctrl+Shift+Z: %d points, want %d", len(s.Points), len(before.Points)+1)
	}
	p.Screenshot("edited")
	p.ExpectNoConsoleErrors()
}

// planePixels returns the screenshot's pixels inside the plane's data rectangle.
func planePixels(p *Page, img image.Image, x0, y0, x1, y1 float64) []color.Color {
	a, b := toScreen(p, x0, y1), toScreen(p, x1, y0)
	dpr := Eval[float64](p, `devicePixelRatio`)
	var px []color.Color
	for y := int(a.Y * dpr); y < int(b.Y*dpr); y += 3 {
		for x := int(a.X * dpr); x < int(b.X*dpr); x += 3 {
			px = append(px, img.At(x, y))
		}
	}
	return px
}

func TestTrainingChangesTheBoundary(t *testing.T) {
	p := open(t, "embed.html")
	before := planePixels(p, p.Screenshot("before"), -1.5, -4, 5.5, 3)
	Eval[chromedp.Void](p, `nnviz.step(300)`)
	p.NextFrames(3)
	after := planePixels(p, p.Screenshot("after-300-steps"), -1.5, -4, 5.5, 3)
	if len(before) == 0 || len(before) != len(after) {
		t.Fatalf("sampled %d and %d pixels of the plane", len(before), len(after))
	}
	changed := 0
	for i := range before {
		r0, g0, b0, _ := before[i].RGBA()
		r1, g1, b1, _ := after[i].RGBA()
		if r0 != r1 || g0 != g1 || b0 != b1 {
			changed++
		}
	}
	if changed < len(before)/10 {
		t.Errorf("after 300 training steps only %d of %d plane pixels changed", changed, len(before))
	}
	if s := getState(p); s.Steps != 300 {
		t.Errorf("steps = %d, want 300", s.Steps)
	}
}

// TestPlayingTrainsEveryFrameAndReportsFPS plays for two seconds while the page counts its own
// animation frames: at speed 1 training takes one step per frame, and state().fps reports the
// rate frames really came at (whatever this machine's software GPU manages).
func TestPlayingTrainsEveryFrameAndReportsFPS(t *testing.T) {
	p := open(t, "embed.html?speed=1")
	got := Eval[map[string]float64](p, `(async () => {
		let frames = 0, on = true;
		const count = () => { if (on) { frames++; requestAnimationFrame(count); } };
		requestAnimationFrame(count);
		const t0 = performance.now(), s0 = nnviz.state().steps;
		nnviz.play();
		await new Promise((r) => setTimeout(r, 3000));
		const s = nnviz.state();
		nnviz.pause();
		on = false;
		const secs = (performance.now() - t0) / 1000;
		return {steps: s.steps - s0, frames, secs, fps: s.fps, running: s.running ? 1 : 0};
	})()`)
	t.Logf("3 s of play: %v", got)
	if got["running"] != 1 || got["steps"] < 3 {
		t.Fatalf("play did not train: %v", got)
	}
	pageFPS := got["frames"] / got["secs"]
	if r := got["steps"] / got["frames"]; r < 0.6 || r > 1.4 {
		t.Errorf("%v steps in %v animation frames at speed 1; want one step per frame", got["steps"], got["frames"])
	}
	if r := got["fps"] / pageFPS; r < 0.5 || r > 2 {
		t.Errorf("state().fps = %.1f, but the page saw %.1f frames per second", got["fps"], pageFPS)
	}
}

func TestAPIErrorsAreErrorsAndNothingCrashes(t *testing.T) {
	p := open(t, "embed.html")
	tests := []struct{ call, want string }{
		{`nnviz.addPoint("a", 1, 1)`, "argument 1 (x): want a number"},
		{`nnviz.addPoint(1, 2, 0)`, "label"},
		{`nnviz.addPoint(1, NaN, 1)`, "argument 2 (y): want a finite number"},
		{`nnviz.setLabel(99, 1)`, "point 99"},
		{`nnviz.removePoint(-1)`, "point -1"},
		{`nnviz.step(0)`, "out of range"},
		{`nnviz.step(1.5)`, "whole number"},
		{`nnviz.setWeights([{w: [[1]], b: [1]}])`, "want 2"},
		{`nnviz.setWeights([{w: [[1, 2]], b: [1]}, {w: [[1, 2, 3]], b: [1]}])`, "w_2"},
		{`nnviz.setWeights("x")`, "want an array"},
		{`nnviz.setPoints([{x: 1, y: 2}])`, "points[0].label"},
		{`nnviz.configure({layers: [2, 99, 2]})`, "99"},
		{`nnviz.configure({colour: "red"})`, "not a setting"},
		{`nnviz.trace(10)`, "point 10"},
		{`nnviz.on("explode", () => {})`, "unknown event"},
		{`nnviz.reset(-5)`, "seed"},
	}
	for _, tc := range tests {
		if got := thrown(p, tc.call); got == "" || !strings.Contains(got, tc.want) {
			t.Errorf("%s threw %q, want an Error mentioning %q", tc.call, got, tc.want)
		}
	}
	if s := getState(p); len(s.Points) != 10 || s.Steps != 0 {
		t.Errorf("rejected calls changed the state: %d points, %d steps", len(s.Points), s.Steps)
	}
	Eval[chromedp.Void](p, `nnviz.step(5)`)
	if s := getState(p); s.Steps != 5 {
		t.Errorf("after the errors the wasm no longer trains: steps %d", s.Steps)
	}
	p.ExpectNoConsoleErrors()
}

func TestWeightsAndTraceRoundTrip(t *testing.T) {
	p := open(t, "embed.html")
	ok := Eval[bool](p, `(() => {
		const w = nnviz.weights();
		w[0].w[0][1] = 0.871;
		nnviz.setWeights(w);
		const again = nnviz.weights();
		return again.length === 2 && again[0].w.length === 3 && again[0].w[0].length === 2 && again[0].w[0][1] === 0.871;
	})()`)
	if !ok {
		t.Error("weights() -> setWeights() -> weights() did not round-trip")
	}
	names := Eval[[]string](p, `nnviz.trace(0).order`)
	want := []string{"a_1", "z_2", "a_2", "z_3", "a_3", "y", "C_x"}
	for i, n := range want {
		if i >= len(names) || names[i] != n {
			t.Fatalf("trace order = %v, want it to start %v", names, want)
		}
	}
	if names[len(names)-1] != "a_3_new" {
		t.Errorf("trace ends with %q, want a_3_new", names[len(names)-1])
	}
}

// TestTrainingPictureIsWhole: while training, only the cards' insides are painted again; a
// screenshot taken mid-training is saved to look at, and the picture after pausing (drawn
// whole) matches the one drawn partially just before, outside the plot and the chart.
func TestTrainingPictureIsWhole(t *testing.T) {
	p := open(t, "?data=spiral&n=200&layers=2,8,8,2&activation=tanh&autoplay=1")
	p.WaitFor("some training", `nnviz.state().steps > 200`, actionTimeout)
	p.Screenshot("training")
	Eval[any](p, `nnviz.pause()`)
	p.NextFrames(3)
	p.Screenshot("paused")
	p.ExpectNoConsoleErrors()
}
