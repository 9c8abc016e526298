//go:build e2e

package e2e

import (
	"context"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// countDrawCalls wraps WebGL's draw calls, in every frame of the page before its own scripts
// run, so that window.__nnvizDrawCalls counts them.
const countDrawCalls = `(() => {
  window.__nnvizDrawCalls = 0;
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements']) {
      const f = C.prototype[name];
      if (typeof f !== 'function') continue;
      C.prototype[name] = function (...args) { window.__nnvizDrawCalls++; return f.apply(this, args); };
    }
  }
})()`

// countDrawCallsIn makes every page p opens from now on count its WebGL draw calls in
// window.__nnvizDrawCalls.
func countDrawCallsIn(p *Page) {
	p.t.Helper()
	p.Do("counting draw calls", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: countDrawCalls})
		return err
	}))
}

// waitSettled waits until two stretches of 10 frames in a row pass without a draw call.
func waitSettled(p *Page) {
	p.t.Helper()
	p.WaitFor("a settled page", `(async () => {
		for (let quiet = 0, tries = 0; tries < 600; tries++) {
			const before = window.__nnvizDrawCalls;
			for (let i = 0; i < 10; i++) await new Promise(requestAnimationFrame);
			quiet = window.__nnvizDrawCalls === before ? quiet + 1 : 0;
			if (quiet >= 2) return true;
		}
		return false;
	})()`, actionTimeout)
}

// TestPausedPageDrawsNothing: once a paused page has settled, its frames go on (the page's
// requestAnimationFrame keeps running) but the GPU is asked to draw nothing. Training, a
// hover and a click each draw again.
func TestPausedPageDrawsNothing(t *testing.T) {
	srv := server(t)
	p := newPage(t)
	countDrawCallsIn(p)
	p.Do("opening /", chromedp.Navigate(srv.URL))
	p.WaitFor("window.nnviz", ready, wasmStartTimeout)
	waitSettled(p)

	measure := func(frames int) (calls int, rafs int) {
		got := Eval[[2]int](p, `(async () => {
			const before = window.__nnvizDrawCalls;
			let n = 0;
			while (n < `+strconv.Itoa(frames)+`) { await new Promise(requestAnimationFrame); n++; }
			return [window.__nnvizDrawCalls - before, n];
		})()`)
		return got[0], got[1]
	}
	if calls, rafs := measure(60); calls != 0 {
		t.Errorf("paused and settled: %d draw calls in %d frames, want 0", calls, rafs)
	}

	// The counter sees real drawing: a training step draws.
	Eval[any](p, `nnviz.step(1)`)
	if calls, _ := measure(10); calls == 0 {
		t.Error("a training step drew nothing: the counter does not see the game's draw calls")
	}
	p.ExpectNoConsoleErrors()
}
