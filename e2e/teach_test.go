//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// emulateMedia makes the page's CSS media type media ("print"), or the screen's for "".
func emulateMedia(p *Page, media string) {
	p.t.Helper()
	p.Do("emulating media "+media, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	}))
}

// notebookNumbers are the values the notebook prints for its first point (In [12] to In
// [37]), to 3 decimals. The notebook prints a_3 = 0.542, 0.893 from weights with more digits
// than it shows; from its printed weights a_3[1] is 0.54250, shown as 0.543, so only its
// second entry is here (the first is checked against 0.542 to within 0.002).
var notebookNumbers = map[string][]string{
	"a_2":         {"0.386", "0.695", "0.182"},
	"a_3":         {"0.893"},
	"delta_3":     {"0.135", "-0.010"},
	"dw_3 row 1":  {"0.052", "0.094", "0.024"},
	"the new a_3": {"0.537", "0.893"},
	"C_x":         {"0.153"},
}

// shownNumbers is every number the walk-through shows (its MathML <mn> elements), each
// rounded to 3 decimals as the notebook prints them: the all-stages view shows more digits.
const shownNumbers = `[...document.querySelectorAll("#nnviz-teach mn")].map((e) => Number(e.textContent)).filter((v) => !Number.isNaN(v)).map((v) => v.toFixed(3))`

// checkNotebookNumbers fails the test for every notebook number that is not among shown.
func checkNotebookNumbers(t *testing.T, view string, shown map[string]bool) {
	t.Helper()
	for name, nums := range notebookNumbers {
		for _, n := range nums {
			if !shown[n] {
				t.Errorf("%s: %s's %s is not in the walk-through", view, name, n)
			}
		}
	}
}

// TestTeachingShowsTheNotebooksNumbers opens the notebook's own setup and walks every stage
// with the Next button, reading the page: the numbers the notebook prints must be there, and
// its formulas, typeset.
func TestTeachingShowsTheNotebooksNumbers(t *testing.T) {
	p := open(t, "?weights=notebook&teach=0")
	p.WaitFor("the walk-through", `!document.getElementById("nnviz-teach").hidden`, wasmStartTimeout)
	shown := map[string]bool{}
	formulas := map[string]bool{}
	stages := Eval[int](p, `nnviz.lesson().stages.length`)
	if stages != 14 {
		t.Fatalf("%d stages, want the notebook's 14", stages)
	}
	for k := 0; k < stages; k++ {
		title := Eval[string](p, `document.getElementById("nnviz-teach-title").textContent`)
		if !strings.HasPrefix(title, fmt.Sprintf("Stage %d of 14", k+1)) {
			t.Fatalf("at stage %d the title is %q", k+1, title)
		}
		for _, n := range Eval[[]string](p, shownNumbers) {
			shown[n] = true
		}
		// The formula's text without spaces: z₃ = w₃a₂ + b₃ typeset reads "z3=w3a2+b3".
		formulas[Eval[string](p, `["nnviz-formula", "nnviz-entries"].map((id) => (document.getElementById(id) || {}).textContent || "").join(" ").replace(/\s+/g, "")`)] = true
		if k == 2 || k == 8 || k == 12 || k == 13 {
			p.Screenshot(fmt.Sprintf("stage-%02d", k+1))
		}
		if k < stages-1 {
			p.Do("clicking Next", chromedp.Click(chromedp.ID("nnviz-next")))
			p.WaitFor("the next stage", fmt.Sprintf(`document.getElementById("nnviz-teach-title").textContent.startsWith("Stage %d of")`, k+2), 10*time.Second)
		}
	}
	checkNotebookNumbers(t, "one stage at a time", shown)
	// More digits on hover: the value under the pointer lends its digits to its formula's box.
	hover := Eval[[]string](p, `(() => {
		const n = document.querySelector("#nnviz-numbers mn[title]");
		n.dispatchEvent(new PointerEvent("pointerover", {bubbles: true}));
		return [n.textContent, n.closest(".math").title];
	})()`)
	if len(hover) != 2 || len(hover[1]) <= len(hover[0]) || !strings.HasPrefix(hover[1], strings.TrimSuffix(hover[0], "0")[:3]) {
		t.Errorf("hovering the value %q shows %q, want more of its digits", hover[0], hover[1])
	}
	for _, want := range []string{"z3=w3a2+b3", "δ2=(w3Tδ3)⊙σ′(z2)", "w21(3)a1(2)"} {
		found := false
		for f := range formulas {
			found = found || strings.Contains(f, want)
		}
		if !found {
			t.Errorf("no stage's formula reads %q", want)
		}
	}
	a3 := Eval[float64](p, `nnviz.lesson().stages[4].matrices.find((m) => m.name === "a_3").values[0]`)
	if !near(a3, 0.542, 0.002) {
		t.Errorf("a_3[1] = %v, the notebook prints 0.542", a3)
	}
	p.ExpectNoConsoleErrors()
}

