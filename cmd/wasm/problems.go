//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/nnviz/nnviz/app"
)

// showProblems lists the URL parameters that could not be used, over the canvas, so an author
// sees at once what was wrong while the page still works with the defaults.
func showProblems(problems []app.Problem) {
	if len(problems) == 0 {
		return
	}
	doc := js.Global().Get("document")
	box := doc.Call("createElement", "div")
	box.Set("id", "nnviz-problems")
	box.Call("setAttribute", "role", "alert")
	box.Get("classList").Call("add", "nnviz-problems")
	title := doc.Call("createElement", "strong")
	title.Set("textContent", "Some settings in this page's address could not be used; the defaults stand in for them:")
	box.Call("appendChild", title)
	list := doc.Call("createElement", "ul")
	for _, p := range problems {
		item := doc.Call("createElement", "li")
		item.Set("textContent", p.Error())
		list.Call("appendChild", item)
	}
	box.Call("appendChild", list)
	closeBtn := doc.Call("createElement", "button")
	closeBtn.Set("type", "button")
	closeBtn.Set("textContent", "Dismiss")
	closeBtn.Call("setAttribute", "aria-label", "Dismiss the list of address problems")
	var onClose js.Func
	onClose = js.FuncOf(func(js.Value, []js.Value) any {
		box.Call("remove")
		onClose.Release()
		return nil
	})
	closeBtn.Call("addEventListener", "click", onClose)
	box.Call("appendChild", closeBtn)
	doc.Get("body").Call("appendChild", box)
}
