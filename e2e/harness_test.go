//go:build e2e

// Package e2e holds nnviz's browser tests: the real server binary on
// loopback, the real wasm in headless Chromium, driven with chromedp. They
// need the built bundle and binary (`make build`; `make test` builds first).
//
// This file is the harness the tests share: a server, a browser with the
// flags this machine needs, a page whose console errors are collected, and
// screenshots saved to artifacts/.
package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nnviz/nnviz/internal/serverproc"
	"github.com/nnviz/nnviz/web"
)

// actionTimeout bounds one step of a test (a navigation, a wait).
const actionTimeout = 60 * time.Second

// The size of every tab's viewport, in CSS pixels at scale 1.
const (
	viewportWidth  = 800
	viewportHeight = 600
)

var (
	sharedOnce   sync.Once
	sharedServer *serverproc.Server
	sharedErr    error

	browserOnce   sync.Once
	browserCtx    context.Context
	browserCancel context.CancelFunc
	browserErr    error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if browserCancel != nil {
		browserCancel()
	}
	if sharedServer != nil {
		if err := sharedServer.Stop(); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: the shared server did not stop cleanly: %v\n%s", err, sharedServer.Logs())
			code = 1
		}
	}
	os.Exit(code)
}

// moduleRoot returns the repository's root, where bin/ and artifacts/ are.
func moduleRoot(t testing.TB) string {
	t.Helper()
	root, err := serverproc.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// server returns the server the tests share: bin/nnviz-server serving its
// embedded bundle. It fails the test when the binary is missing or its
// bundle is incomplete, naming the command that builds them.
func server(t testing.TB) *serverproc.Server {
	t.Helper()
	sharedOnce.Do(func() {
		bin, err := serverproc.DefaultBinary()
		if err != nil {
			sharedErr = err
			return
		}
		sharedServer, sharedErr = serverproc.Start(bin)
	})
	if sharedErr != nil {
		t.Fatalf("starting the server: %v", sharedErr)
	}
	return sharedServer
}

// startServer starts a server of the test's own, with extra flags (such as
// -dir), and stops it when the test ends, failing the test if it does not
// stop cleanly.
func startServer(t testing.TB, args ...string) *serverproc.Server {
	t.Helper()
	bin, err := serverproc.DefaultBinary()
	if err != nil {
		t.Fatal(err)
	}
	s, err := serverproc.Start(bin, args...)
	if err != nil {
		t.Fatalf("starting the server: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Stop(); err != nil {
			t.Errorf("stopping the server: %v\n%s", err, s.Logs())
		}
	})
	return s
}

// chromium returns the browser to run: $CHROMIUM, or the first of the usual
// names on PATH.
func chromium() (string, error) {
	if path := os.Getenv("CHROMIUM"); path != "" {
		return path, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if path, err := exec.LookPath(name); err == nil {
			return path, nil
		}
	}
	return "", errors.New("no Chromium found: install it with scripts/ensure-deps.sh (Debian's chromium), or set CHROMIUM")
}

// browserOptions are the flags every browser of the tests gets. WebGL2 comes
// from SwiftShader, which Chromium 139+ uses only when asked; the machine has
// no network, so nothing may phone home.
func browserOptions(extra ...chromedp.ExecAllocatorOption) ([]chromedp.ExecAllocatorOption, error) {
	path, err := chromium()
	if err != nil {
		return nil, err
	}
	opts := append([]chromedp.ExecAllocatorOption{}, chromedp.DefaultExecAllocatorOptions[:]...)
	opts = append(opts,
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.WindowSize(800, 600),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
	)
	return append(opts, extra...), nil
}

// startBrowser starts a browser and returns its context once it runs.
func startBrowser(extra ...chromedp.ExecAllocatorOption) (context.Context, context.CancelFunc, error) {
	opts, err := browserOptions(extra...)
	if err != nil {
		return nil, nil, err
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	cancel := func() { cancelCtx(); cancelAlloc() }
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, nil, fmt.Errorf("starting Chromium: %w", err)
	}
	return ctx, cancel, nil
}

// Page is one browser tab of a test, with its console collected from the
// moment it opened.
type Page struct {
	t   testing.TB
	Ctx context.Context // the tab's chromedp context

	mu       sync.Mutex
	messages []chromedp.ConsoleMessage
}

// newPage opens a tab in the shared browser. With extra options it starts a
// browser of its own instead (say, with WebGL turned off), closed when the
// test ends.
func newPage(t testing.TB, extra ...chromedp.ExecAllocatorOption) *Page {
	t.Helper()
	var parent context.Context
	if len(extra) > 0 {
		ctx, cancel, err := startBrowser(extra...)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(cancel)
		parent = ctx
	} else {
		browserOnce.Do(func() {
			browserCtx, browserCancel, browserErr = startBrowser()
		})
		if browserErr != nil {
			t.Fatal(browserErr)
		}
		parent = browserCtx
	}
	// A browser context of its own: no test sees another's localStorage.
	tab, closeTab := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	t.Cleanup(closeTab)
	// The viewport is set, not left to the window, whose size includes the
	// headless browser's own (invisible) frame.
	if err := chromedp.Do(tab, chromedp.EmulateViewport(viewportWidth, viewportHeight)); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	p := &Page{t: t, Ctx: tab}
	messages := chromedp.Console(tab)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			p.mu.Lock()
			p.messages = append(p.messages, m)
			p.mu.Unlock()
		}
	}()
	return p
}