// TestEveryStageIsMathML walks every stage of several networks (deeper, tanh, ReLU, softmax with
// cross-entropy, a regression, input features, three classes): each stage says why in a
// sentence, its formula and its numbers are MathML, no visible text has a literal underscore,
// and the update stage shows w, dw and the new w (and b, db, new b) side by side for every layer.
func TestEveryStageIsMathML(t *testing.T) {
	for _, q := range []string{
		"?weights=notebook&teach=0",
		"?layers=2,4,3,2&activation=tanh&teach=2",
		"?layers=2,5,2&activation=relu&cost=crossentropy&teach=1",
		"?problem=regression&data=plane&n=20&teach=3",
		"?features=x,y,x2,sinx&teach=0",
		"?classes=3&data=blobs&n=30&layers=2,4,3&cost=crossentropy&teach=0",
	} {
		t.Run(q, func(t *testing.T) {
			p := open(t, q)
			p.WaitFor("the walk-through", `!document.getElementById("nnviz-teach").hidden`, wasmStartTimeout)
			bad := Eval[[]string](p, `(() => {
				const bad = [];
				let plain = 0;
				const lesson = nnviz.lesson();
				const L = nnviz.state().layers.length;
				const box = document.getElementById("nnviz-teach");
				for (let k = 0; k < lesson.stages.length; k++) {
					nnviz.teachStage(k);
					const at = "stage " + (k + 1) + ": ";
					if (!box.querySelector(".why") || box.querySelector(".why").textContent.length < 20) bad.push(at + "no sentence of why");
					for (const id of ["nnviz-formula", "nnviz-numbers"]) {
						const e = document.getElementById(id);
						if (!e || e.querySelectorAll("math").length === 0) bad.push(at + id + " has no MathML");
					}
					if (box.querySelectorAll("math msub, math msubsup").length === 0) plain++;
					if (box.innerText.includes("_")) bad.push(at + "an underscore in " + JSON.stringify(box.innerText.match(/.{0,20}_.{0,20}/)[0]));
					if (k === lesson.stages.length - 2) {
						const lines = [...document.querySelectorAll("#nnviz-numbers .line")];
						for (let l = 2; l <= L; l++) {
							for (const [x, d] of [["w", "dw"], ["b", "db"]]) {
								const names = [x + "_" + l, d + "_" + l, x + "_" + l + "_new"];
								const line = lines.find((e) => e.querySelector('[data-name="' + names[2] + '"]'));
								const got = line ? [...line.querySelectorAll("[data-name]")].map((e) => e.dataset.name).filter((n) => names.includes(n)) : [];
								if (JSON.stringify(got.slice(0, 3)) !== JSON.stringify(names)) bad.push(at + "layer " + l + " shows " + JSON.stringify(got) + ", want " + JSON.stringify(names));
							}
						}
					}
				}
				// Only y = convert label(1) has no subscript.
				if (plain > 1) bad.push(plain + " stages have no subscript");
				return bad;
			})()`)
			for _, b := range bad {
				t.Error(b)
			}
			p.ExpectNoConsoleErrors()
		})
	}
}

