//go:build js && wasm

package main

import "syscall/js"

// canvas returns ebiten's canvas (the page's only one), or a null value.
func canvas() js.Value {
	return js.Global().Get("document").Call("querySelector", "canvas")
}

// onMouseLeave calls f whenever the mouse leaves ebiten's canvas.
func onMouseLeave(f func()) {
	c := canvas()
	if !c.Truthy() {
		return
	}
	c.Call("addEventListener", "mouseleave", js.FuncOf(func(js.Value, []js.Value) any {
		f()
		return nil
	}))
}

// keyboardTarget is what the renderer needs to know about the canvas's focus.
type keyboardTarget interface {
	SetKeyboardFocus(focused, byKeyboard bool)
}

// setupCanvas makes ebiten's canvas a part of the page that keyboards and screen readers can
// use: it moves into the page's <main>, takes its place in the Tab order (tabindex 0, not
// ebiten's 1), is named and described (the description is the summary describe.js keeps),
// and tells the renderer when it has the focus, so that the keyboard cursor shows then.
func setupCanvas(g keyboardTarget) {
	c := canvas()
	if !c.Truthy() {
		return
	}
	doc := js.Global().Get("document")
	if main := doc.Call("getElementById", "nnviz-main"); main.Truthy() {
		main.Call("appendChild", c)
	}
	c.Call("setAttribute", "tabindex", "0")
	c.Call("setAttribute", "role", "application")
	c.Call("setAttribute", "aria-label", "Playground: the plane of points, the network and the training chart")
	c.Call("setAttribute", "aria-describedby", "nnviz-summary nnviz-keys")
	c.Get("style").Call("removeProperty", "outline")
	c.Call("addEventListener", "focus", js.FuncOf(func(js.Value, []js.Value) any {
		g.SetKeyboardFocus(true, c.Call("matches", ":focus-visible").Bool())
		return nil
	}))
	c.Call("addEventListener", "blur", js.FuncOf(func(js.Value, []js.Value) any {
		g.SetKeyboardFocus(false, false)
		return nil
	}))
}

// announcer returns a function that says a sentence to screen readers, through the page's
// polite live region.
func announcer() func(string) {
	live := js.Global().Get("document").Call("getElementById", "nnviz-live")
	return func(s string) {
		if live.Truthy() {
			live.Set("textContent", s)
		}
	}
}

// wakeEvents are the page's events after which the picture may change: input anywhere on the
// page (the panel's controls change the playground too), and changes of size or visibility.
// Listened for on the window in the capture phase, they are heard whatever their target
// (visibilitychange's is the document).
var wakeEvents = []string{
	"pointerdown", "pointermove", "pointerup", "pointercancel", "wheel", "keydown", "keyup",
	"touchstart", "touchmove", "touchend", "touchcancel", "focusin", "focusout", "resize",
	"visibilitychange", "pageshow",
}

// wakeOnEvents lets the game loop rest while the picture is settled (render.Game.Wake): the
// page's input events and resizes, and every change of the canvas's size (a ResizeObserver,
// for a panel that opens or an embed that a course page resizes), wake it.
func wakeOnEvents(g interface{ Wake() }) {
	wake := js.FuncOf(func(js.Value, []js.Value) any {
		g.Wake()
		return nil
	})
	opts := js.Global().Get("Object").New()
	opts.Set("capture", true)
	opts.Set("passive", true)
	for _, name := range wakeEvents {
		js.Global().Call("addEventListener", name, wake, opts)
	}
	if ro := js.Global().Get("ResizeObserver"); ro.Truthy() {
		if c := canvas(); c.Truthy() {
			ro.New(wake).Call("observe", c)
		}
	}
}
