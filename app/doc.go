// Package app holds the playground's state: the points, the settings, the network and its
// trainer, undo and redo, the loss history and the selection.
//
// It is pure Go (it imports nn, never ebiten or syscall/js), so it runs natively and as wasm
// under Node. The renderer reads it once per frame through [State.Frame]; the JavaScript API
// and the keyboard and mouse handlers change it through State's methods. A State is safe for
// concurrent use: every method takes its lock, and none holds it while calling out.
package app
