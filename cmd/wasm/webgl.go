//go:build js && wasm

package main

import "syscall/js"

// uniformVectors asks this browser's WebGL2 how many uniform vectors a shader may use (the
// smaller of the fragment and vertex limits, since ebiten declares uniforms in both stages).
// The renderer passes network weights as uniforms when they fit, and in a texture when not;
// WebGL2 promises only 224, but most GPUs give thousands. It returns 0 when it cannot tell.
func uniformVectors() int {
	canvas := js.Global().Get("document").Call("createElement", "canvas")
	gl := canvas.Call("getContext", "webgl2")
	if !gl.Truthy() {
		return 0
	}
	frag := gl.Call("getParameter", gl.Get("MAX_FRAGMENT_UNIFORM_VECTORS")).Int()
	vert := gl.Call("getParameter", gl.Get("MAX_VERTEX_UNIFORM_VECTORS")).Int()
	// Give the probe's context back at once: browsers allow only a few.
	if lose := gl.Call("getExtension", "WEBGL_lose_context"); lose.Truthy() {
		lose.Call("loseContext")
	}
	return min(frag, vert)
}
