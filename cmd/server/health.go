package main

import "net/http"

// healthPath answers whether the server can serve nnviz.
const healthPath = "/healthz"

// health answers 200 "ok" when the bundle has every file a browser needs, and
// 503 with what is missing and the command that builds it otherwise.
func health(st store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := st.check(); err != nil {
			textError(w, r, http.StatusServiceUnavailable, "nnviz: "+err.Error())
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", cacheNone)
		if r.Method != http.MethodHead {
			w.Write([]byte("ok\n"))
		}
	})
}
