//go:build e2e

package e2e

import (
	"fmt"
	"image"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// choose sets a select of the panel to value and tells the page, as a person's choice does.
func choose(p *Page, id, value string) {
	p.t.Helper()
	Eval[chromedp.Void](p, fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.value = %q; s.dispatchEvent(new Event("change")); })()`, id, value))
}

// zeroWeights counts the weights (not biases) that are exactly 0.
const zeroWeights = `nnviz.weights().reduce((n, l) => n + l.w.flat().filter((v) => v === 0).length, 0)`

// TestRegularizationThroughAddressPanelAndShare: reg and regRate from the address show in the
// panel and state(); L1 trains some weights to exactly 0; the panel changes the penalty; a
// share link carries it; an old l2= link reads as L2; a bad rate is named; the walk-through's
// update stage shows the penalty's term.
func TestRegularizationThroughAddressPanelAndShare(t *testing.T) {
	p := open(t, "?reg=l1&regRate=0.03&data=circle&n=100&layers=2,8,2&activation=tanh&lr=0.03")
	s := Eval[map[string]any](p, `(() => { const s = nnviz.state(); return {reg: s.reg, regRate: s.regRate, sel: document.getElementById("nnviz-reg").value, rate: document.getElementById("nnviz-reg-rate").value}; })()`)
	if s["reg"] != "l1" || s["regRate"] != 0.03 || s["sel"] != "l1" || s["rate"] != "0.03" {
		t.Fatalf("from the address: %v", s)
	}
	if n := Eval[int](p, zeroWeights); n != 0 {
		t.Fatalf("%d weights are exactly 0 before training", n)
	}
	Eval[chromedp.Void](p, `nnviz.step(3000)`)
	if n := Eval[int](p, zeroWeights); n == 0 {
		t.Errorf("no weight is exactly 0 after 3000 steps under L1: %v", Eval[any](p, `nnviz.weights()`))
	} else {
		t.Logf("%d weights exactly 0 after 3000 steps under L1", n)
	}

	choose(p, "nnviz-reg", "l2")
	choose(p, "nnviz-reg-rate", "0.1")
	p.WaitFor("L2 at 0.1 from the panel", `nnviz.state().reg === "l2" && nnviz.state().regRate === 0.1`, actionTimeout)
	q := Eval[string](p, `nnviz.share(false)`)
	if !strings.Contains(q, "reg=l2") || !strings.Contains(q, "regRate=0.1") {
		t.Errorf("the share link %q does not carry reg=l2&regRate=0.1", q)
	}

	again := open(t, "?"+q)
	if got := Eval[string](again, `nnviz.state().reg + " " + nnviz.state().regRate + " " + document.getElementById("nnviz-reg").value`); got != "l2 0.1 l2" {
		t.Errorf("the shared link opens with %q, want L2 at 0.1", got)
	}
	Eval[chromedp.Void](again, `nnviz.teach(0)`)
	Eval[chromedp.Void](again, `nnviz.teachStage(nnviz.lesson().stages.length - 2)`)
	// The typeset formula reads w_l − step size · (dw_l + λ·w_l) = new w_l, and each layer's
	// numbers put nn's λ·w_l matrix beside dw_l inside the gradient.
	again.WaitFor("the update stage's penalty", `document.getElementById("nnviz-formula") && document.getElementById("nnviz-formula").textContent.replace(/\s+/g, "").includes("(dwl+λ·wl)") && document.querySelector('#nnviz-numbers [data-name="l2_w_3"]') !== null`, actionTimeout)
	again.Screenshot("walk-through-update")
	if names := Eval[string](again, `[...document.querySelector('#nnviz-numbers [data-name="l2_w_3"]').closest(".line").querySelectorAll("[data-name]")].map((e) => e.dataset.name).join(" ")`); names != "w_3 dw_3 l2_w_3 w_3_new" {
		t.Errorf("layer 3's update shows %q, want w_3 dw_3 l2_w_3 w_3_new", names)
	}
	again.ExpectNoConsoleErrors()

	old := open(t, "?l2=0.03")
	if got := Eval[string](old, `nnviz.state().reg + " " + nnviz.state().regRate + " " + document.getElementById("nnviz-reg-rate").value`); got != "l2 0.03 0.03" {
		t.Errorf("an old l2=0.03 link opens with %q, want L2 at 0.03", got)
	}
	if q := Eval[string](old, `nnviz.share(false)`); strings.Contains(q, "&l2=") || !strings.Contains(q, "reg=l2&regRate=0.03") {
		t.Errorf("an old link shares as %q, want the new form", q)
	}

	bad := open(t, "?regRate=abc&reg=l3")
	probs := Eval[string](bad, `JSON.stringify(nnviz.problems())`)
	if !strings.Contains(probs, "regRate") || !strings.Contains(probs, `\"abc\" is not a regularization rate`) || !strings.Contains(probs, `\"l3\" is not a regularization`) {
		t.Errorf("problems: %s", probs)
	}
	p.ExpectNoConsoleErrors()
}

