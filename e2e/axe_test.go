//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// axeScript returns axe-core's script, from the npm package the project's files install
// (e2e/package.json; scripts/ensure-deps.sh runs npm ci).
func axeScript(t testing.TB) string {
	t.Helper()
	axeOnce.Do(func() {
		var b []byte
		b, axeErr = os.ReadFile(filepath.Join(moduleRoot(t), "e2e", "node_modules", "axe-core", "axe.min.js"))
		axeSource = string(b)
	})
	if axeErr != nil {
		t.Fatalf("axe-core is not installed (run `make deps`, which runs npm ci in e2e/): %v", axeErr)
	}
	return axeSource
}

// openWithAxe opens path in a new tab whose every frame gets axe-core before its own scripts
// (the page's CSP does not apply to what the browser itself injects), and waits for
// window.nnviz when the page has one of its own.
func openWithAxe(t *testing.T, path string, own bool) *Page {
	t.Helper()
	srv := server(t)
	p := newPage(t)
	src := axeScript(t)
	p.Do("injecting axe-core", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	}))
	p.Do("opening "+path, chromedp.Navigate(srv.URL+strings.TrimPrefix(path, "/")))
	if own {
		p.WaitFor("window.nnviz", ready, wasmStartTimeout)
		p.NextFrames(2)
	}
	return p
}

// violation is one axe-core rule a page breaks, with the elements that break it.
type violation struct {
	ID     string
	Impact string
	Help   string
	Nodes  []string
}

// axeRun runs axe-core on the page (and inside its iframes) and returns the violations.
func axeRun(p *Page) []violation {
	p.t.Helper()
	return Eval[[]violation](p, `axe.run(document, {resultTypes: ["violations"]}).then((r) => r.violations.map((v) => ({
		id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map((n) => [].concat(...n.target).join(" > ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ")),
	})))`)
}

func reportViolations(t *testing.T, where string, vs []violation) {
	t.Helper()
	for _, v := range vs {
		t.Errorf("%s: axe-core: %s (%s): %s\n    %s", where, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n    "))
	}
}

// TestAxeFindsNoViolations runs axe-core on every page nnviz serves, in the states a learner
// sees: 0 violations, including inside the course page's iframes.
func TestAxeFindsNoViolations(t *testing.T) {
	for _, path := range []string{"/", "/embed.html", "/embed.html?data=spiral&n=200&noise=0.1&controls=play,step,reset,lr,speed,mode,shape,activation,cost",
		// The class picker's swatches, the features, the test data; the value a click adds.
		"/?classes=3&data=spiral&features=x,y,x2&test=0.3", "/?problem=regression&data=gaussreg&test=0.5"} {
		t.Run(path, func(t *testing.T) {
			p := openWithAxe(t, path, true)
			reportViolations(t, path, axeRun(p))
		})
	}
	t.Run("/ with every section and the walk-through open", func(t *testing.T) {
		p := openWithAxe(t, "/?bad=1", true) // with the list of address problems showing
		Eval[chromedp.Void](p, `(() => {
			for (const d of document.querySelectorAll("details")) d.open = true;
			nnviz.teach(0);
		})()`)
		p.WaitFor("the walk-through", `!document.getElementById("nnviz-teach").hidden`, actionTimeout)
		p.NextFrames(2)
		reportViolations(t, "/ (everything open)", axeRun(p))
	})
	t.Run("/example.html", func(t *testing.T) {
		p := openWithAxe(t, "/example.html", false)
		// The iframes load lazily: bring each into view and wait until it runs.
		n := Eval[int](p, `document.querySelectorAll("iframe").length`)
		for i := 0; i < n; i++ {
			Eval[chromedp.Void](p, fmt.Sprintf(`document.querySelectorAll("iframe")[%d].scrollIntoView()`, i))
			p.WaitFor(fmt.Sprintf("iframe %d's nnviz", i), fmt.Sprintf(`(() => { const w = document.querySelectorAll("iframe")[%d].contentWindow; return !!(w && w.nnviz && w.axe); })()`, i), wasmStartTimeout)
		}
		p.NextFrames(2)
		vs := axeRun(p)
		reportViolations(t, "/example.html", vs)
		// The iframes were checked, not skipped: axe ran inside each.
		if checked := Eval[int](p, `axe.run(document, {runOnly: ["frame-tested"], resultTypes: ["passes"]}).then((r) => r.passes.reduce((k, v) => k + v.nodes.length, 0))`); checked != n {
			t.Errorf("axe-core tested %d of the page's %d iframes from inside", checked, n)
		}
	})
}
