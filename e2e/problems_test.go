//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// openEmbedSized opens path in a tab whose viewport is width x height, as an iframe of that
// size on a course page would be, and waits for window.nnviz.
func openEmbedSized(t *testing.T, path string, width, height int64) *Page {
	t.Helper()
	srv := server(t)
	p := newPage(t)
	p.Do("sizing the viewport", chromedp.EmulateViewport(width, height))
	p.Do("opening "+path, chromedp.Navigate(srv.URL+path))
	p.WaitFor("window.nnviz", ready, wasmStartTimeout)
	p.NextFrames(2)
	return p
}

// TestProblemsBoxStaysSmallAndDismissable opens a 900x560 embed whose address has 300 bad
// parameters: the box of problems covers less than half the plane, its list scrolls, and its
// Dismiss button is in view, on top, and closes it.
func TestProblemsBoxStaysSmallAndDismissable(t *testing.T) {
	var q []string
	for i := range 300 {
		q = append(q, fmt.Sprintf("bad%d=%d", i, i))
	}
	p := openEmbedSized(t, "embed.html?"+strings.Join(q, "&"), 900, 560)
	box := Eval[map[string]float64](p, `(() => {
		const box = document.getElementById("nnviz-problems").getBoundingClientRect();
		const body = document.querySelector("#nnviz-problems .nnviz-problems-body");
		const b = document.querySelector("#nnviz-problems button").getBoundingClientRect();
		const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
		return {height: box.height, bottom: box.bottom, items: document.querySelectorAll("#nnviz-problems li").length,
			scrolls: body.scrollHeight > body.clientHeight ? 1 : 0, buttonTop: b.top, buttonBottom: b.bottom,
			buttonOnTop: hit && hit.textContent === "Dismiss" ? 1 : 0, innerHeight: innerHeight};
	})()`)
	if box["items"] != 300 {
		t.Errorf("the box lists %v problems; want all 300", box["items"])
	}
	if box["height"] > 0.5*box["innerHeight"] {
		t.Errorf("the box is %vpx high in a %vpx embed; want less than half", box["height"], box["innerHeight"])
	}
	if box["scrolls"] != 1 {
		t.Error("the list of 300 problems does not scroll inside the box")
	}
	if box["buttonTop"] < 0 || box["buttonBottom"] > box["innerHeight"] || box["buttonOnTop"] != 1 {
		t.Errorf("the Dismiss button is not in view and on top: %v", box)
	}
	p.Screenshot("300-problems")
	p.Do("dismissing", chromedp.Click(chromedp.CSS("#nnviz-problems button")))
	p.WaitFor("the box to go", `document.getElementById("nnviz-problems") === null`, 5*time.Second)
	expectAlive(t, p, "300 bad parameters")
	p.ExpectNoConsoleErrors()
}

// TestTrackingParametersAreIgnored opens a 900x560 embed through a link that mail and social
// sites have tagged: no problems for the tags, and a real mistake beside them is still named.
func TestTrackingParametersAreIgnored(t *testing.T) {
	tags := "utm_source=newsletter&utm_medium=email&utm_campaign=week3&fbclid=IwAR0x&gclid=Cj0K&msclkid=a1&mc_cid=b2&mc_eid=c3&_ga=2.1.2"
	p := openEmbedSized(t, "embed.html?activation=tanh&"+tags, 900, 560)
	if Eval[bool](p, `document.getElementById("nnviz-problems") !== null`) {
		t.Errorf("tracking parameters are listed as problems: %s", Eval[string](p, `document.getElementById("nnviz-problems").innerText`))
	}
	if s := getState(p); s.Activation != "tanh" {
		t.Errorf("activation = %s; the link's own parameter must apply", s.Activation)
	}
	q := openEmbedSized(t, "embed.html?colour=red&"+tags, 900, 560)
	if got := Eval[[]string](q, `[...document.querySelectorAll("#nnviz-problems li")].map((li) => li.textContent)`); len(got) != 1 || !strings.HasPrefix(got[0], "colour:") {
		t.Errorf("the problems are %q; want just colour", got)
	}
	q.Screenshot("one-problem-900x560")
}

// TestUnreadableSavedStateIsSetAside puts a saved state the wasm cannot read where the page
// keeps the learner's work: the page says that it could not be read and was set aside (not
// that the learner's work is back, nor that the address is wrong), starts from its address,
// and keeps the text under another key.
func TestUnreadableSavedStateIsSetAside(t *testing.T) {
	const junk = "not a query {{{"
	p := open(t, "")
	Eval[chromedp.Void](p, `localStorage.setItem("nnviz:/", "`+junk+`")`)
	Eval[chromedp.Void](p, `window.beforeReload = true`)
	p.Do("reloading", chromedp.Reload())
	p.WaitAcrossNavigation("window.nnviz after the reload", `!window.beforeReload && `+ready, wasmStartTimeout)
	text := Eval[string](p, `(document.getElementById("nnviz-problems") || {}).innerText || ""`)
	for _, want := range []string{"could not be read", "set aside", `"nnviz-unreadable:/"`, junk} {
		if !strings.Contains(text, want) {
			t.Errorf("the notice lacks %q:\n%s", want, text)
		}
	}
	for _, wrong := range []string{"are back", "address"} {
		if strings.Contains(text, wrong) {
			t.Errorf("the notice says %q:\n%s", wrong, text)
		}
	}
	if Eval[bool](p, `document.getElementById("nnviz-restored") !== null`) {
		t.Error("the panel says the learner's work is back")
	}
	kept := Eval[[]any](p, `[localStorage.getItem("nnviz-unreadable:/"), localStorage.getItem("nnviz:/")]`)
	if kept[0] != junk || kept[1] != nil {
		t.Errorf("localStorage holds %q under nnviz-unreadable:/ and %v under nnviz:/; want the text moved aside", kept[0], kept[1])
	}
	if s := getState(p); len(s.Points) != 10 {
		t.Errorf("the page starts with %d points; want the address's ten", len(s.Points))
	}
	// New work is saved again, beside the text set aside.
	Eval[chromedp.Void](p, `nnviz.addPoint(1.5, 1.5, -1)`)
	p.WaitFor("the new work saved", `(localStorage.getItem("nnviz:/") || "").includes("points=")`, 10*time.Second)
	if got := Eval[string](p, `localStorage.getItem("nnviz-unreadable:/")`); got != junk {
		t.Errorf("after new work the text set aside is %q; want %q", got, junk)
	}
	p.Screenshot("set-aside")
	p.ExpectNoConsoleErrors()
}
