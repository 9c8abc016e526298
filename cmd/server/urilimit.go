package main

import (
	"fmt"
	"html"
	"net/http"

	"github.com/nnviz/nnviz/app"
)

// maxRequestURI is the longest path and query the server answers. It is well above the
// longest link the page offers (app.MaxLinkLength, checked by TestURILimitAgreesWithThePage),
// so that every link the page makes opens, and older longer links too.
const maxRequestURI = 64 << 10

// maxHeaderBytes lets a request line far longer than maxRequestURI reach the handler, which
// then answers with a page rather than the plain-text 431 of Go's server.
const maxHeaderBytes = 1 << 20

// withURILimit answers an address longer than maxRequestURI with a page that says what
// happened and what to do (414 URI Too Long).
func withURILimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n := len(r.RequestURI); n > maxRequestURI {
			tooLong(w, r, n)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// tooLongPage is the page of an over-long address. It uses no inline script or style, so the
// strict CSP holds.
const tooLongPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nnviz: this address is too long</title>
</head>
<body>
<main>
<h1>This address is too long</h1>
<p>The address that opened this page has %s characters; nnviz opens addresses of up to %s
characters. Addresses this long come from a playground whose points are all written into the
link.</p>
<p>What to do: ask for the points as a file instead. In the playground, export the points
(Points JSON) and import them on your page; share links that nnviz makes now hold at most %s
characters.</p>
<p><a href="/">Open the playground</a> with the notebook's example.</p>
</main>
</body>
</html>
`

func tooLong(w http.ResponseWriter, r *http.Request, n int) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", cacheNone)
	w.WriteHeader(http.StatusRequestURITooLong)
	if r.Method != http.MethodHead {
		fmt.Fprintf(w, tooLongPage, html.EscapeString(thousands(n)), thousands(maxRequestURI), thousands(app.MaxLinkLength))
	}
}

// thousands writes n with commas: 65,536.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
