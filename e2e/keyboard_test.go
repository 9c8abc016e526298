//go:build e2e

package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// keyDef is a key as the keyboard sends it: its DOM key and code, its virtual key code, and the
// text it types (Enter types "\r", which activates a focused button).
type keyDef struct {
	key, code string
	vk        int64
	text      string
}

var (
	keyTab        = keyDef{"Tab", "Tab", 9, ""}
	keyEnter      = keyDef{"Enter", "Enter", 13, "\r"}
	keyEscape     = keyDef{"Escape", "Escape", 27, ""}
	keySpace      = keyDef{" ", "Space", 32, " "}
	keyDelete     = keyDef{"Delete", "Delete", 46, ""}
	keyArrowRight = keyDef{"ArrowRight", "ArrowRight", 39, ""}
	keyArrowDown  = keyDef{"ArrowDown", "ArrowDown", 40, ""}
	keyH          = keyDef{"h", "KeyH", 72, "h"}
	keyS          = keyDef{"s", "KeyS", 83, "s"}
)

// press presses and releases k with the modifiers mods, as a keyboard does: a key down that
// types its text, held for a few frames (the game reads the keyboard once per frame), a key up.
func press(p *Page, k keyDef, mods chromedp.Modifier) {
	p.t.Helper()
	send := func(typ input.DispatchKeyEventType, text string) {
		p.Do(string(typ)+" "+k.key, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Key: k.key, Code: k.code, Modifiers: int64(mods), Text: text, UnmodifiedText: text,
				WindowsVirtualKeyCode: k.vk, NativeVirtualKeyCode: k.vk,
			})
			return err
		}))
	}
	if k.text != "" {
		send(input.DispatchKeyEventTypeKeyDown, k.text)
	} else {
		send(input.DispatchKeyEventTypeRawKeyDown, "")
	}
	p.NextFrames(holdFrames)
	send(input.DispatchKeyEventTypeKeyUp, "")
	p.NextFrames(holdFrames)
}

// focused describes the element that has the focus: its tag and id.
func focused(p *Page) string {
	p.t.Helper()
	return Eval[string](p, `(() => { const e = document.activeElement; return e ? e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") : ""; })()`)
}

// live is what the page last announced to screen readers.
func live(p *Page) string {
	p.t.Helper()
	return Eval[string](p, `document.getElementById("nnviz-live").textContent`)
}

