//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// stepDrawCalls opens the page at path, lets it settle and returns how many WebGL draw calls
// the frames of one training step make (the step redraws the boundary, the heatmaps, the
// diagram and the chart).
func stepDrawCalls(t *testing.T, path string) int {
	t.Helper()
	srv := server(t)
	p := newPage(t)
	countDrawCallsIn(p)
	// Wide enough for the network to show beside the plane, its neurons filled with heatmaps.
	p.Do("opening "+path, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+path))
	p.WaitFor("window.nnviz", ready, wasmStartTimeout)
	if !Eval[bool](p, `"network" in nnviz.layout().cards && nnviz.heatmaps()`) {
		t.Fatalf("the network's heatmaps do not show: layout %v", Eval[any](p, `nnviz.layout()`))
	}
	waitSettled(p)
	calls := Eval[int](p, `(async () => {
		const before = window.__nnvizDrawCalls;
		nnviz.step(1);
		for (let i = 0; i < 10; i++) await new Promise(requestAnimationFrame);
		return window.__nnvizDrawCalls - before;
	})()`)
	p.ExpectNoConsoleErrors()
	return calls
}

// TestNeuronHeatmapsCostNoDrawCallsEach: every neuron's heatmap is evaluated and coloured in
// one draw call each for all of them, so a network of 36 neurons draws a step in about as many
// calls as one of 7 (a pass per neuron would add two calls a neuron, 58 here).
func TestNeuronHeatmapsCostNoDrawCallsEach(t *testing.T) {
	small := stepDrawCalls(t, "?data=spiral&n=200&layers=2,3,2&activation=tanh")
	deep := stepDrawCalls(t, "?data=spiral&n=200&layers=2,8,8,8,8,2&activation=tanh")
	t.Logf("one step: %d draw calls for 7 neurons, %d for 36", small, deep)
	if small == 0 {
		t.Fatal("the step drew nothing: the counter does not see the game's draw calls")
	}
	if deep > small+4 {
		t.Errorf("one step of 36 neurons makes %d draw calls, of 7 neurons %d: the heatmaps cost draw calls per neuron", deep, small)
	}
}