// TestAllStagesView opens teach=0&view=all: every stage on one page with the notebook's
// numbers (to more digits), no literal underscores; the button goes back to one stage at a
// time; printed, the walk-through is the page.
func TestAllStagesView(t *testing.T) {
	p := open(t, "?weights=notebook&teach=0&view=all")
	p.WaitFor("the walk-through's stages", `document.querySelectorAll("#nnviz-teach section.stage").length > 0`, wasmStartTimeout)
	if n := Eval[int](p, `document.querySelectorAll("#nnviz-teach section.stage").length`); n != 14 {
		t.Errorf("the all-stages view shows %d stages, want 14", n)
	}
	if n := Eval[int](p, `document.querySelectorAll("#nnviz-teach section.stage math").length`); n < 28 {
		t.Errorf("the all-stages view has %d formulas, want at least two a stage", n)
	}
	if Eval[bool](p, `document.getElementById("nnviz-teach").innerText.includes("_")`) {
		t.Error("the all-stages view shows a literal underscore")
	}
	// More digits than one stage at a time shows.
	if !Eval[bool](p, `[...document.querySelectorAll("#nnviz-teach mn")].some((e) => /^-?\d+\.\d{5}$/.test(e.textContent))`) {
		t.Error("the all-stages view shows no value to 5 decimals")
	}
	shown := map[string]bool{}
	for _, n := range Eval[[]string](p, shownNumbers) {
		shown[n] = true
	}
	checkNotebookNumbers(t, "all stages", shown)
	p.Screenshot("all-stages-800x600")

	// Printed: no canvas, no controls, the walk-through in the page's flow.
	emulateMedia(p, "print")
	printed := Eval[[]string](p, `[getComputedStyle(document.querySelector("canvas")).display, getComputedStyle(document.getElementById("nnviz-teach")).position, getComputedStyle(document.querySelector("#nnviz-teach .teach-nav")).display]`)
	if fmt.Sprint(printed) != "[none static none]" {
		t.Errorf("printed: canvas, walk-through and its buttons are %v, want [none static none]", printed)
	}
	emulateMedia(p, "")

	p.Do("clicking One stage at a time", chromedp.Click(chromedp.ID("nnviz-teach-view")))
	p.WaitFor("one stage", `document.getElementById("nnviz-teach-title").textContent.startsWith("Stage 1 of 14")`, 10*time.Second)
	if n := Eval[int](p, `document.querySelectorAll("#nnviz-teach section.stage").length`); n != 0 {
		t.Errorf("one stage at a time still shows %d stage sections", n)
	}
	p.ExpectNoConsoleErrors()
}

// TestWalkThroughIsLegibleWhereEmbedded opens the walk-through in a 900x560 embed and on a
// phone (390x844 at device scale 2), at the update stage of a deeper network: the formulas'
// text is at least 11 CSS px, and a matrix wider than the walk-through scrolls sideways inside
// its box rather than overflowing the page or shrinking.
func TestWalkThroughIsLegibleWhereEmbedded(t *testing.T) {
	for _, c := range []struct {
		name  string
		w, h  int64
		scale float64
		path  string
	}{
		{"embed-900x560", 900, 560, 1, "embed.html?weights=notebook&teach=0"},
		{"phone-390x844", 390, 844, 2, "?weights=notebook&teach=0"},
		{"desktop-1280x800", 1280, 800, 1, "?layers=2,8,8,2&activation=tanh&teach=0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := server(t)
			p := newPage(t)
			p.Do("sizing the viewport", chromedp.EmulateViewport(c.w, c.h, chromedp.EmulateScale(c.scale)))
			p.Do("opening "+c.path, chromedp.Navigate(srv.URL+c.path))
			p.WaitFor("window.nnviz", ready, wasmStartTimeout)
			p.WaitFor("the walk-through", `!document.getElementById("nnviz-teach").hidden`, wasmStartTimeout)
			for _, k := range []int{3, 8, 12} {
				Eval[chromedp.Void](p, fmt.Sprintf(`nnviz.teachStage(%d)`, k))
				p.WaitFor("the stage", fmt.Sprintf(`document.getElementById("nnviz-teach-title").textContent.startsWith("Stage %d of")`, k+1), 10*time.Second)
				p.NextFrames(2)
				got := Eval[struct {
					Smallest  float64
					PageWider bool
					Wide      int
					Scrolls   int
				}](p, `(() => {
					const box = document.getElementById("nnviz-teach");
					const mns = [...box.querySelectorAll("mn:not(.shape)")];
					const maths = [...box.querySelectorAll(".math")];
					const wide = maths.filter((m) => m.scrollWidth > m.clientWidth + 1);
					return {
						smallest: Math.min(...mns.map((e) => parseFloat(getComputedStyle(e).fontSize))),
						pageWider: document.documentElement.scrollWidth > innerWidth || box.scrollWidth > box.clientWidth + 1,
						wide: wide.length,
						scrolls: wide.filter((m) => getComputedStyle(m).overflowX === "auto").length,
					};
				})()`)
				if got.Smallest < 11 {
					t.Errorf("stage %d: a number is %.1f CSS px, want at least 11", k+1, got.Smallest)
				}
				if got.PageWider {
					t.Errorf("stage %d: the walk-through is wider than the page", k+1)
				}
				if got.Wide != got.Scrolls {
					t.Errorf("stage %d: %d formulas are wider than their box, %d of them scroll", k+1, got.Wide, got.Scrolls)
				}
				p.Screenshot(fmt.Sprintf("stage-%02d", k+1))
			}
			Eval[chromedp.Void](p, `nnviz.teachView("all")`)
			p.WaitFor("all stages", `document.querySelectorAll("#nnviz-teach section.stage").length > 0`, 10*time.Second)
			p.Screenshot("all-stages")
			p.ExpectNoConsoleErrors()
		})
	}
}

