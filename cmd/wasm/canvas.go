//go:build js && wasm

package main

import "syscall/js"

// onMouseLeave calls f whenever the mouse leaves ebiten's canvas (the page's only canvas).
func onMouseLeave(f func()) {
	canvas := js.Global().Get("document").Call("querySelector", "canvas")
	if !canvas.Truthy() {
		return
	}
	canvas.Call("addEventListener", "mouseleave", js.FuncOf(func(js.Value, []js.Value) any {
		f()
		return nil
	}))
}
