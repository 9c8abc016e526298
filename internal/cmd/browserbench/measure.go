//go:build !js

package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
)

// probe runs in every page before its own scripts: it counts WebGL draw calls and notes when
// window.nnviz appears.
const probe = `(() => {
  window.__bench = {draws: 0, ready: 0};
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements']) {
      const f = C.prototype[name];
      if (typeof f === 'function') C.prototype[name] = function (...a) { window.__bench.draws++; return f.apply(this, a); };
    }
  }
  let api;
  Object.defineProperty(window, 'nnviz', {configurable: true, get: () => api,
    set: (v) => { api = v; if (!window.__bench.ready) window.__bench.ready = performance.now(); }});
})()`

// measure opens url in a new tab at c's size and measures it for d after a second of warm-up.
func measure(parent context.Context, c benchCase, url string, d time.Duration) (figures, error) {
	ctx, cancel := chromedp.NewContext(parent)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, d+90*time.Second)
	defer cancelTime()
	var f figures
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(c.w, c.h),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			if _, err := cdp.Call(ctx, t, performance.Enable, performance.EnableParams{}); err != nil {
				return err
			}
			if c.tf {
				if err := loopbackOnly(ctx, t); err != nil {
					return err
				}
			}
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe})
			return err
		}),
		chromedp.Navigate(url),
	)
	if err != nil {
		return f, err
	}
	if err := poll(ctx, c.readyExpr()); err != nil {
		return f, fmt.Errorf("waiting for the page: %w", err)
	}
	if f.Ready, err = eval[float64](ctx, `window.__bench.ready / 1000`); err != nil {
		return f, err
	}
	if !c.bare && !c.tf {
		if f.Startup, err = startupPhases(ctx); err != nil {
			return f, err
		}
	}
	if c.tf && c.trains {
		if err := tfPlay(ctx); err != nil {
			return f, err
		}
	}
	if _, err := eval[any](ctx, `new Promise((ok) => setTimeout(ok, 1000))`); err != nil {
		return f, err
	}
	m0, err := eval[sample](ctx, c.stateExpr())
	if err != nil {
		return f, err
	}
	busy0, err := taskDuration(ctx)
	if err != nil {
		return f, err
	}
	start := time.Now()
	n, err := eval[float64](ctx, fmt.Sprintf(`(async () => {
		let n = 0; const end = performance.now() + %d;
		while (performance.now() < end) { await new Promise(requestAnimationFrame); n++; }
		return n; })()`, d.Milliseconds()))
	if err != nil {
		return f, err
	}
	wall := time.Since(start).Seconds()
	busy1, err := taskDuration(ctx)
	if err != nil {
		return f, err
	}
	m1, err := eval[sample](ctx, c.stateExpr())
	if err != nil {
		return f, err
	}
	secs := d.Seconds()
	f.FPS = n / secs
	f.Busy = (busy1 - busy0) / wall
	if n > 0 {
		f.DrawCalls = (m1.Draws - m0.Draws) / n
	}
	f.Samples = (m1.Steps - m0.Steps) * m1.PerStep / secs
	return f, nil
}

// sample is what a page's counters read at the start and the end of a measurement.
type sample struct {
	Draws   float64 // WebGL draw calls so far
	Steps   float64 // training steps so far
	PerStep float64 // points one step trains
}

// nnvizState reads an nnviz page's counters. One step trains one point (online), a mini-batch
// or every training point (batch): over an epoch, steps ceil(train / batch) train every training
// point once, so a step trains train / ceil(train / batch) points on average, whatever the mode.
const nnvizState = `(() => {
	const s = nnviz.state(), train = s.points.filter((p) => !p.test).length;
	const batch = s.mode === "online" ? 1 : s.mode === "batch" ? train : Math.min(s.batch, train);
	return {draws: window.__bench.draws, steps: s.steps, perStep: train / Math.ceil(train / batch)};
})()`

// readyExpr is the JavaScript that is true once c's page is ready, and then has set
// window.__bench.ready to when it became so: when window.nnviz appeared, the bare page's first
// draw call, or TensorFlow Playground's DOMContentLoaded (its script has built the page).
func (c benchCase) readyExpr() string {
	switch {
	case strings.HasSuffix(c.path, "blank.html"):
		return `document.readyState === "complete" && (window.__bench.ready = window.__bench.ready || performance.now()) > 0`
	case c.tf:
		return tfReady
	case c.bare:
		return `window.__bench.draws > 0 && (window.__bench.ready = window.__bench.ready || performance.now()) > 0`
	}
	return `window.__bench.ready > 0`
}

