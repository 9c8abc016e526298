// Package web holds nnviz's static bundle: the pages, their scripts and
// styles, the Go runtime's wasm_exec.js and the built main.wasm, with their
// precompressed variants (name.br, name.gz).
//
// The bundle is embedded with go:embed, so the server is one self-contained
// binary. The pages are committed; wasm_exec.js, main.wasm and the variants
// are build outputs (see the Makefile). A fresh clone therefore builds and
// vets without them, and Missing reports what the build still has to make.
package web

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed static
var static embed.FS

// Required lists the files a bundle needs before a browser can run nnviz,
// in the order the pages load them.
var Required = append(append([]string{}, Pages...), Built...)

// Pages are the committed files of the bundle: the pages, their scripts and styles.
var Pages = []string{
	"index.html", "embed.html", "example.html", "style.css", "panel.css", "example.css",
	"dom.js", "api.js", "share.js", "controls.js", "teach.js", "weightedit.js", "keyboard.js", "describe.js", "bridge.js", "embed.js",
	"favicon.svg",
}

// Built are the files of the bundle that the build makes.
var Built = []string{"wasm_exec.js", "main.wasm"}

// BuildCommand is the command, run from the repository's root, that builds
// the parts of the bundle that are not committed.
const BuildCommand = "make build"

// Bundle returns the embedded bundle, rooted so that the page of "/" is
// "index.html".
func Bundle() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		// fs.Sub fails only for an invalid path, and "static" is valid.
		panic(err)
	}
	return sub
}

// Missing returns the Required files that fsys lacks, in Required's order.
func Missing(fsys fs.FS) []string {
	var missing []string
	for _, name := range Required {
		if info, err := fs.Stat(fsys, name); err != nil || !info.Mode().IsRegular() {
			missing = append(missing, name)
		}
	}
	return missing
}

// MissingError describes a bundle that lacks some Required files.
type MissingError struct {
	// Where names the bundle: "the embedded bundle" or a directory.
	Where string
	// Files are the missing files, in Required's order.
	Files []string
}

// Error names the missing files and the command that builds them.
func (e *MissingError) Error() string {
	return fmt.Sprintf("%s has no %s: build it with `%s`", e.Where, strings.Join(e.Files, ", "), BuildCommand)
}

// Check returns a *MissingError when fsys lacks Required files, and nil when
// it has them all. where names the bundle in the error's message.
func Check(fsys fs.FS, where string) error {
	if missing := Missing(fsys); len(missing) > 0 {
		return &MissingError{Where: where, Files: missing}
	}
	return nil
}
