//go:build e2e

package e2e

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/nnviz/nnviz/nn"
)

// freshEvaluation evaluates the page's current weights on its current points from scratch,
// with nn, outside the page.
func freshEvaluation(p *Page) (loss, acc float64) {
	p.t.Helper()
	w := Eval[[]struct {
		W [][]float64
		B []float64
	}](p, `nnviz.weights()`)
	s := getState(p)
	cfg := nn.DefaultConfig()
	cfg.Layers = s.Layers
	var err error
	if cfg.Activation, err = nn.ParseActivation(s.Activation); err != nil {
		p.t.Fatal(err)
	}
	if cfg.Cost, err = nn.ParseCost(s.Cost); err != nil {
		p.t.Fatal(err)
	}
	net, err := nn.New(cfg)
	if err != nil {
		p.t.Fatal(err)
	}
	params := make(nn.Params, len(w))
	for l := range w {
		params[l] = nn.LayerParams{W: w[l].W, B: w[l].B}
	}
	if err := net.SetParams(params); err != nil {
		p.t.Fatal(err)
	}
	pts := make([]nn.Point, len(s.Points))
	for i, q := range s.Points {
		pts[i] = nn.Point{X: q.X, Y: q.Y, Label: q.Label}
	}
	if len(pts) == 0 {
		return 0, 0
	}
	if loss, acc, err = net.Evaluate(pts); err != nil {
		p.t.Fatal(err)
	}
	return loss, acc
}

// expectFresh checks that the loss and accuracy the page shows, in its panel and in state(),
// are those of a fresh evaluation after the change named what.
func expectFresh(p *Page, what string) {
	p.t.Helper()
	loss, acc := freshEvaluation(p)
	s := getState(p)
	if s.Loss != loss || s.Accuracy != acc {
		p.t.Errorf("after %s: state() says loss %v accuracy %v, a fresh evaluation %v and %v", what, s.Loss, s.Accuracy, loss, acc)
	}
	want := fmt.Sprintf("Loss %.4f Accuracy %.0f%%", loss, 100*acc)
	p.WaitFor(fmt.Sprintf("the panel to show %q after %s", want, what), fmt.Sprintf(`(() => {
		const dd = (name) => { for (const dt of document.querySelectorAll("#nnviz-stats dt")) if (dt.textContent === name) return dt.nextElementSibling.textContent; };
		return "Loss " + dd("Loss") + " Accuracy " + dd("Accuracy") === %q;
	})()`, want), actionTimeout)
}

// TestLossIsFreshAfterEveryKindOfChange makes every kind of change a learner or a page makes
// and checks the loss and accuracy shown against a fresh evaluation each time.
func TestLossIsFreshAfterEveryKindOfChange(t *testing.T) {
	p := open(t, "?seed=3")
	Eval[chromedp.Void](p, `nnviz.step(25)`)
	expectFresh(p, "25 steps")

	click(p, toScreen(p, 0.5, -3.5))
	expectFresh(p, "a click that adds a point")
	click(p, toScreen(p, 0.5, -3.5))
	expectFresh(p, "a click that flips it")
	drag(p, toScreen(p, 0.5, -3.5), toScreen(p, 4.5, 2.5))
	expectFresh(p, "a drag")
	moved := getState(p).Points[10]
	click(p, toScreen(p, moved.X, moved.Y), chromedp.ButtonRight)
	expectFresh(p, "a right-click that deletes it")

	Eval[chromedp.Void](p, `(() => { const s = document.getElementById("nnviz-data"); s.value = "circle"; s.dispatchEvent(new Event("change")); })()`)
	p.WaitFor("the circle preset", `nnviz.state().data.name === "circle" && nnviz.state().points.length === 200`, actionTimeout)
	expectFresh(p, "choosing a preset")
	first := getState(p).Points
	p.Do("clicking New sample", chromedp.Click(chromedp.ID("nnviz-resample")))
	p.WaitFor("a new sample", fmt.Sprintf(`nnviz.state().points[0].x !== %v`, first[0].X), actionTimeout)
	expectFresh(p, "a new sample of the preset")

	Eval[chromedp.Void](p, `nnviz.importPoints("1,1,1\n-1,-1,-1\n2,0.5,1\n")`)
	expectFresh(p, "an import")

	Eval[chromedp.Void](p, `(() => { const w = nnviz.weights(); w[0].w[0][0] += 1; nnviz.setWeights(w); })()`)
	expectFresh(p, "setWeights")

	Eval[chromedp.Void](p, `nnviz.teach(1)`)
	p.WaitFor("the walk-through", `!document.getElementById("nnviz-teach").hidden`, actionTimeout)
	steps := getState(p).Steps
	p.Do("clicking Apply this step", chromedp.Click(chromedp.ID("nnviz-apply")))
	p.WaitFor("Apply to count as a step", fmt.Sprintf(`nnviz.state().steps === %d`, steps+1), actionTimeout)
	expectFresh(p, "Apply this step")
	p.WaitFor("the panel's step count", fmt.Sprintf(`(() => { for (const dt of document.querySelectorAll("#nnviz-stats dt")) if (dt.textContent === "Steps") return dt.nextElementSibling.textContent === "%d"; })()`, steps+1), actionTimeout)
	p.ExpectNoConsoleErrors()
}

