//go:build e2e

package e2e

import (
	"context"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// The game reads input once per frame, so a press and a release in the same frame would go
// unseen, as they never do from a hand: every gesture below holds the button for a few frames.
const holdFrames = 4

// click presses and releases a mouse button at (x, y) in CSS pixels, like a person does.
func click(p *Page, at xy, opts ...chromedp.MouseOption) {
	p.t.Helper()
	press := append([]chromedp.MouseOption{chromedp.ButtonLeft, chromedp.ClickCount(1)}, opts...)
	p.Do("moving the mouse", chromedp.MouseEvent(chromedp.MouseMoved, at.X, at.Y))
	p.NextFrames(2)
	p.Do("pressing the mouse", chromedp.MouseEvent(chromedp.MousePressed, at.X, at.Y, press...))
	p.NextFrames(holdFrames)
	p.Do("releasing the mouse", chromedp.MouseEvent(chromedp.MouseReleased, at.X, at.Y, press...))
	p.NextFrames(holdFrames)
}

// drag presses at from, moves to to in steps, and releases there.
func drag(p *Page, from, to xy) {
	p.t.Helper()
	p.Do("moving the mouse", chromedp.MouseEvent(chromedp.MouseMoved, from.X, from.Y))
	p.NextFrames(2)
	p.Do("pressing the mouse", chromedp.MouseEvent(chromedp.MousePressed, from.X, from.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	p.NextFrames(holdFrames)
	const steps = 8
	for i := 1; i <= steps; i++ {
		x := from.X + (to.X-from.X)*float64(i)/steps
		y := from.Y + (to.Y-from.Y)*float64(i)/steps
		p.Do("dragging", chromedp.MouseEvent(chromedp.MouseMoved, x, y, chromedp.ButtonLeft))
		p.NextFrames(1)
	}
	p.NextFrames(holdFrames)
	p.Do("releasing the mouse", chromedp.MouseEvent(chromedp.MouseReleased, to.X, to.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	p.NextFrames(holdFrames)
}

// keyEvent dispatches one key event, as the keyboard sends it.
func keyEvent(p *Page, typ input.DispatchKeyEventType, keyName, code string, vk int64, mods chromedp.Modifier) {
	p.t.Helper()
	p.Do(string(typ)+" "+keyName, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
			Type: typ, Key: keyName, Code: code, Modifiers: int64(mods),
			WindowsVirtualKeyCode: vk, NativeVirtualKeyCode: vk,
		})
		return err
	}))
}

// modifierKeys are the keys a hand holds down for each modifier.
var modifierKeys = []struct {
	mod       chromedp.Modifier
	key, code string
	vk        int64
}{
	{chromedp.ModifierCtrl, "Control", "ControlLeft", 17},
	{chromedp.ModifierShift, "Shift", "ShiftLeft", 16},
}

// holding runs f with the modifier keys of mods held down, pressed and released as keys (the
// game reads the keyboard, not the flags of a mouse event).
func holding(p *Page, mods chromedp.Modifier, f func()) {
	p.t.Helper()
	held := chromedp.ModifierNone
	for _, m := range modifierKeys {
		if mods&m.mod != 0 {
			held |= m.mod
			keyEvent(p, input.DispatchKeyEventTypeRawKeyDown, m.key, m.code, m.vk, held)
		}
	}
	p.NextFrames(2)
	f()
	for _, m := range modifierKeys {
		if mods&m.mod != 0 {
			held &^= m.mod
			keyEvent(p, input.DispatchKeyEventTypeKeyUp, m.key, m.code, m.vk, held)
		}
	}
	p.NextFrames(2)
}

// key presses and releases a key (DOM key "z", code "KeyZ") with the modifier keys of mods held,
// each held for a few frames.
func key(p *Page, keyName, code string, vk int64, mods chromedp.Modifier) {
	p.t.Helper()
	holding(p, mods, func() {
		keyEvent(p, input.DispatchKeyEventTypeRawKeyDown, keyName, code, vk, mods)
		p.NextFrames(holdFrames)
		keyEvent(p, input.DispatchKeyEventTypeKeyUp, keyName, code, vk, mods)
		p.NextFrames(holdFrames)
	})
}
