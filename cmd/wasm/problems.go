//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/nnviz/nnviz/app"
)

// showProblems shows, over the canvas, what the page could not use: the learner's saved state
// that was set aside (savedNotice, "" if none) and the address parameters that could not be
// used, so an author sees at once what was wrong while the page still works with the
// defaults. The box has a heading and a Dismiss button that always show; its text scrolls
// below them when it is long (panel.css caps its height).
// addressHeading introduces the address parameters that could not be used.
const addressHeading = "Some settings in this page's address could not be used; the defaults stand in for them"

func showProblems(savedNotice string, problems []app.Problem) {
	if savedNotice == "" && len(problems) == 0 {
		return
	}
	doc := js.Global().Get("document")
	create := func(tag, class, text string) js.Value {
		e := doc.Call("createElement", tag)
		if class != "" {
			e.Get("classList").Call("add", class)
		}
		if text != "" {
			e.Set("textContent", text)
		}
		return e
	}
	box := create("div", "nnviz-problems", "")
	box.Set("id", "nnviz-problems")
	box.Call("setAttribute", "role", "alert")

	heading := addressHeading
	what := "Dismiss the list of address problems"
	if savedNotice != "" {
		heading = "Your saved work could not be read"
		what = "Dismiss this notice"
	}
	head := create("div", "nnviz-problems-head", "")
	head.Call("appendChild", create("strong", "", heading))
	closeBtn := create("button", "", "Dismiss")
	closeBtn.Set("type", "button")
	closeBtn.Call("setAttribute", "aria-label", what)
	var onClose js.Func
	onClose = js.FuncOf(func(js.Value, []js.Value) any {
		box.Call("remove")
		onClose.Release()
		return nil
	})
	closeBtn.Call("addEventListener", "click", onClose)
	head.Call("appendChild", closeBtn)
	box.Call("appendChild", head)

	// The body scrolls; a scrolling region must be reachable from the keyboard.
	body := create("div", "nnviz-problems-body", "")
	body.Call("setAttribute", "tabindex", "0")
	body.Call("setAttribute", "role", "group")
	body.Call("setAttribute", "aria-label", heading)
	if savedNotice != "" {
		body.Call("appendChild", create("p", "nnviz-saved-notice", savedNotice))
	}
	if len(problems) > 0 {
		if savedNotice != "" {
			body.Call("appendChild", create("p", "", "Some settings in this page's address could not be used either; the defaults stand in for them:"))
		}
		list := create("ul", "", "")
		for _, p := range problems {
			list.Call("appendChild", create("li", "", p.Error()))
		}
		body.Call("appendChild", list)
	}
	box.Call("appendChild", body)
	doc.Get("body").Call("appendChild", box)
}