// Do runs actions in the tab, each step bounded by actionTimeout, and fails
// the test on an error.
func (p *Page) Do(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		p.t.Fatalf("%s: %v\nconsole:\n%s", what, err, p.consoleText())
	}
}

// Eval evaluates a JavaScript expression in the tab and decodes its value.
func Eval[T any](p *Page, expression string) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, actionTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expression, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v\nconsole:\n%s", expression, err, p.consoleText())
	}
	return v
}

// WaitFor waits until the JavaScript expression is truthy, or fails the test
// after timeout, saying what it waited for.
func (p *Page) WaitFor(what, expression string, timeout time.Duration) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, timeout+5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expression, chromedp.WithPollingTimeout(timeout))); err != nil {
		p.t.Fatalf("waiting for %s (%s): %v\nconsole:\n%s", what, expression, err, p.consoleText())
	}
}

// WaitInFrame waits until the JavaScript expression is truthy in the iframe
// that the CSS selector finds (an iframe of this page's process: same site),
// or fails the test after timeout.
func (p *Page) WaitInFrame(what, selector, expression string, timeout time.Duration) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, timeout+5*time.Second)
	defer cancel()
	frames, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS(selector)))
	if err == nil && len(frames) == 0 {
		err = errors.New("no such iframe")
	}
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expression, chromedp.WithPollingInFrame(frames[0]), chromedp.WithPollingTimeout(timeout)))
	}
	if err != nil {
		p.t.Fatalf("waiting for %s in %s (%s): %v\nconsole:\n%s", what, selector, expression, err, p.consoleText())
	}
}

// WaitAcrossNavigation waits until the JavaScript expression is truthy, asking
// again every 100 ms while the page navigates or reloads (when WaitFor's poll
// would end with the document it started in), or fails the test after timeout.
func (p *Page) WaitAcrossNavigation(what, expression string, timeout time.Duration) {
	p.t.Helper()
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(p.Ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+expression+")"))
		cancel()
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(100 * time.Millisecond) // the interval between two polls, not a wait for an event
	}
	p.t.Fatalf("waiting for %s (%s) across a navigation: timed out (last error: %v)\nconsole:\n%s", what, expression, last, p.consoleText())
}

// Messages returns every console message so far, of every level.
func (p *Page) Messages() []chromedp.ConsoleMessage {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), p.messages...)
}

// NextFrames waits for n animation frames of the page, so what the game drew
// reaches the screen before a screenshot.
func (p *Page) NextFrames(n int) {
	p.t.Helper()
	Eval[chromedp.Void](p, fmt.Sprintf(`(async () => { for (let i = 0; i < %d; i++) await new Promise(r => requestAnimationFrame(r)); })()`, n))
}

// ConsoleErrors returns the console's errors so far: console.error calls,
// uncaught exceptions and browser log errors (failed loads, CSP violations).
func (p *Page) ConsoleErrors() []chromedp.ConsoleMessage {
	p.mu.Lock()
	defer p.mu.Unlock()
	var errs []chromedp.ConsoleMessage
	for _, m := range p.messages {
		if m.Type == chromedp.ConsoleError || m.IsException() {
			errs = append(errs, m)
		}
	}
	return errs
}

// ExpectNoConsoleErrors fails the test for each console error so far.
func (p *Page) ExpectNoConsoleErrors() {
	p.t.Helper()
	for _, m := range p.ConsoleErrors() {
		p.t.Errorf("console error: %s (%s)", m.Text, m.URL)
	}
}

// ExpectConsoleError waits up to a few seconds for a console error that
// matches re, and fails the test if none comes.
func (p *Page) ExpectConsoleError(re *regexp.Regexp) {
	p.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		for _, m := range p.ConsoleErrors() {
			if re.MatchString(m.Text) {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.t.Errorf("no console error matches %v; console:\n%s", re, p.consoleText())
}

func (p *Page) consoleText() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var b strings.Builder
	for _, m := range p.messages {
		fmt.Fprintf(&b, "  %s: %s (%s)\n", m.Type, m.Text, m.URL)
	}
	return b.String()
}

// Screenshot saves the tab's viewport as artifacts/<test name>-<name>.png
// and returns the image.
func (p *Page) Screenshot(name string) image.Image {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, actionTimeout)
	defer cancel()
	data, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatalf("screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		p.t.Fatalf("screenshot: %v", err)
	}
	dir := filepath.Join(moduleRoot(p.t), "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		p.t.Fatal(err)
	}
	file := regexp.MustCompile(`[^A-Za-z0-9_.-]+`).ReplaceAllString(p.t.Name()+"-"+name, "_") + ".png"
	if err := os.WriteFile(filepath.Join(dir, file), data, 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.t.Logf("screenshot: artifacts/%s", file)
	return img
}

// colours counts the distinct colours of img, up to limit.
func colours(img image.Image, limit int) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// copyPages copies the committed files of web/static (not the built wasm)
// into a new directory, for a server with -dir.
func copyPages(t testing.TB) string {
	t.Helper()
	src := filepath.Join(moduleRoot(t), "web", "static")
	dir := t.TempDir()
	for _, name := range append(append([]string{}, web.Pages...), "wasm_exec.js") {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatalf("%v (build the bundle with `make build`)", err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
