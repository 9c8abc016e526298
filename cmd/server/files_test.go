package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// get sends a request to h and returns the response and its raw body.
func get(t testing.TB, h http.Handler, method, target string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	resp := rec.Result()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestServesFilesInTheAcceptedEncoding(t *testing.T) {
	tests := []struct {
		path, acceptEncoding string // "-" sends no Accept-Encoding
		file, wantType       string
		wantEncoding         string
	}{
		{"/", "gzip, deflate, br, zstd", "index.html", "text/html; charset=utf-8", "br"},
		{"/index.html", "gzip", "index.html", "text/html; charset=utf-8", "gzip"},
		{"/embed.html", "-", "embed.html", "text/html; charset=utf-8", ""},
		{"/main.wasm", "br", "main.wasm", "application/wasm", "br"},
		{"/main.wasm", "gzip", "main.wasm", "application/wasm", "gzip"},
		{"/main.wasm", "br;q=0.5, gzip;q=0.9", "main.wasm", "application/wasm", "gzip"},
		{"/main.wasm", "br;q=0, gzip;q=0", "main.wasm", "application/wasm", ""},
		{"/main.wasm", "", "main.wasm", "application/wasm", ""},
		{"/main.wasm", "-", "main.wasm", "application/wasm", ""},
		{"/wasm_exec.js", "*", "wasm_exec.js", "text/javascript; charset=utf-8", "br"},
		{"/embed.js", "identity", "embed.js", "text/javascript; charset=utf-8", ""},
		{"/style.css", "x-gzip", "style.css", "text/css; charset=utf-8", "gzip"},
		{"/plain.txt", "br, gzip", "plain.txt", "text/plain; charset=utf-8", ""},
		{"/img/data.bin", "br", "img/data.bin", "application/octet-stream", "br"},
	}
	for kind, st := range stores(t, testBundle(t)) {
		h := newHandler(st, "*", quietLogger(), logAll)
		for _, tt := range tests {
			t.Run(kind+tt.path+" "+tt.acceptEncoding, func(t *testing.T) {
				header := map[string]string{"Accept-Encoding": tt.acceptEncoding}
				if tt.acceptEncoding == "-" {
					header = nil
				}
				resp, body := get(t, h, http.MethodGet, tt.path, header)
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("status %d; want 200 (%s)", resp.StatusCode, body)
				}
				if got := resp.Header.Get("Content-Type"); got != tt.wantType {
					t.Errorf("Content-Type %q; want %q", got, tt.wantType)
				}
				if got := resp.Header.Get("Content-Encoding"); got != tt.wantEncoding {
					t.Errorf("Content-Encoding %q; want %q", got, tt.wantEncoding)
				}
				if got := resp.Header.Get("Vary"); got != "Accept-Encoding" {
					t.Errorf("Vary %q; want Accept-Encoding", got)
				}
				if got, want := resp.Header.Get("Content-Length"), itoa(len(body)); got != want {
					t.Errorf("Content-Length %q; the body has %s bytes", got, want)
				}
				if got := decode(t, resp, body); got != testFiles[tt.file] {
					t.Errorf("the decoded body is not %s", tt.file)
				}
			})
		}
	}
}

func TestRefusesWhatTheClientRefuses(t *testing.T) {
	for kind, st := range stores(t, testBundle(t)) {
		h := newHandler(st, "*", quietLogger(), logAll)
		for _, ae := range []string{"identity;q=0", "*;q=0", "br;q=0, gzip;q=0, identity;q=0"} {
			for _, path := range []string{"/plain.txt", "/main.wasm"} {
				if path == "/main.wasm" && ae == "identity;q=0" {
					continue // main.wasm has br, which identity;q=0 does not refuse
				}
				resp, body := get(t, h, http.MethodGet, path, map[string]string{"Accept-Encoding": ae})
				if resp.StatusCode != http.StatusNotAcceptable || !strings.Contains(string(body), "Accept-Encoding") {
					t.Errorf("%s: GET %s with Accept-Encoding %q: %d %q; want 406 naming Accept-Encoding", kind, path, ae, resp.StatusCode, body)
				}
			}
		}
	}
}

