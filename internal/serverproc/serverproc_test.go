package serverproc

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildServer builds cmd/server into a temporary directory. The test serves
// a -dir bundle of its own, so it needs no built wasm.
func buildServer(t *testing.T) string {
	t.Helper()
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "nnviz-server")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/server")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/server: %v\n%s", err, out)
	}
	return bin
}

func TestStartServeStop(t *testing.T) {
	bin := buildServer(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html>hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Start(bin, "-dir", dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s.URL, "http://127.0.0.1:") || !strings.HasSuffix(s.URL, "/") {
		t.Errorf("URL %q; want http://127.0.0.1:PORT/", s.URL)
	}
	resp, err := http.Get(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "<!doctype html>hello" {
		t.Errorf("GET /: %q", body)
	}
	if err := s.Stop(); err != nil {
		t.Fatalf("Stop: %v\n%s", err, s.Logs())
	}
	for _, want := range []string{"uri=/ status=200", `msg="nnviz stopped"`} {
		if !strings.Contains(s.Logs(), want) {
			t.Errorf("logs lack %q:\n%s", want, s.Logs())
		}
	}
	if err := s.Stop(); err == nil {
		t.Error("a second Stop did not report that the server had ended")
	}
}

func TestStartReportsAServerThatFails(t *testing.T) {
	bin := buildServer(t)
	if _, err := Start(bin, "-frame-ancestors", "'none' 'self'"); err == nil || !strings.Contains(err.Error(), "ended before serving") || !strings.Contains(err.Error(), "stand alone") {
		t.Errorf("Start with a bad flag: %v; want an error with the server's own message", err)
	}
	if _, err := Start(filepath.Join(t.TempDir(), "missing")); err == nil || !strings.Contains(err.Error(), "make build") {
		t.Errorf("Start of a missing binary: %v; want an error naming make build", err)
	}
}

func TestTailKeepsTheEnd(t *testing.T) {
	tl := &tail{limit: 10}
	for _, line := range []string{"first", "second", "third"} {
		tl.add(line)
	}
	if got := tl.String(); got != "ond\nthird\n" {
		t.Errorf("tail = %q; want the last 10 bytes", got)
	}
}
