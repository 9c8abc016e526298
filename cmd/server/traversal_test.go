package main

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rawRequest sends request bytes as they are to the server at addr (no client
// cleans or re-encodes them) and returns the response and its body.
func rawRequest(t testing.TB, addr, request string) (*http.Response, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, request); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatalf("reading the answer to %q: %v", request, err)
	}
	defer resp.Body.Close()
	// With Connection: close, whatever follows the headers is the body,
	// whatever the headers claim: read it all to see what the server sent.
	rest, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("reading the answer to %q: %v", request, err)
	}
	return resp, string(rest)
}

func get10(target string) string {
	return "GET " + target + " HTTP/1.1\r\nHost: nnviz.test\r\nConnection: close\r\n\r\n"
}

// TestTraversalAttemptsGet404 sends each attempt over a real connection, so
// nothing between the wire and the handler is assumed.
func TestTraversalAttemptsGet404(t *testing.T) {
	// A secret beside the bundle directory, and a link to it inside.
	parent := t.TempDir()
	if err := os.WriteFile(filepath.Join(parent, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(parent, "bundle")
	if err := os.CopyFS(dir, testBundle(t)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	dirStore, err := newDirStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer dirStore.root.Close()
	embedded, err := newEmbeddedStore(testBundle(t), "the test bundle")
	if err != nil {
		t.Fatal(err)
	}

	targets := []string{
		"/../secret.txt",
		"/../bundle/index.html",
		"/img/../index.html",
		"/%2e%2e/secret.txt",
		"/%2E%2E/%2e%2E/etc/passwd",
		"/.%2e/secret.txt",
		"/..%2fsecret.txt",
		"/..%2f..%2f..%2fetc%2fpasswd",
		"/img%2f..%2f..%2fsecret.txt",
		`/..\secret.txt`,
		`/img\..\index.html`,
		"/..%5csecret.txt",
		"/%252e%252e/secret.txt",
		"/%252e%252e%252fsecret.txt",
		"/index.html%00",
		"/index.html%00.png",
		"//index.html",
		"/./index.html",
		"/index.html/",
		"/img/",
		"/img",
		"/.hidden",
		"/main.wasm.br",
		"/index.html.gz",
		"/link.txt",
		"/etc/passwd",
		"/nope.html",
		"/web/static/index.html",
	}
	for kind, st := range map[string]store{"embedded": embedded, "dir": dirStore} {
		srv := httptest.NewServer(newHandler(st, "*", quietLogger(), logAll))
		addr := srv.Listener.Addr().String()
		for _, target := range targets {
			resp, body := rawRequest(t, addr, get10(target))
			if resp.StatusCode != http.StatusNotFound || strings.Contains(body, "secret") {
				t.Errorf("%s: GET %s: %d %q; want 404", kind, target, resp.StatusCode, body)
			}
		}
		// The same names without the tricks are there: the 404s above are
		// not the server failing on everything.
		for _, target := range []string{"/index.html", "/img/data.bin", "/%69ndex.html"} {
			if resp, _ := rawRequest(t, addr, get10(target)); resp.StatusCode != http.StatusOK {
				t.Errorf("%s: GET %s: %d; want 200", kind, target, resp.StatusCode)
			}
		}
		srv.Close()
	}
}

func TestHeadSendsNoBody(t *testing.T) {
	for kind, st := range stores(t, testBundle(t)) {
		srv := httptest.NewServer(newHandler(st, "*", quietLogger(), logAll))
		tests := []struct{ target, acceptEncoding, wantLength string }{
			{"/main.wasm", "br", itoa(len(brotliBytes(t, testFiles["main.wasm"])))},
			{"/main.wasm", "identity", itoa(len(testFiles["main.wasm"]))},
			{"/", "identity", itoa(len(testFiles["index.html"]))},
			{"/healthz", "", ""},
			{"/nope", "", ""},
		}
		for _, tt := range tests {
			resp, body := rawRequest(t, srv.Listener.Addr().String(),
				"HEAD "+tt.target+" HTTP/1.1\r\nHost: nnviz.test\r\nAccept-Encoding: "+tt.acceptEncoding+"\r\nConnection: close\r\n\r\n")
			if body != "" {
				t.Errorf("%s: HEAD %s sent a body of %d bytes", kind, tt.target, len(body))
			}
			if tt.wantLength != "" && resp.Header.Get("Content-Length") != tt.wantLength {
				t.Errorf("%s: HEAD %s: Content-Length %q; want %s, as GET sends", kind, tt.target, resp.Header.Get("Content-Length"), tt.wantLength)
			}
		}
		srv.Close()
	}
}