// classShare is the share of the plot's pixels that have one of its two commonest colours:
// near 1 for hard classes (all but the points and the contour), less for a shaded plane.
func classShare(p *Page, img image.Image) float64 { return topShare(p, img, 2) }

// topShare is the share of the plot's pixels that have one of its k commonest colours.
func topShare(p *Page, img image.Image, k int) float64 {
	p.t.Helper()
	r := Eval[struct{ X, Y, W, H float64 }](p, `nnviz.layout().plot`)
	sx := float64(img.Bounds().Dx()) / float64(viewportWidth)
	b := image.Rect(int((r.X+2)*sx), int((r.Y+2)*sx), int((r.X+r.W-2)*sx), int((r.Y+r.H-2)*sx))
	count := map[[4]uint32]int{}
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			count[[4]uint32{r, g, bl, a}]++
			n++
		}
	}
	counts := make([]int, 0, len(count))
	for _, c := range count {
		counts = append(counts, c)
	}
	slices.Sort(counts)
	top := 0
	for _, c := range counts[max(0, len(counts)-k):] {
		top += c
	}
	return float64(top) / float64(max(n, 1))
}

// TestDiscretizeThreeClasses: with three classes, discretize paints each region in its class's
// colour at full strength, where the shaded plane fades to white with the confidence.
func TestDiscretizeThreeClasses(t *testing.T) {
	p := open(t, "?classes=3&data=blobs&n=60&layers=2,6,3&activation=tanh&cost=crossentropy&discretize=1")
	Eval[chromedp.Void](p, `nnviz.step(300)`)
	p.NextFrames(3)
	hard := topShare(p, p.Screenshot("discretized"), 3)
	Eval[chromedp.Void](p, `nnviz.configure({discretize: false})`)
	p.WaitFor("discretize off", `nnviz.state().discretize === false`, actionTimeout)
	p.NextFrames(3)
	soft := topShare(p, p.Screenshot("shaded"), 3)
	t.Logf("the plot's three commonest colours cover %.2f discretized, %.2f shaded", hard, soft)
	if hard < 0.85 || hard-soft < 0.2 {
		t.Errorf("three colours cover %.2f of the plot discretized and %.2f shaded; want above 0.85, and 0.2 more than shaded", hard, soft)
	}
	p.ExpectNoConsoleErrors()
}

// TestDiscretize: discretize=1 from the address paints the plane in two flat colours, the
// checkbox says so and turns it off (shading again), configure and a share link carry it, and
// the saved state keeps it and the penalty across a reload.
func TestDiscretize(t *testing.T) {
	const q = "?data=xor&n=30&layers=2,4,2&activation=tanh&seed=3&weights=1,2,-2,1,1,1,-1,-2,0.5,0,0,0,2,-1,1,2,-2,1,-1,-2,0,0"
	p := open(t, q+"&discretize=1")
	if on := Eval[bool](p, `nnviz.state().discretize && document.getElementById("nnviz-discretize").checked`); !on {
		t.Fatal("discretize=1 is not on in state() and the checkbox")
	}
	p.NextFrames(3)
	hard := classShare(p, p.Screenshot("discretized"))
	p.Do("clicking Discretize output", chromedp.Click(chromedp.ID("nnviz-discretize")))
	p.WaitFor("discretize off", `nnviz.state().discretize === false`, actionTimeout)
	p.NextFrames(3)
	soft := classShare(p, p.Screenshot("shaded"))
	t.Logf("the plot's two commonest colours cover %.2f discretized, %.2f shaded", hard, soft)
	if hard < 0.85 || hard-soft < 0.2 {
		t.Errorf("two colours cover %.2f of the plot discretized and %.2f shaded; want above 0.85, and 0.2 more than shaded", hard, soft)
	}
	Eval[chromedp.Void](p, `nnviz.configure({discretize: true})`)
	p.WaitFor("the checkbox to follow configure", `document.getElementById("nnviz-discretize").checked`, actionTimeout)
	if s := Eval[string](p, `nnviz.share(false)`); !strings.Contains(s, "discretize=1") {
		t.Errorf("the share link %q does not carry discretize=1", s)
	}
	// The learner's state is kept across a reload, with the penalty too.
	Eval[chromedp.Void](p, `nnviz.configure({discretize: false, reg: "l1", regRate: 0.3})`)
	p.WaitFor("the state to be saved", `Object.keys(localStorage).some((k) => (localStorage.getItem(k) || "").includes("reg=l1&regRate=0.3"))`, actionTimeout)
	p.Do("reloading", chromedp.Reload())
	p.WaitAcrossNavigation("the penalty after a reload", `window.nnviz && typeof nnviz.state === "function" && nnviz.state().reg === "l1" && nnviz.state().regRate === 0.3 && nnviz.state().discretize === false`, wasmStartTimeout)
	p.ExpectNoConsoleErrors()
}

