//go:build e2e

package e2e

import (
	"fmt"
	"math"
	"testing"

	"github.com/chromedp/chromedp"
)

// ready is true once window.nnviz exists, which happens after the first frame is drawn.
const ready = `typeof window.nnviz === "object" && typeof window.nnviz.state === "function"`

// open navigates a new page to path on the shared server and waits for window.nnviz.
func open(t *testing.T, path string) *Page {
	t.Helper()
	srv := server(t)
	p := newPage(t)
	p.Do("opening "+path, chromedp.Navigate(srv.URL+path))
	p.WaitFor("window.nnviz", ready, wasmStartTimeout)
	p.NextFrames(2)
	return p
}

// state is what window.nnviz.state() returns, as far as the tests read it.
type state struct {
	Points []struct {
		X, Y  float64
		Label int
	}
	Layers       []int
	Activation   string
	Cost         string
	LearningRate float64
	Mode         string
	Batch        int
	Seed         float64
	Steps        int
	Epoch        int
	Loss         float64
	Accuracy     float64
	Running      bool
	FPS          float64
	Selected     int
}

func getState(p *Page) state {
	p.t.Helper()
	return Eval[state](p, `nnviz.state()`)
}

type xy struct{ X, Y float64 }

// toScreen is where data point (x, y) lies, in CSS pixels of the page.
func toScreen(p *Page, x, y float64) xy {
	p.t.Helper()
	return Eval[xy](p, fmt.Sprintf(`nnviz.toScreen(%v, %v)`, x, y))
}

// thrown evaluates a call that must throw, and returns the Error's message ("" if it did not
// throw an Error).
func thrown(p *Page, call string) string {
	p.t.Helper()
	return Eval[string](p, `(() => { try { `+call+`; return ""; } catch (e) { return e instanceof Error ? e.message : "not an Error: " + e; } })()`)
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }
