//go:build !js

// Command browserbench measures nnviz in headless Chromium against a bare ebiten page of the
// same size, interleaved, and prints the ratios: frames per second paused and training (the
// default page, a deep spiral, a 900x560 embed), the main thread's busy share, WebGL draw
// calls per frame, samples trained per second, the time from navigation to window.nnviz, and
// the wasm's size over the wire.
//
// With -soak it then trains the heaviest page at the highest speed for that long and checks
// that the wasm's memory stays within 10% of its size after the first minute.
//
// With -tf DIR it also measures TensorFlow Playground, the reference, built in DIR (its dist/:
// see the README's Figures for how to build it), served on loopback, its cases interleaved with
// the others: its default page paused and training, and its spiral with 4 hidden layers of 8
// tanh training, at 1280x800 and 900x560, and nnviz's spiral trained an epoch of as many points a
// frame. Its play button starts training; its page's counters give its samples per second (an
// epoch of its training points an animation frame). A second table puts each beside the nnviz
// case it compares with.
//
// With -trace NAME it instead records a Chrome trace (the Tracing domain, with V8's samples of
// the JavaScript and wasm stacks) of -seconds of the nnviz case NAME, such as "training /", and
// prints where the renderer's main thread spent its time: nnviz's training, loss measurement,
// boundary, heatmaps, text and other drawing, ebiten, the Go runtime, syscall/js, the page's
// scripts and DOM, and the browser's WebGL calls, canvas readback (its wait for the GPU) and
// compositor. Samples in Go are placed by the functions on their stack, so this mode serves a
// wasm built with its names (the shipped one is stripped) from a copy of the bundle; samples of
// the browser's native code by the trace events around them.
//
// Usage:
//
//	go run ./internal/cmd/browserbench [-server bin/nnviz-server] [-rounds 3] [-seconds 4] [-soak 10m] [-tf DIR]
//	go run ./internal/cmd/browserbench [-server bin/nnviz-server] [-seconds 4] -trace NAME
//
// It starts bin/nnviz-server on loopback, builds the bare page (./bare) to wasm in a
// temporary directory and serves it on loopback too, and runs each case once per round, in
// turn, so that a busy moment of a shared machine touches every case alike. Figures are
// medians over the rounds. The browser draws with SwiftShader (software WebGL), as the tests
// do: absolute figures are the machine's; the ratios are what compare.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nnviz/nnviz/internal/serverproc"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "browserbench:", err)
		os.Exit(1)
	}
}

// benchCase is one page measured in one state.
type benchCase struct {
	name   string
	bare   bool // the reference page
	path   string
	w, h   int64
	ref    string // the case whose frame rate this one is compared with
	trains bool
	tf     bool   // a TensorFlow Playground page (-tf), path being its address's hash
	pair   string // for a TensorFlow Playground page, the nnviz case it is compared with
}

var cases = []benchCase{
	{name: "bare 1280x800", bare: true, w: 1280, h: 800},
	{name: "bare idle 1280x800", bare: true, path: "?idle", w: 1280, h: 800},
	{name: "blank page 1280x800", bare: true, path: "blank.html", w: 1280, h: 800},
	{name: "paused /", path: "/", w: 1280, h: 800, ref: "bare idle 1280x800"},
	{name: "training /", path: "/?autoplay=1", w: 1280, h: 800, ref: "bare 1280x800", trains: true},
	{name: "training spiral 4x8 tanh", path: "/?data=spiral&n=200&noise=0.1&layers=2,8,8,8,8,2&activation=tanh&lr=0.03&autoplay=1", w: 1280, h: 800, ref: "bare 1280x800", trains: true},
	{name: "training heavy: 8x16 hidden, 2000 points, batch, speed 500", path: "/?layers=2,16,16,16,16,16,16,16,16,2&data=spiral&n=2000&mode=batch&speed=500&autoplay=1", w: 1280, h: 800, ref: "bare 1280x800", trains: true},
	{name: "bare 900x560", bare: true, w: 900, h: 560},
	{name: "training embed 900x560", path: "/embed.html?autoplay=1", w: 900, h: 560, ref: "bare 900x560", trains: true},
}

// blankPage is a page with nothing on it: what it costs is the benchmark's own (its
// requestAnimationFrame counter) and the browser's, the floor under every page at rest.
const blankPage = `<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>
`

// figures are one measurement of one case.
type figures struct {
	FPS       float64            // requestAnimationFrame callbacks per second
	Busy      float64            // the main thread's task time over the wall time
	DrawCalls float64            // WebGL draw calls per frame
	Samples   float64            // points trained per second
	Ready     float64            // seconds from navigation to window.nnviz (or the bare game's first frame)
	Startup   map[string]float64 // when each start-up phase happened (startup.go); nil for the bare page
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("browserbench", flag.ContinueOnError)
	serverBin := fs.String("server", "", "the nnviz server binary (default bin/nnviz-server)")
	rounds := fs.Int("rounds", 3, "rounds; each runs every case once")
	seconds := fs.Float64("seconds", 4, "seconds measured per case, after a second of warm-up")
	traceName := fs.String("trace", "", "instead, record a Chrome trace of the case with this name for -seconds and break its main thread's time down")
	prof := fs.String("profile", "", "instead, profile the main thread of the case with this name for -seconds")
	only := fs.String("only", "", "measure only the cases whose names contain this (and their reference pages)")
	soakFor := fs.Duration("soak", 0, "then train the heaviest page this long, checking that the wasm's memory stays flat (0: no soak)")
	tfDir := fs.String("tf", "", "also measure TensorFlow Playground, built in this `directory` (its dist/), interleaved with the other cases")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := serverproc.ModuleRoot()
	if err != nil {
		return err
	}
	if *serverBin == "" {
		if *serverBin, err = serverproc.DefaultBinary(); err != nil {
			return err
		}
	}
	ctx, cancel, err := startBrowser()
	if err != nil {
		return err
	}
	defer cancel()
	d := time.Duration(*seconds * float64(time.Second))
	if *traceName != "" {
		return traceBreakdown(ctx, out, root, *serverBin, *traceName, d)
	}

	srv, err := serverproc.Start(*serverBin)
	if err != nil {
		return err
	}
	defer srv.Stop()
	if *prof != "" {
		c, ok := findCase(*prof)
		if !ok {
			return fmt.Errorf("-profile %q: no such nnviz case", *prof)
		}
		return profile(ctx, out, c, srv.URL+strings.TrimPrefix(c.path, "/"), d)
	}
	bareURL, stopBare, err := serveBare(root)
	if err != nil {
		return err
	}
	defer stopBare()
	list := cases
	tfURL := ""
	if *tfDir != "" {
		url, stopTF, err := serveTF(*tfDir)
		if err != nil {
			return err
		}
		defer stopTF()
		// nnviz's extra case among those of its size, TF Playground's last.
		i := slices.IndexFunc(cases, func(c benchCase) bool { return c.bare && c.w != 1280 })
		list, tfURL = slices.Concat(cases[:i], tfPeerCases, cases[i:], tfCases), url
	}
	got := results{}
	for r := 0; r < *rounds; r++ {
		for _, c := range list {
			if *only != "" && !strings.Contains(c.name, *only) && !c.bare {
				continue
			}
			url := srv.URL + strings.TrimPrefix(c.path, "/")
			switch {
			case c.bare:
				url = bareURL + c.path
			case c.tf:
				url = tfURL + c.path
			}
			f, err := measure(ctx, c, url, d)
			if err != nil {
				return fmt.Errorf("%s, round %d: %w", c.name, r+1, err)
			}
			got[c.name] = append(got[c.name], f)
		}
	}
	report(out, list, got, *rounds)
	reportStartup(out, got, []string{"paused /", "training embed 900x560"})
	if *soakFor > 0 {
		if err := soak(ctx, out, srv.URL+soakPath[1:], *soakFor); err != nil {
			return err
		}
	}
	if *only != "" {
		return nil
	}
	return wasmSize(out, root)
}

// findCase is the nnviz case with this name.
func findCase(name string) (benchCase, bool) {
	for _, c := range slices.Concat(cases, tfPeerCases) {
		if c.name == name && !c.bare {
			return c, true
		}
	}
	return benchCase{}, false
}

// startBrowser starts headless Chromium with SwiftShader's WebGL, as the browser tests do.
func startBrowser() (context.Context, context.CancelFunc, error) {
	path := os.Getenv("CHROMIUM")
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		return nil, nil, fmt.Errorf("no Chromium found: run scripts/ensure-deps.sh, or set CHROMIUM")
	}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("no-first-run", true),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		return nil, nil, err
	}
	return ctx, func() { cancelCtx(); cancelAlloc() }, nil
}

// buildBare compiles the bare page to wasm in dir, with wasm_exec.js and an index.html.
func buildBare(root, dir string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dir, "bare.wasm"), "./internal/cmd/browserbench/bare")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the bare page: %v\n%s", err, b)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	js, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), js, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "blank.html"), []byte(blankPage), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), []byte(barePage), 0o644)
}

const barePage = `<!doctype html>
<html><head><meta charset="utf-8"><title>bare ebiten</title><script src="wasm_exec.js"></script></head>
<body><script>
const go = new Go();
WebAssembly.instantiateStreaming(fetch("bare.wasm"), go.importObject).then((r) => go.run(r.instance));
</script></body></html>
`