// keyW opens the weight's field anywhere but in a text field.
var keyW = keyDef{"w", "KeyW", 87, "w"}

// typeText types s into the focused element with real key events.
func typeText(p *Page, s string) {
	p.t.Helper()
	p.Do("typing "+s, chromedp.KeyEvent(s))
}

// TestEditWeightByKeyboard: W opens the field on w_2[1,1] with the focus in it, named after the
// weight; typing a value and Enter sets it (the loss follows), Ctrl+Z takes it back; Esc
// cancels; an absurd value is named in the dialog, which stays open; setBias and setWeight
// refuse what the network has not.
func TestEditWeightByKeyboard(t *testing.T) {
	p := open(t, "?weights=notebook")
	w0 := Eval[float64](p, `nnviz.weights()[0].w[0][0]`)
	loss0 := Eval[float64](p, `nnviz.state().loss`)
	press(p, keyW, 0)
	p.WaitFor("the weight's field", `document.getElementById("nnviz-weight-dialog").open && document.activeElement.id === "nnviz-weight-value"`, actionTimeout)
	if l := Eval[string](p, `document.getElementById("nnviz-weight-value").labels[0].textContent`); l != "New value of w_2[1,1]" {
		t.Errorf("the field is labelled %q", l)
	}
	typeText(p, "2.5")
	press(p, keyEnter, 0)
	p.WaitFor("w_2[1,1] = 2.5", `nnviz.weights()[0].w[0][0] === 2.5 && !document.getElementById("nnviz-weight-dialog").open`, actionTimeout)
	if loss := Eval[float64](p, `nnviz.state().loss`); loss == loss0 {
		t.Errorf("the loss %v did not follow the new weight", loss)
	}
	p.NextFrames(2)
	p.Screenshot("after-edit")

	press(p, keyDef{"z", "KeyZ", 90, "z"}, chromedp.ModifierCtrl)
	p.WaitFor("undo", fmt.Sprintf(`nnviz.weights()[0].w[0][0] === %v`, w0), actionTimeout)

	press(p, keyW, 0)
	p.WaitFor("the field again", `document.activeElement.id === "nnviz-weight-value"`, actionTimeout)
	typeText(p, "9")
	press(p, keyEscape, 0)
	p.WaitFor("Esc to close it", `!document.getElementById("nnviz-weight-dialog").open`, actionTimeout)
	if v := Eval[float64](p, `nnviz.weights()[0].w[0][0]`); v != w0 {
		t.Errorf("Esc set w_2[1,1] to %v", v)
	}

	press(p, keyW, 0)
	p.WaitFor("the field again", `document.activeElement.id === "nnviz-weight-value"`, actionTimeout)
	typeText(p, "1e6")
	press(p, keyEnter, 0)
	p.WaitFor("the error", `document.getElementById("nnviz-weight-error").textContent.includes("too large")`, actionTimeout)
	if stays := Eval[bool](p, `document.getElementById("nnviz-weight-dialog").open`); !stays {
		t.Error("the dialog closed on a refused value")
	}
	p.Screenshot("refused")
	press(p, keyEscape, 0)

	Eval[chromedp.Void](p, `nnviz.setBias(3, 2, -0.75)`)
	if b := Eval[float64](p, `nnviz.weights()[1].b[1]`); b != -0.75 {
		t.Errorf("setBias(3, 2, -0.75) left b_3[2] = %v", b)
	}
	for call, says := range map[string]string{
		`nnviz.setWeight(4, 1, 1, 0)`:   "layer 4 has no weights",
		`nnviz.setWeight(2, 1, 3, 0)`:   "column 3 is out of range",
		`nnviz.setWeight(2, 1, 1, NaN)`: "want a finite number",
		`nnviz.setBias(2, 1, 5000)`:     "b_2[1]: 5000 is too large",
	} {
		if msg := Eval[string](p, `(() => { try { `+call+`; return ""; } catch (e) { return e.message; } })()`); !strings.Contains(msg, says) {
			t.Errorf("%s: %q, want an error saying %q", call, msg, says)
		}
	}
	p.ExpectNoConsoleErrors()
}