// TestTogglesShowTheirState: the noise slider shows its value and is disabled, with the
// reason, on the notebook's points; the heatmaps checkbox follows the API.
func TestTogglesShowTheirState(t *testing.T) {
	p := open(t, "")
	if dis := Eval[bool](p, `document.getElementById("nnviz-noise").disabled`); !dis {
		t.Error("the noise slider is enabled on the notebook's fixed points")
	}
	if why := Eval[string](p, `document.getElementById(document.getElementById("nnviz-noise").getAttribute("aria-describedby")).textContent`); !strings.Contains(why, "fixed") {
		t.Errorf("the noise slider's reason is %q", why)
	}
	Eval[chromedp.Void](p, `nnviz.loadData("xor", {n: 100, noise: 0.35, seed: 4})`)
	p.WaitFor("the slider to show 0.35", `!document.getElementById("nnviz-noise").disabled && document.getElementById("nnviz-noise-value").textContent === "0.35"`, actionTimeout)
	Eval[chromedp.Void](p, `nnviz.heatmaps(false)`)
	p.WaitFor("the heatmaps checkbox to clear", `!document.getElementById("nnviz-heatmaps").checked`, actionTimeout)
}

// TestShareLinkOf2000PresetPoints: a 2,000-point preset is shared in at most 2,000 characters,
// the project's own server opens the link, and it restores exactly the same points; the embed
// code keeps controls=.
func TestShareLinkOf2000PresetPoints(t *testing.T) {
	p := open(t, "?data=spiral&n=2000&noise=0.1")
	p.Do("opening the share section", chromedp.Click(chromedp.CSS("#nnviz-section-share > summary")))
	p.Do("clicking Copy link", chromedp.Click(chromedp.ID("nnviz-copy-link")))
	link := Eval[string](p, `document.getElementById("nnviz-share-out").value`)
	if len(link) > 2000 || !strings.Contains(link, "data=spiral") {
		t.Fatalf("the share link is %d characters, want a preset link of at most 2,000: %.300s", len(link), link)
	}
	resp, err := http.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the project's server answers the share link with %s", resp.Status)
	}
	want := Eval[string](p, `JSON.stringify(nnviz.state().points)`)
	q := newPage(t)
	q.Do("opening the link", chromedp.Navigate(link))
	q.WaitFor("window.nnviz", ready, wasmStartTimeout)
	if got := Eval[string](q, `JSON.stringify(nnviz.state().points)`); got != want {
		t.Errorf("the link restored other points (%d characters of JSON, want %d)", len(got), len(want))
	}

	// The embed code names the controls.
	p.Do("clicking Embed", chromedp.Click(chromedp.ID("nnviz-embed")))
	code := Eval[string](p, `document.getElementById("nnviz-share-out").value`)
	if !strings.Contains(code, "controls=") {
		t.Errorf("the embed code has no controls=: %s", code)
	}

	// Once edited, the points are written out: too many for a link, which the page says,
	// offering the JSON export instead.
	Eval[chromedp.Void](p, `nnviz.setLabel(0, -nnviz.state().points[0].label)`)
	p.Do("clicking Copy link", chromedp.Click(chromedp.ID("nnviz-copy-link")))
	note := Eval[string](p, `document.getElementById("nnviz-share-note").textContent`)
	if !strings.Contains(note, "too big for a link") || !strings.Contains(note, "JSON") {
		t.Errorf("after an edit of 2,000 points the share note is %q, want it to say the state is too big and offer the JSON export", note)
	}
	if u, err := url.Parse(link); err != nil || u.Path != "/" {
		t.Errorf("the link %q is not of this page", link)
	}
}
