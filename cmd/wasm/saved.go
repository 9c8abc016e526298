//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/nnviz/nnviz/app"
)

// startQuery is the query the playground starts from, and what the page must say about the
// learner's saved state ("" when nothing). share.js offers the saved state it found
// (window.__nnvizSaved) and the query made of it and the page author's parameters
// (window.__nnvizQuery). A saved state that does not read whole is not used: share.js sets it
// aside under another key (window.__nnvizSetAside), and the page starts from its address.
func startQuery() (query, notice string) {
	g := js.Global()
	address := g.Get("location").Get("search").String()
	q := g.Get("__nnvizQuery")
	if q.Type() != js.TypeString {
		return address, ""
	}
	saved := g.Get("__nnvizSaved")
	if saved.Type() != js.TypeString {
		return q.String(), ""
	}
	err := app.CheckSaved(saved.String())
	if err == nil {
		return q.String(), ""
	}
	key := ""
	if setAside := g.Get("__nnvizSetAside"); setAside.Type() == js.TypeFunction {
		if k := setAside.Invoke(); k.Type() == js.TypeString {
			key = k.String()
		}
	}
	return address, app.SetAsideNotice(err, key)
}