// TestNewSampleIsUndoable: New sample draws other points of the preset; Undo brings back the
// points and the data seed of before.
func TestNewSampleIsUndoable(t *testing.T) {
	p := open(t, "?data=circle&n=50&dataseed=7")
	before := Eval[string](p, `JSON.stringify([nnviz.state().points, nnviz.state().data.seed])`)
	p.Do("clicking New sample", chromedp.Click(chromedp.ID("nnviz-resample")))
	p.WaitFor("a new sample", `nnviz.state().data.seed !== 7`, actionTimeout)
	p.Do("clicking Undo", chromedp.Click(chromedp.ID("nnviz-undo")))
	p.WaitFor("the sample of before", fmt.Sprintf(`JSON.stringify([nnviz.state().points, nnviz.state().data.seed]) === %q`, before), actionTimeout)
	if edited := Eval[bool](p, `nnviz.state().dataEdited`); edited {
		t.Error("the undone sample counts as edited points")
	}
	p.ExpectNoConsoleErrors()
}

// TestEditWeightByClickingItsEdge: at 1280x800 a click on the edge of w_3[1,2] opens the field
// on it, next to the click; a value and Enter set it; a click on b_2[3]'s ring opens it on the
// bias. axe-core finds nothing wrong with the open dialog.
func TestEditWeightByClickingItsEdge(t *testing.T) {
	p := openEmbedSized(t, "?weights=notebook", 1280, 800)
	type pt struct{ X, Y float64 }
	ns := Eval[[][]pt](p, `nnviz.layout().neurons`)
	if len(ns) != 3 || len(ns[1]) != 3 || len(ns[2]) != 2 {
		t.Fatalf("layout().neurons = %v, want the 2-3-2 network's centres", ns)
	}
	a, b := ns[1][1], ns[2][0] // neuron 2 of layer 2 to neuron 1 of layer 3: w_3[1,2]
	at := xy{a.X + 0.4*(b.X-a.X), a.Y + 0.4*(b.Y-a.Y)}
	click(p, at)
	p.WaitFor("the field on w_3[1,2]", `document.getElementById("nnviz-weight-dialog").open && document.getElementById("nnviz-weight-which").value === "3,1,2" && document.activeElement.id === "nnviz-weight-value"`, actionTimeout)
	box := Eval[pt](p, `(() => { const r = document.getElementById("nnviz-weight-dialog").getBoundingClientRect(); return {x: r.left, y: r.top}; })()`)
	if box.X < at.X || box.X > at.X+40 || box.Y < at.Y-400 || box.Y > at.Y+40 {
		t.Errorf("the dialog is at %v, not next to the click at %v", box, at)
	}
	p.Screenshot("edge-clicked")
	typeText(p, "-1.5")
	press(p, keyEnter, 0)
	p.WaitFor("w_3[1,2] = -1.5", `nnviz.weights()[1].w[0][1] === -1.5`, actionTimeout)

	c := ns[1][2]
	r := Eval[float64](p, `nnviz.layout().neuron`) / 2
	click(p, xy{c.X, c.Y - r - 1.5})
	p.WaitFor("the field on b_2[3]", `document.getElementById("nnviz-weight-dialog").open && document.getElementById("nnviz-weight-which").value === "2,3,0"`, actionTimeout)
	if l := Eval[string](p, `document.getElementById("nnviz-weight-value").labels[0].textContent`); l != "New value of b_2[3]" {
		t.Errorf("the field is labelled %q", l)
	}
	press(p, keyEscape, 0)
	p.WaitFor("the dialog to close", `!document.getElementById("nnviz-weight-dialog").open`, actionTimeout)
	p.ExpectNoConsoleErrors()

	ax := openWithAxe(t, "/?weights=notebook", true)
	press(ax, keyW, 0)
	ax.WaitFor("the weight's field", `document.getElementById("nnviz-weight-dialog").open`, actionTimeout)
	reportViolations(t, "/ with the weight's field open", axeRun(ax))
}

// TestRegulariseAndDiscretizeInAnEmbed: a 900x560 embed whose address names the controls shows
// the regularisation selects and the discretize box, labelled, and they work.
func TestRegulariseAndDiscretizeInAnEmbed(t *testing.T) {
	p := openEmbedSized(t, "embed.html?controls=play,step,reset,reg,discretize&data=xor&n=30", 900, 560)
	labels := Eval[string](p, `["nnviz-reg", "nnviz-reg-rate", "nnviz-discretize"].map((id) => document.getElementById(id).labels[0].textContent.trim()).join("|")`)
	if labels != "Regularization|Rate λ|Discretize output" {
		t.Errorf("the controls' labels are %q", labels)
	}
	choose(p, "nnviz-reg", "l1")
	choose(p, "nnviz-reg-rate", "0.003")
	p.Do("clicking Discretize output", chromedp.Click(chromedp.ID("nnviz-discretize")))
	p.WaitFor("L1, 0.003, discretized", `nnviz.state().reg === "l1" && nnviz.state().regRate === 0.003 && nnviz.state().discretize`, actionTimeout)
	p.NextFrames(3)
	p.Screenshot("embed")
	p.ExpectNoConsoleErrors()
}