func TestConditionalRequestsGet304(t *testing.T) {
	for kind, st := range stores(t, testBundle(t)) {
		h := newHandler(st, "*", quietLogger(), logAll)
		br := map[string]string{"Accept-Encoding": "br"}
		first, _ := get(t, h, http.MethodGet, "/main.wasm", br)
		etag := first.Header.Get("ETag")
		plain, _ := get(t, h, http.MethodGet, "/main.wasm", nil)
		if etag == "" || !strings.HasPrefix(etag, `"`) || etag == plain.Header.Get("ETag") {
			t.Fatalf("%s: ETags br %q, identity %q; want two different strong ETags", kind, etag, plain.Header.Get("ETag"))
		}
		tests := []struct {
			name, ifNoneMatch, acceptEncoding string
			want                              int
		}{
			{"same etag", etag, "br", http.StatusNotModified},
			{"weak form of it", "W/" + etag, "br", http.StatusNotModified},
			{"in a list", `"other", ` + etag, "br", http.StatusNotModified},
			{"star", "*", "br", http.StatusNotModified},
			{"another representation's etag", etag, "gzip", http.StatusOK},
			{"another etag", `"other"`, "br", http.StatusOK},
		}
		for _, tt := range tests {
			resp, body := get(t, h, http.MethodGet, "/main.wasm", map[string]string{"If-None-Match": tt.ifNoneMatch, "Accept-Encoding": tt.acceptEncoding})
			if resp.StatusCode != tt.want {
				t.Errorf("%s: %s: status %d; want %d", kind, tt.name, resp.StatusCode, tt.want)
				continue
			}
			if tt.want == http.StatusNotModified {
				if len(body) != 0 || resp.Header.Get("ETag") != etag || resp.Header.Get("Content-Length") != "" {
					t.Errorf("%s: %s: 304 with %d body bytes, ETag %q, Content-Length %q; want no body and the ETag",
						kind, tt.name, len(body), resp.Header.Get("ETag"), resp.Header.Get("Content-Length"))
				}
			}
		}
	}
}

func TestRangeOfAVariant(t *testing.T) {
	for kind, st := range stores(t, testBundle(t)) {
		h := newHandler(st, "*", quietLogger(), logAll)
		resp, body := get(t, h, http.MethodGet, "/main.wasm", map[string]string{"Accept-Encoding": "br", "Range": "bytes=0-9"})
		whole := brotliBytes(t, testFiles["main.wasm"])
		if resp.StatusCode != http.StatusPartialContent || string(body) != string(whole[:10]) || resp.Header.Get("Content-Length") != "10" {
			t.Errorf("%s: Range of main.wasm.br: %d, %d bytes, Content-Length %q; want 206 and its first 10 bytes",
				kind, resp.StatusCode, len(body), resp.Header.Get("Content-Length"))
		}
	}
}

func TestCacheControl(t *testing.T) {
	h := newHandler(stores(t, testBundle(t))["embedded"], "*", quietLogger(), logAll)
	tests := []struct{ path, want string }{
		{"/", "no-cache"},
		{"/index.html", "no-cache"},
		{"/embed.html", "no-cache"},
		{"/main.wasm", "public, no-cache"},
		{"/wasm_exec.js", "no-cache"},
		{"/style.css", "no-cache"},
		{"/healthz", "no-store"},
		{"/nope", "no-store"},
	}
	for _, tt := range tests {
		resp, _ := get(t, h, http.MethodGet, tt.path, nil)
		if got := resp.Header.Get("Cache-Control"); got != tt.want {
			t.Errorf("GET %s: Cache-Control %q; want %q", tt.path, got, tt.want)
		}
	}
}

// TestServesTheEmbeddedPages checks the real bundle's committed pages; the
// built files may be absent (a fresh clone), which the server then reports.
func TestServesTheEmbeddedPages(t *testing.T) {
	st, err := openStore("")
	if err != nil {
		t.Fatal(err)
	}
	h := newHandler(st, "*", quietLogger(), logAll)
	for _, path := range []string{"/", "/embed.html", "/api.js", "/embed.js", "/style.css"} {
		resp, body := get(t, h, http.MethodGet, path, map[string]string{"Accept-Encoding": "br, gzip"})
		if resp.StatusCode != http.StatusOK || len(decode(t, resp, body)) == 0 {
			t.Errorf("GET %s from the embedded bundle: %d; want 200 and the file", path, resp.StatusCode)
		}
	}
	resp, body := get(t, h, http.MethodGet, "/healthz", nil)
	if err := st.check(); err != nil {
		if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "make build") {
			t.Errorf("incomplete embedded bundle (%v): /healthz %d %q; want 503 naming make build", err, resp.StatusCode, body)
		}
	} else if resp.StatusCode != http.StatusOK {
		t.Errorf("complete embedded bundle: /healthz %d %q; want 200", resp.StatusCode, body)
	}
}

// discardWriter is a ResponseWriter that keeps nothing, so a benchmark
// measures the server rather than a recorder's buffer.
type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (d *discardWriter) WriteHeader(int)             {}

func BenchmarkServe(b *testing.B) {
	st := stores(b, testBundle(b))["embedded"]
	h := newHandler(st, "*", quietLogger(), logAll)
	for _, path := range []string{"/", "/main.wasm"} {
		b.Run(strings.TrimPrefix(path, "/")+"-br", func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
			for b.Loop() {
				h.ServeHTTP(&discardWriter{h: http.Header{}}, req)
			}
		})
	}
	b.Run("not-modified", func(b *testing.B) {
		req := httptest.NewRequest(http.MethodGet, "/main.wasm", nil)
		req.Header.Set("Accept-Encoding", "br")
		f, _ := st.lookup("main.wasm")
		req.Header.Set("If-None-Match", f.reps["br"].etag)
		for b.Loop() {
			h.ServeHTTP(&discardWriter{h: http.Header{}}, req)
		}
	})
}
