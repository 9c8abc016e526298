//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// wasmStartTimeout bounds the download and compilation of main.wasm in
// SwiftShader-backed headless Chromium on a loaded 2-core machine.
const wasmStartTimeout = 60 * time.Second

// gameRunning is true once ebiten's canvas fills the page's body, from the
// window's corner (mouse positions assume it), and the loading message is gone.
const gameRunning = `(() => {
	const c = document.querySelector("canvas");
	const s = document.getElementById("status");
	if (c === null || s === null || !s.hidden) return false;
	const r = c.getBoundingClientRect();
	return r.left === 0 && r.top === 0 && r.width > 0 && r.height > 0 &&
		c.clientWidth === document.body.clientWidth && c.clientHeight === document.body.clientHeight;
})()`

func TestEmbedPageRunsTheWasm(t *testing.T) {
	srv := server(t)
	p := newPage(t)
	p.Do("opening embed.html", chromedp.Navigate(srv.URL+"embed.html"))
	p.WaitFor("the game's canvas", gameRunning, wasmStartTimeout)
	p.NextFrames(3)

	img := p.Screenshot("running")
	if b := img.Bounds(); b.Dx() != viewportWidth || b.Dy() != viewportHeight {
		t.Errorf("the screenshot is %dx%d; want the viewport, %dx%d", b.Dx(), b.Dy(), viewportWidth, viewportHeight)
	}
	if n := colours(img, 2); n < 2 {
		t.Errorf("the screenshot is one flat colour: the game drew nothing")
	}
	if scroll := Eval[bool](p, `document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight`); scroll {
		t.Errorf("embed.html scrolls; want the canvas to fit the window exactly")
	}
	if exited := Eval[string](p, `document.getElementById("status").className`); exited != "" {
		t.Errorf("the status message has class %q; want none (no failure)", exited)
	}
	p.ExpectNoConsoleErrors()
}

// TestIndexHasEveryControlBesideTheCanvas checks the app page's layout: the
// canvas from the window's corner, the controls in a panel beside it, and
// nothing overlapping or scrolling.
func TestIndexHasEveryControlBesideTheCanvas(t *testing.T) {
	srv := server(t)
	p := newPage(t)
	p.Do("opening /", chromedp.Navigate(srv.URL))
	p.WaitFor("the game's canvas", gameRunning, wasmStartTimeout)
	p.WaitFor("the controls", `document.getElementById("nnviz-play") !== null`, wasmStartTimeout)
	layout := Eval[map[string]float64](p, `(() => {
		const c = document.querySelector("canvas").getBoundingClientRect();
		const a = document.getElementById("nnviz-panel").getBoundingClientRect();
		return {canvasRight: c.right, canvasBottom: c.bottom, panelLeft: a.left, panelRight: a.right,
			width: innerWidth, height: innerHeight,
			scroll: document.documentElement.scrollWidth - innerWidth + document.documentElement.scrollHeight - innerHeight};
	})()`)
	if layout["canvasRight"] > layout["panelLeft"] || layout["panelRight"] != layout["width"] || layout["canvasBottom"] != layout["height"] {
		t.Errorf("layout %v: want the canvas left of the panel, the panel at the right edge", layout)
	}
	if layout["scroll"] > 0 {
		t.Errorf("the page scrolls: %v", layout)
	}
	for _, id := range []string{"nnviz-play", "nnviz-step", "nnviz-reset", "nnviz-seed", "nnviz-lr", "nnviz-speed",
		"nnviz-mode", "nnviz-activation", "nnviz-cost", "nnviz-label", "nnviz-data", "nnviz-undo", "nnviz-copy-link", "nnviz-teach-open"} {
		if !Eval[bool](p, `document.getElementById("`+id+`") !== null`) {
			t.Errorf("the app page has no #%s", id)
		}
	}
	p.NextFrames(3)
	p.Screenshot("index")
	p.ExpectNoConsoleErrors()
}

// TestEmbedPageSaysWhyWithoutTheWasm serves pages whose main.wasm was never
// built: the page must say so, and how to build it, instead of staying blank.
func TestEmbedPageSaysWhyWithoutTheWasm(t *testing.T) {
	srv := startServer(t, "-dir", copyPages(t))
	p := newPage(t)
	p.Do("opening embed.html", chromedp.Navigate(srv.URL+"embed.html"))
	p.WaitFor("the failure message", `(() => {
		const s = document.getElementById("status");
		return !s.hidden && s.className === "status-error" && s.textContent.includes("make build");
	})()`, wasmStartTimeout)
	p.Screenshot("no-wasm")
	p.ExpectConsoleError(regexp.MustCompile(`503`))
	p.ExpectConsoleError(regexp.MustCompile(`nnviz: nnviz could not start: main.wasm: 503`))
}

// TestEmbedPageSaysWhyWithoutWebGL runs a browser with WebGL turned off.
func TestEmbedPageSaysWhyWithoutWebGL(t *testing.T) {
	srv := server(t)
	p := newPage(t, chromedp.Flag("disable-3d-apis", true))
	p.Do("opening embed.html", chromedp.Navigate(srv.URL+"embed.html"))
	p.WaitFor("the WebGL2 message", `(() => {
		const s = document.getElementById("status");
		return !s.hidden && s.className === "status-error" && s.textContent.includes("WebGL2");
	})()`, wasmStartTimeout)
	if canvas := Eval[bool](p, `document.querySelector("canvas") !== null`); canvas {
		t.Errorf("the game started without WebGL2")
	}
	p.Screenshot("no-webgl")
	p.ExpectConsoleError(regexp.MustCompile(`needs WebGL2`))
}

// TestHarnessSeesCSPViolations checks both that the server's CSP refuses an
// inline script and that the console collector reports it: without this,
// "no console errors" above could pass with a blind collector.
func TestHarnessSeesCSPViolations(t *testing.T) {
	dir := copyPages(t)
	page := `<!doctype html><title>inline</title><script>document.title = "ran";</script>`
	if err := os.WriteFile(filepath.Join(dir, "inline.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, "-dir", dir)
	p := newPage(t)
	p.Do("opening inline.html", chromedp.Navigate(srv.URL+"inline.html"))
	p.ExpectConsoleError(regexp.MustCompile(`Content Security Policy`))
	if title := Eval[string](p, `document.title`); title == "ran" {
		t.Errorf("the inline script ran despite the CSP")
	}
}
