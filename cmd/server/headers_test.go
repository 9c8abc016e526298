package main

import (
	"net/http"
	"strings"
	"testing"
)

func TestEveryAnswerHasTheSecurityHeaders(t *testing.T) {
	h := newHandler(stores(t, testBundle(t))["embedded"], "*", quietLogger(), logAll)
	for _, r := range []struct{ method, path string }{
		{"GET", "/"}, {"GET", "/embed.html"}, {"GET", "/main.wasm"}, {"HEAD", "/main.wasm"},
		{"GET", "/healthz"}, {"GET", "/nope"}, {"GET", "/../etc/passwd"}, {"POST", "/"},
	} {
		resp, _ := get(t, h, r.method, r.path, nil)
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s %s: X-Content-Type-Options %q; want nosniff", r.method, r.path, got)
		}
		csp := resp.Header.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "connect-src 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s %s: CSP %q lacks %q", r.method, r.path, csp, want)
			}
		}
		for _, never := range []string{"'unsafe-inline'", " 'unsafe-eval'", "data:", "blob:"} {
			if strings.Contains(csp, never) {
				t.Errorf("%s %s: CSP %q allows %s", r.method, r.path, csp, never)
			}
		}
	}
}

func TestFrameAncestorsFlag(t *testing.T) {
	tests := []struct {
		flag, want string
	}{
		{"*", "form-action 'none'"}, // any site, opaque origins too: no frame-ancestors at all
		{"'self'", "frame-ancestors 'self'"},
		{"'none'", "frame-ancestors 'none'"},
		{"'self'   https://course.example.org", "frame-ancestors 'self' https://course.example.org"},
		{"https://*.example.org:8443/courses/ https:", "frame-ancestors https://*.example.org:8443/courses/ https:"},
	}
	for _, tt := range tests {
		cfg, err := parseFlags([]string{"-frame-ancestors", tt.flag}, &strings.Builder{})
		if err != nil {
			t.Errorf("-frame-ancestors %q: %v", tt.flag, err)
			continue
		}
		h := newHandler(stores(t, testBundle(t))["embedded"], cfg.frameAncestors, quietLogger(), logAll)
		resp, _ := get(t, h, "GET", "/embed.html", nil)
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.HasSuffix(csp, "; "+tt.want) {
			t.Errorf("-frame-ancestors %q: CSP %q; want it to end with %q", tt.flag, csp, tt.want)
		}
	}
}

func TestFrameAncestorsFlagRejectsWhatIsNotASource(t *testing.T) {
	for _, bad := range []string{
		"", "   ", "'self'; script-src *", "https://a.example, https://b.example", "'none' 'self'",
		"'unsafe-inline'", "course.example.org\r\nX-Evil: 1", "\"self\"", "https://course.example.org\t'self'", "ftp://", "https://exa_mple.org",
	} {
		_, err := parseFlags([]string{"-frame-ancestors", bad}, &strings.Builder{})
		if err == nil || !strings.Contains(err.Error(), "-frame-ancestors") {
			t.Errorf("-frame-ancestors %q: err %v; want an error naming the flag", bad, err)
		}
	}
}

func TestOnlyGetAndHeadAreAllowed(t *testing.T) {
	h := newHandler(stores(t, testBundle(t))["embedded"], "*", quietLogger(), logAll)
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"} {
		for _, path := range []string{"/", "/main.wasm", "/healthz", "/nope"} {
			resp, body := get(t, h, method, path, nil)
			if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" || !strings.Contains(string(body), method) {
				t.Errorf("%s %s: %d, Allow %q, %q; want 405 with Allow: GET, HEAD", method, path, resp.StatusCode, resp.Header.Get("Allow"), body)
			}
		}
	}
}

// TestTheWasmMayBeFetchedFromAnyOrigin checks that main.wasm, and only it, allows any origin
// to read it: an embed inside a sandboxed page has an opaque origin, and fetches it
// cross-origin.
func TestTheWasmMayBeFetchedFromAnyOrigin(t *testing.T) {
	h := newHandler(stores(t, testBundle(t))["embedded"], "*", quietLogger(), logAll)
	for path, want := range map[string]string{"/main.wasm": "*", "/": "", "/embed.html": "", "/api.js": ""} {
		resp, _ := get(t, h, "GET", path, map[string]string{"Origin": "null", "Accept-Encoding": "br"})
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != want {
			t.Errorf("GET %s: Access-Control-Allow-Origin %q; want %q", path, got, want)
		}
	}
}