// TestKeyboardOnlySession uses the playground with the keyboard alone, with real key events:
// Tab into the canvas and out of it and back, add a point with the arrows and Enter, delete
// it, play and step, open the walk-through, move through it and close it with Esc.
func TestKeyboardOnlySession(t *testing.T) {
	p := open(t, "")
	if f := focused(p); f != "body" {
		t.Errorf("on load the focus is on %s, want the page (body), not the canvas", f)
	}
	if ti := Eval[string](p, `document.querySelector("canvas").getAttribute("tabindex")`); ti != "0" {
		t.Errorf("the canvas's tabindex is %q, want 0", ti)
	}

	// Tab reaches the canvas first, and it shows a focus ring.
	press(p, keyTab, 0)
	if f := focused(p); f != "canvas" {
		t.Fatalf("after Tab the focus is on %s, want the canvas", f)
	}
	if ring := Eval[string](p, `(() => { const s = getComputedStyle(document.querySelector("canvas")); return s.outlineStyle + " " + s.outlineWidth; })()`); !strings.HasPrefix(ring, "solid 3px") {
		t.Errorf("the focused canvas's outline is %q, want a visible 3px ring", ring)
	}
	p.Screenshot("canvas-focused")

	// Tab leaves the canvas, Shift+Tab comes back: no keyboard trap.
	press(p, keyTab, 0)
	if f := focused(p); f == "canvas" || f == "body" || !Eval[bool](p, `!!document.activeElement.closest("#nnviz-panel")`) {
		t.Fatalf("after a second Tab the focus is on %s, want the first control of the panel", f)
	}
	press(p, keyTab, chromedp.ModifierShift)
	if f := focused(p); f != "canvas" {
		t.Fatalf("after Shift+Tab the focus is on %s, want the canvas again", f)
	}

	// The arrows move the cursor (from the centre of the notebook's view, (2, -0.5), by an
	// eighth of a unit), Enter adds a point of the chosen class there.
	before := getState(p)
	press(p, keyArrowRight, 0)
	press(p, keyArrowRight, 0)
	press(p, keyArrowDown, 0)
	if got := live(p); !strings.HasPrefix(got, "x 2.50, y −0.75") {
		t.Errorf("after →, →, ↓ the page announced %q, want the cursor's coordinates x 2.50, y −0.75", got)
	}
	p.Screenshot("cursor")
	press(p, keyEnter, 0)
	s := getState(p)
	if len(s.Points) != len(before.Points)+1 {
		t.Fatalf("after Enter: %d points, want %d", len(s.Points), len(before.Points)+1)
	}
	added := s.Points[len(s.Points)-1]
	if added.X != 2.5 || added.Y != -0.75 || added.Label != 1 {
		t.Errorf("Enter added %+v, want a point of class 1 at (2.5, -0.75)", added)
	}
	if got := live(p); !strings.HasPrefix(got, "Added point 10, class 1") {
		t.Errorf("after Enter the page announced %q, want what was added", got)
	}

	// Enter again flips it; Delete removes it.
	press(p, keyEnter, 0)
	if s = getState(p); s.Points[len(s.Points)-1].Label != -1 {
		t.Errorf("Enter on the point left it %+v, want its label flipped", s.Points[len(s.Points)-1])
	}
	press(p, keyDelete, 0)
	if s = getState(p); len(s.Points) != len(before.Points) {
		t.Fatalf("after Delete: %d points, want %d", len(s.Points), len(before.Points))
	}
	if got := live(p); got != "Removed point 10." {
		t.Errorf("after Delete the page announced %q", got)
	}

	// The page's shortcuts work on the canvas too: S steps, H turns the heatmaps off and the
	// checkbox follows.
	press(p, keyS, 0)
	if s = getState(p); s.Steps != 1 {
		t.Errorf("S on the canvas: %d steps, want 1", s.Steps)
	}
	press(p, keyH, 0)
	if on, box := Eval[bool](p, `nnviz.heatmaps()`), Eval[bool](p, `document.getElementById("nnviz-heatmaps").checked`); on || box {
		t.Errorf("after H: heatmaps %v, their checkbox %v; want both off", on, box)
	}
	press(p, keyH, 0)

	// Tab to "Walk through a step" and press it with Enter; the arrows move through the
	// stages; Esc closes it and gives the focus back to the button.
	for i := 0; i < 80 && focused(p) != "button#nnviz-teach-open"; i++ {
		press(p, keyTab, 0)
	}
	if f := focused(p); f != "button#nnviz-teach-open" {
		t.Fatalf("Tab never reached the walk-through's button (the focus is on %s)", f)
	}
	press(p, keyEnter, 0)
	p.WaitFor("the walk-through", `nnviz.state().teaching && !document.getElementById("nnviz-teach").hidden`, actionTimeout)
	press(p, keyArrowRight, 0)
	if st := Eval[int](p, `nnviz.state().stage`); st != 1 {
		t.Errorf("→ in the walk-through: stage %d, want 1", st)
	}
	p.Screenshot("walk-through")
	press(p, keyEscape, 0)
	p.WaitFor("the walk-through to close", `!nnviz.state().teaching && document.getElementById("nnviz-teach").hidden`, actionTimeout)
	if f := focused(p); f != "button#nnviz-teach-open" {
		t.Errorf("after Esc the focus is on %s, want the button that opened the walk-through", f)
	}
	p.ExpectNoConsoleErrors()
}

// TestSpaceIsPredictable: Space presses a button reached with the keyboard, and plays or
// pauses after a button was clicked with the mouse (which does not keep the focus).
func TestSpaceIsPredictable(t *testing.T) {
	p := open(t, "")
	p.Do("clicking Step with the mouse", chromedp.Click(chromedp.ID("nnviz-step")))
	p.WaitFor("one step", `nnviz.state().steps === 1`, actionTimeout)
	press(p, keySpace, 0)
	p.WaitFor("Space to play, not to step again", `nnviz.state().running`, actionTimeout)
	press(p, keySpace, 0)
	p.WaitFor("Space to pause", `!nnviz.state().running`, actionTimeout)

	// Reached with Tab, the focused button keeps its platform meaning.
	Eval[chromedp.Void](p, `nnviz.reset()`)
	Eval[chromedp.Void](p, `document.getElementById("nnviz-play").focus()`)
	press(p, keyTab, 0) // Play -> Step, by the keyboard
	if f := focused(p); f != "button#nnviz-step" {
		t.Fatalf("Tab from Play reached %s, want Step", f)
	}
	press(p, keySpace, 0)
	p.WaitFor("Space to press the focused Step button", `nnviz.state().steps === 1 && !nnviz.state().running`, actionTimeout)
}
