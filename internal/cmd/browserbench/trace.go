//go:build !js

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"github.com/nnviz/nnviz/internal/serverproc"
)

// traceCategories are what the trace records: the main thread's tasks and what Blink does in
// them, V8's samples of the JavaScript and wasm stacks, and the GPU and compositor's work.
var traceCategories = []string{
	"toplevel", "blink", "cc", "gpu", "viz", "v8", "v8.execute",
	"devtools.timeline", "disabled-by-default-devtools.timeline",
	"disabled-by-default-devtools.timeline.frame",
	"disabled-by-default-v8.cpu_profiler",
}

// traceEvent is one event of a Chrome trace (the Trace Event Format), with what the breakdown reads.
type traceEvent struct {
	Name string          `json:"name"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`  // µs
	Dur  float64         `json:"dur"` // µs, for complete events (ph X)
	Pid  int64           `json:"pid"`
	Tid  int64           `json:"tid"`
	ID   json.RawMessage `json:"id"`
	Args json.RawMessage `json:"args"`
}

// traceBreakdown records a trace of d of the nnviz case name, served with the wasm's names,
// and prints the breakdown of its main thread's time.
func traceBreakdown(ctx context.Context, out io.Writer, root, serverBin, name string, d time.Duration) error {
	c, ok := findCase(name)
	if !ok {
		return fmt.Errorf("-trace %q: no such nnviz case", name)
	}
	url, stop, err := serveNamed(root, serverBin)
	if err != nil {
		return err
	}
	defer stop()
	events, err := recordTrace(ctx, c, url+strings.TrimPrefix(c.path, "/"), d)
	if err != nil {
		return err
	}
	b, err := analyse(events)
	if err != nil {
		return err
	}
	b.print(out, fmt.Sprintf("%q (%s at %dx%d)", c.name, c.path, c.w, c.h))
	return nil
}

// recordTrace opens url in a new tab at c's size, waits for window.nnviz and a second of warm-up,
// and records a Chrome trace of the next d.
func recordTrace(parent context.Context, c benchCase, url string, d time.Duration) ([]traceEvent, error) {
	ctx, cancel := chromedp.NewContext(parent)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, d+2*time.Minute)
	defer cancelTime()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(c.w, c.h), chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	if err := poll(ctx, `typeof window.nnviz === "object"`); err != nil {
		return nil, fmt.Errorf("waiting for the page: %w", err)
	}
	if _, err := eval[any](ctx, `new Promise((ok) => setTimeout(ok, 1000))`); err != nil {
		return nil, err
	}
	var (
		mu     sync.Mutex
		events []traceEvent
		bad    error
	)
	done := make(chan struct{})
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			defer mu.Unlock()
			for _, v := range ev.Value {
				var e traceEvent
				if err := json.Unmarshal(v, &e); err != nil && bad == nil {
					bad = fmt.Errorf("a trace event: %w", err)
				}
				events = append(events, e)
			}
		case *tracing.EventTracingComplete:
			close(done)
		}
	}); err != nil {
		return nil, err
	}
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, tracing.Start, tracing.StartParams{
			TransferMode: tracing.StartTransferModeReportEvents,
			TraceConfig:  &tracing.TraceConfig{RecordMode: tracing.TraceConfigRecordModeRecordAsMuchAsPossible, IncludedCategories: traceCategories},
		}); err != nil {
			return err
		}
		if err := wait(ctx, d); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, tracing.End, cdp.Empty{})
		return err
	}))
	if err != nil {
		return nil, err
	}
	select {
	case <-done:
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for the trace: %w", ctx.Err())
	}
	mu.Lock()
	defer mu.Unlock()
	return events, bad
}

// serveNamed builds the wasm with its function names (the shipped one is stripped: -s -w), puts
// it in a temporary copy of the bundle's pages, and serves that with the nnviz server's -dir, so
// that the trace's samples name Go's functions.
func serveNamed(root, serverBin string) (url string, stop func(), err error) {
	dir, err := os.MkdirTemp("", "nnviz-named-")
	if err != nil {
		return "", nil, err
	}
	fail := func(err error) (string, func(), error) { os.RemoveAll(dir); return "", nil, err }
	static := filepath.Join(root, "web", "static")
	files, err := os.ReadDir(static)
	if err != nil {
		return fail(err)
	}
	for _, f := range files {
		name := f.Name()
		if !f.Type().IsRegular() || name == "main.wasm" || strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(static, name))
		if err != nil {
			return fail(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return fail(err)
		}
	}
	cmd := exec.Command("go", "build", "-trimpath", "-o", filepath.Join(dir, "main.wasm"), "./cmd/wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fail(fmt.Errorf("building the wasm with its names: %v\n%s", err, b))
	}
	srv, err := serverproc.Start(serverBin, "-dir", dir)
	if err != nil {
		return fail(err)
	}
	return srv.URL, func() { srv.Stop(); os.RemoveAll(dir) }, nil
}
