package main

import "path"

// contentTypes are the media types of the files a bundle holds. The table is
// fixed, not read from the system's mime.types, so that the same binary
// sends the same types everywhere (application/wasm above all: browsers
// compile a wasm while it downloads only with that type).
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".wasm":  "application/wasm",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".ico":   "image/vnd.microsoft.icon",
	".json":  "application/json",
	".txt":   "text/plain; charset=utf-8",
	".woff2": "font/woff2",
}

// contentType returns the media type of the bundle file name; a file of an
// unknown kind is sent as bytes, which nosniff keeps browsers from guessing at.
func contentType(name string) string {
	if t, ok := contentTypes[path.Ext(name)]; ok {
		return t
	}
	return "application/octet-stream"
}
