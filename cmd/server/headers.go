package main

import (
	"fmt"
	"net/http"
	"path"
	"regexp"
	"strings"
	"unicode"
)

// Cache policies. The bundle's file names carry no content hash, and the
// pages' scripts call into the wasm, so a page, its scripts and the wasm must
// come from one build: a browser keeps every file (the wasm above all) but
// revalidates it on each load, which its ETag makes a bodiless 304. The wasm
// may also sit in shared caches.
const (
	cachePage  = "no-cache"
	cacheAsset = "public, no-cache"
	cacheNone  = "no-store"
)

// cacheControl returns the Cache-Control value for the bundle file name.
func cacheControl(name string) string {
	if path.Ext(name) == ".wasm" {
		return cacheAsset
	}
	return cachePage
}

// contentSecurityPolicy returns the policy of every response. The pages load
// only same-origin scripts and styles, run no inline script, and need
// 'wasm-unsafe-eval' to compile main.wasm; index.html frames embed.html.
// frameAncestors says which sites may frame the pages. "*" (any site) leaves
// the directive out: a CSP "frame-ancestors *" matches no opaque origin, so a
// sandboxed iframe's parent or an srcdoc page could not frame the pages.
func contentSecurityPolicy(frameAncestors string) string {
	d := []string{
		"default-src 'none'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self'",
		"img-src 'self'",
		"connect-src 'self'",
		"frame-src 'self'",
		"base-uri 'none'",
		"form-action 'none'",
	}
	if frameAncestors != "*" {
		d = append(d, "frame-ancestors "+frameAncestors)
	}
	return strings.Join(d, "; ")
}

// frameSource matches one source of a frame-ancestors list that is not a
// keyword: a scheme ("https:") or a host with optional scheme, port and path
// ("https://*.example.org:8443/courses/").
var frameSource = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.\-]*:|([a-zA-Z][a-zA-Z0-9+.\-]*://)?(\*|(\*\.)?[a-zA-Z0-9\-.]+)(:(\d+|\*))?(/[a-zA-Z0-9\-._~%!$&'()*+=:@/]*)?)$`)

// checkFrameAncestors checks the value of the -frame-ancestors flag, so that
// a typo fails at start rather than silently breaking every embedding, and
// nothing can be smuggled into the policy.
func checkFrameAncestors(value string) error {
	if strings.ContainsFunc(value, func(r rune) bool { return r != ' ' && unicode.IsControl(r) }) {
		return fmt.Errorf("-frame-ancestors %q: a CSP source list holds no control characters; separate sources with spaces", value)
	}
	sources := strings.Fields(value)
	if len(sources) == 0 {
		return fmt.Errorf("-frame-ancestors is empty: give '*' (any site), 'self', 'none' or a list of sites such as \"'self' https://course.example.org\"")
	}
	for _, s := range sources {
		switch strings.ToLower(s) {
		case "*", "'self'":
			continue
		case "'none'":
			if len(sources) > 1 {
				return fmt.Errorf("-frame-ancestors %q: 'none' must stand alone", value)
			}
			continue
		}
		if strings.ContainsAny(s, ";,'\"") || !frameSource.MatchString(s) {
			return fmt.Errorf("-frame-ancestors %q: %q is not a CSP source (want '*', 'self', 'none', a scheme such as https: or a site such as https://course.example.org)", value, s)
		}
	}
	return nil
}

// withSecurityHeaders sets the headers every response carries.
func withSecurityHeaders(next http.Handler, frameAncestors string) http.Handler {
	csp := contentSecurityPolicy(strings.Join(strings.Fields(frameAncestors), " "))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", csp)
		// The address carries a learner's points and settings: it is not sent to other sites.
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// allowedMethods is the Allow header of a 405: the server only reads.
const allowedMethods = "GET, HEAD"

// withReadOnlyMethods answers anything but GET and HEAD with 405.
func withReadOnlyMethods(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", allowedMethods)
			textError(w, r, http.StatusMethodNotAllowed, fmt.Sprintf("nnviz: method %s is not allowed; this server only answers GET and HEAD", r.Method))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// textError answers with status and a plain-text message (no body for HEAD).
func textError(w http.ResponseWriter, r *http.Request, status int, message string) {
	h := w.Header()
	h.Del("Content-Encoding")
	h.Del("ETag")
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", cacheNone)
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		fmt.Fprintln(w, message)
	}
}