// stateExpr is the JavaScript that reads c's counters.
func (c benchCase) stateExpr() string {
	switch {
	case c.tf:
		return tfState
	case c.bare:
		return `({draws: window.__bench.draws, steps: 0, perStep: 0})`
	}
	return nnvizState
}

// eval evaluates expr in the tab, awaiting a promise, and decodes its value.
func eval[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// taskDuration is the renderer main thread's task time so far, in seconds.
func taskDuration(ctx context.Context) (float64, error) {
	var ms []*performance.Metric
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		r, err := cdp.Call(ctx, t, performance.GetMetrics, cdp.Empty{})
		ms = r.Metrics
		return err
	}))
	if err != nil {
		return 0, err
	}
	for _, m := range ms {
		if m.Name == "TaskDuration" {
			return m.Value, nil
		}
	}
	return 0, fmt.Errorf("no TaskDuration metric")
}

// wait waits for d, or until ctx ends.
func wait(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// poll waits for expr to be truthy.
func poll(ctx context.Context, expr string) error {
	for {
		ok, err := eval[bool](ctx, expr)
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// serveBare builds the bare page and serves it on a loopback port.
func serveBare(root string) (url string, stop func(), err error) {
	dir, err := os.MkdirTemp("", "nnviz-bare-")
	if err != nil {
		return "", nil, err
	}
	if err := buildBare(root, dir); err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	url, stopServing, err := serveDir(dir)
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	return url, func() { stopServing(); os.RemoveAll(dir) }, nil
}

// serveDir serves the files of dir on a loopback port.
func serveDir(dir string) (url string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	s := &http.Server{Handler: http.FileServer(http.Dir(dir)), ReadHeaderTimeout: 10 * time.Second}
	go s.Serve(ln)
	return "http://" + ln.Addr().String() + "/", func() { s.Close() }, nil
}

// results are the figures of every round, by case name.
type results map[string][]figures

// median is the median over the rounds of one figure of the case name (0 if it was not measured).
func (got results) median(name string, pick func(figures) float64) float64 {
	var v []float64
	for _, f := range got[name] {
		v = append(v, pick(f))
	}
	slices.Sort(v)
	if len(v) == 0 {
		return 0
	}
	return v[len(v)/2]
}

// report prints the medians and the ratios to the reference pages.
func report(out io.Writer, list []benchCase, got results, rounds int) {
	med := got.median
	fmt.Fprintf(out, "browserbench: headless Chromium, SwiftShader WebGL, medians of %d interleaved rounds\n\n", rounds)
	fmt.Fprintf(out, "| case | frames/s | vs bare page | main thread busy | draw calls/frame | samples/s | ready (s) |\n|---|---|---|---|---|---|---|\n")
	for _, c := range list {
		if len(got[c.name]) == 0 {
			continue
		}
		fps := med(c.name, func(f figures) float64 { return f.FPS })
		ratio := "-"
		if c.ref != "" {
			ratio = fmt.Sprintf("%.2fx", fps/med(c.ref, func(f figures) float64 { return f.FPS }))
		}
		samples := "-"
		if c.trains {
			samples = fmt.Sprintf("%.0f", med(c.name, func(f figures) float64 { return f.Samples }))
		}
		fmt.Fprintf(out, "| %s | %.1f | %s | %.0f%% | %.1f | %s | %.2f |\n", c.name, fps, ratio,
			100*med(c.name, func(f figures) float64 { return f.Busy }),
			med(c.name, func(f figures) float64 { return f.DrawCalls }), samples,
			med(c.name, func(f figures) float64 { return f.Ready }))
	}
	reportTF(out, got)
}

// wasmSize prints the wasm's size raw and as served (brotli).
func wasmSize(out io.Writer, root string) error {
	var parts []string
	for _, name := range []string{"main.wasm", "main.wasm.br", "main.wasm.gz"} {
		st, err := os.Stat(filepath.Join(root, "web", "static", name))
		if err != nil {
			return err
		}
		parts = append(parts, fmt.Sprintf("%s %.2f MB", name, float64(st.Size())/1e6))
	}
	fmt.Fprintf(out, "\nwasm: %s\n", strings.Join(parts, ", "))
	return nil
}
