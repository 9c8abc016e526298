package main

import (
	"net/http"
	"strings"
	"testing"
)

func TestHealthz(t *testing.T) {
	for kind, st := range stores(t, testBundle(t)) {
		resp, body := get(t, newHandler(st, "*", quietLogger(), logAll), http.MethodGet, "/healthz", nil)
		if resp.StatusCode != http.StatusOK || string(body) != "ok\n" {
			t.Errorf("%s: /healthz: %d %q; want 200 ok", kind, resp.StatusCode, body)
		}
	}
}

// TestMissingBundleSaysHowToBuildIt is the fresh clone's case: the pages are
// there, wasm_exec.js and main.wasm are not built yet.
func TestMissingBundleSaysHowToBuildIt(t *testing.T) {
	fsys := testBundle(t)
	for _, name := range []string{"main.wasm", "wasm_exec.js"} {
		delete(fsys, name)
		delete(fsys, name+".br")
		delete(fsys, name+".gz")
	}
	for kind, st := range stores(t, fsys) {
		h := newHandler(st, "*", quietLogger(), logAll)
		for _, path := range []string{"/main.wasm", "/wasm_exec.js", "/healthz"} {
			resp, body := get(t, h, http.MethodGet, path, map[string]string{"Accept-Encoding": "br"})
			msg := string(body)
			if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(msg, "`make build`") || !strings.Contains(msg, "wasm_exec.js, main.wasm") {
				t.Errorf("%s: GET %s: %d %q; want 503 naming wasm_exec.js, main.wasm and `make build`", kind, path, resp.StatusCode, msg)
			}
		}
		if resp, _ := get(t, h, http.MethodGet, "/", nil); resp.StatusCode != http.StatusOK {
			t.Errorf("%s: GET / with no wasm built: %d; want the page (200)", kind, resp.StatusCode)
		}
		if resp, _ := get(t, h, http.MethodGet, "/nope.js", nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: GET /nope.js: %d; want 404: it is not a file the build makes", kind, resp.StatusCode)
		}
	}
}
