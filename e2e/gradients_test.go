//go:build e2e

package e2e

import (
	"image"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// diagramDiff counts the pixels of the network card that differ between two screenshots of
// the same page (CSS and device pixels are the same here: scale 1).
func diagramDiff(a, b image.Image, card box) int {
	n := 0
	for y := int(card.Y); y < int(card.Y+card.H); y++ {
		for x := int(card.X); x < int(card.X+card.W); x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2) > 3*0x0800 {
				n++
			}
		}
	}
	return n
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// TestGradientsToggleRecoloursTheEdges trains a deep sigmoid network, pauses, and turns the
// panel's "Gradients on the edges" on: the network card's edges change (the weights do not),
// state() and the share link say so, and turning it off brings the weights' picture back.
func TestGradientsToggleRecoloursTheEdges(t *testing.T) {
	srv := server(t)
	p := newPage(t)
	p.Do("sizing the viewport", chromedp.EmulateViewport(1280, 800))
	p.Do("opening the page", chromedp.Navigate(srv.URL+"?data=xor&layers=2,6,6,6,2&speed=5&autoplay=1"))
	p.WaitFor("window.nnviz", ready, wasmStartTimeout)
	p.WaitFor("some training", `nnviz.status().steps >= 30`, 60*time.Second)
	Eval[any](p, `nnviz.pause()`)
	p.NextFrames(3)
	card := Eval[box](p, `nnviz.layout().cards.network`)
	weights := p.Screenshot("weights")
	p.Do("turning the gradients on", chromedp.Click(chromedp.ID("nnviz-gradients")))
	p.WaitFor("state().gradients", `nnviz.state().gradients === true`, 5*time.Second)
	p.NextFrames(3)
	grads := p.Screenshot("gradients")
	if n := diagramDiff(weights, grads, card); n < 500 {
		t.Errorf("with gradients on, %d pixels of the network card changed, want the edges recoloured", n)
	}
	if !Eval[bool](p, `nnviz.share(false).split("&").includes("gradients=1")`) {
		t.Error("the share link lacks gradients=1")
	}
	// Training on, the edges follow each step's dw.
	Eval[any](p, `nnviz.play()`)
	p.WaitFor("more training", `nnviz.status().steps >= 60`, 60*time.Second)
	Eval[any](p, `nnviz.pause()`)
	p.Do("turning the gradients off", chromedp.Click(chromedp.ID("nnviz-gradients")))
	p.WaitFor("state().gradients", `nnviz.state().gradients === false`, 5*time.Second)
	p.ExpectNoConsoleErrors()
}

// TestGradientsFromTheAddress opens gradients=1: the checkbox is on.
func TestGradientsFromTheAddress(t *testing.T) {
	p := open(t, "?gradients=1")
	if !Eval[bool](p, `document.getElementById("nnviz-gradients").checked && nnviz.state().gradients`) {
		t.Error("gradients=1 did not turn the gradients on")
	}
}

// TestWalkThroughPutsBackpropOnTheDiagram walks the notebook's step: at the δ stage the
// network card differs from the forward stage before it (δ replaces the activations on the
// neurons), and at the dw stage the edges change (dw replaces w). The screenshots of the
// update stage and the others are for a person to look at.
func TestWalkThroughPutsBackpropOnTheDiagram(t *testing.T) {
	srv := server(t)
	p := newPage(t)
	p.Do("sizing the viewport", chromedp.EmulateViewport(1280, 800))
	p.Do("opening the page", chromedp.Navigate(srv.URL+"?weights=notebook&teach=0"))
	p.WaitFor("window.nnviz", ready, wasmStartTimeout)
	p.WaitFor("the walk-through", `!document.getElementById("nnviz-teach").hidden`, wasmStartTimeout)
	card := Eval[box](p, `nnviz.layout().cards.network`)
	shot := func(stage int, name string) image.Image {
		Eval[any](p, `nnviz.teachStage(`+strconv.Itoa(stage)+`)`)
		p.NextFrames(3)
		return p.Screenshot(name)
	}
	cost := shot(6, "stage-07-cost")
	delta := shot(9, "stage-10-delta2")
	biases := shot(10, "stage-11-db")
	dw := shot(11, "stage-12-dw")
	shot(12, "stage-13-update")
	if n := diagramDiff(cost, delta, card); n < 200 {
		t.Errorf("δ on the neurons: %d pixels of the network card changed from the cost stage", n)
	}
	if n := diagramDiff(biases, dw, card); n < 500 {
		t.Errorf("dw on the edges: %d pixels of the network card changed from the db stage", n)
	}
	p.ExpectNoConsoleErrors()
}

// TestWalkThroughSettlesAtABackwardStage opens the walk-through at the dw stage, whose
// diagram shows the stage's numbers: once settled, its frames draw nothing, as a paused page's.
func TestWalkThroughSettlesAtABackwardStage(t *testing.T) {
	srv := server(t)
	p := newPage(t)
	countDrawCallsIn(p)
	p.Do("opening the walk-through", chromedp.Navigate(srv.URL+"?weights=notebook&teach=0"))
	p.WaitFor("window.nnviz", ready, wasmStartTimeout)
	Eval[any](p, `nnviz.teachStage(11)`)
	waitSettled(p)
	calls := Eval[int](p, `(async () => {
		const before = window.__nnvizDrawCalls;
		for (let n = 0; n < 60; n++) await new Promise(requestAnimationFrame);
		return window.__nnvizDrawCalls - before;
	})()`)
	if calls != 0 {
		t.Errorf("the walk-through at its dw stage, settled: %d draw calls in 60 frames, want 0", calls)
	}
	// The next stage (the update) draws again.
	Eval[any](p, `nnviz.teachStage(12)`)
	if n := Eval[int](p, `(async () => {
		const before = window.__nnvizDrawCalls;
		for (let n = 0; n < 10; n++) await new Promise(requestAnimationFrame);
		return window.__nnvizDrawCalls - before;
	})()`); n == 0 {
		t.Error("moving to the update stage drew nothing")
	}
	p.ExpectNoConsoleErrors()
}
