package main

import (
	"log/slog"
	"net/http"
)

// newHandler builds the server's handler from its pieces: the access log
// around everything, the security headers on every answer, 405 for anything
// but GET and HEAD, a page for an over-long address, then /healthz or the
// bundle's files.
func newHandler(st store, frameAncestors string, logger *slog.Logger, logMode accessLogMode) http.Handler {
	files := &bundleHandler{store: st, logger: logger}
	healthz := health(st)
	routes := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == healthPath {
			healthz.ServeHTTP(w, r)
			return
		}
		files.ServeHTTP(w, r)
	})
	return withAccessLog(withSecurityHeaders(withReadOnlyMethods(withURILimit(routes)), frameAncestors), logger, logMode)
}