// TestApplyThisStepUpdatesTheLiveNetwork presses "Apply this step" and checks that the output
// for the point moved as the last stage said it would.
func TestApplyThisStepUpdatesTheLiveNetwork(t *testing.T) {
	p := open(t, "?weights=notebook&teach=0")
	p.WaitFor("the walk-through", `!document.getElementById("nnviz-teach").hidden`, wasmStartTimeout)
	want := Eval[[][]float64](p, `nnviz.trace(0).a_3_new`)
	p.Do("clicking Apply", chromedp.Click(chromedp.ID("nnviz-apply")))
	got := Eval[[][]float64](p, `nnviz.trace(0).a_3`)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("a_3 after applying = %v, the walk-through promised %v", got, want)
	}
	if !near(got[0][0], 0.537, 0.002) || !near(got[1][0], 0.893, 0.002) {
		t.Errorf("a_3 after the notebook's step = %v, the notebook prints 0.537, 0.893", got)
	}
	// The arrow keys move between stages.
	p.Do("focusing the page", chromedp.Focus(chromedp.ID("nnviz-next")))
	key(p, "ArrowRight", "ArrowRight", 39, 0)
	if k := Eval[int](p, `nnviz.state().stage`); k != 1 {
		t.Errorf("after ArrowRight the stage is %d, want 1", k)
	}
}

// TestWalkThroughReportsWhatItCannotDo clicks the walk-through's buttons after the point it
// showed has gone (as a click queued before a change from elsewhere would): nothing throws
// uncaught, and the walk-through says in words why it cannot go on, and still closes.
func TestWalkThroughReportsWhatItCannotDo(t *testing.T) {
	for _, button := range []string{"nnviz-apply", "nnviz-next"} {
		t.Run(button, func(t *testing.T) {
			p := open(t, "?weights=notebook&teach=0")
			p.WaitFor("the walk-through", `document.getElementById("`+button+`") !== null`, wasmStartTimeout)
			Eval[chromedp.Void](p, `(() => {
				const stale = document.getElementById("`+button+`");
				nnviz.setPoints([]);
				stale.click();
			})()`)
			msg := Eval[string](p, `(document.getElementById("nnviz-teach-error") || {}).textContent || ""`)
			if !strings.HasPrefix(msg, "The walk-through cannot go on: ") || !strings.Contains(msg, "select a point") || strings.Contains(msg, "nnviz.") {
				t.Errorf("the walk-through says %q; want why it cannot go on, in words", msg)
			}
			p.Do("closing the walk-through", chromedp.Click(chromedp.ID("nnviz-teach-close")))
			p.WaitFor("the walk-through to close", `document.getElementById("nnviz-teach").hidden`, 5*time.Second)
			p.ExpectNoConsoleErrors()
		})
	}
}
