package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"

	"github.com/nnviz/nnviz/web"
)

// testFiles are the files of a small bundle, shaped like the real one.
var testFiles = map[string]string{
	"index.html":   "<!doctype html><title>nnviz</title>" + strings.Repeat("<p>index</p>", 50),
	"embed.html":   "<!doctype html><title>embed</title>" + strings.Repeat("<p>embed</p>", 50),
	"style.css":    strings.Repeat("body { margin: 0 }\n", 40),
	"embed.js":     strings.Repeat("console.log('embed');\n", 40),
	"wasm_exec.js": strings.Repeat("// the Go runtime's glue\n", 40),
	"main.wasm":    "\x00asm\x01\x00\x00\x00" + strings.Repeat("\x01\x02\x03 wasm code ", 5000),
	// plain.txt has no variants, like a file too small to compress.
	"plain.txt": "plain",
	// A file of an unknown kind in a subdirectory.
	"img/data.bin": strings.Repeat("\x07", 300),
}

func init() {
	// The rest of the real bundle's pages, so that the test bundle is complete.
	for _, name := range web.Required {
		if _, ok := testFiles[name]; !ok {
			testFiles[name] = strings.Repeat("/* "+name+" */\n", 40)
		}
	}
}

// testBundle returns testFiles with brotli and gzip variants of every file
// but plain.txt, compressed for real.
func testBundle(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, content := range testFiles {
		fsys[name] = &fstest.MapFile{Data: []byte(content), Mode: 0o644}
		if name == "plain.txt" {
			continue
		}
		fsys[name+".br"] = &fstest.MapFile{Data: brotliBytes(t, content), Mode: 0o644}
		fsys[name+".gz"] = &fstest.MapFile{Data: gzipBytes(t, content), Mode: 0o644}
	}
	return fsys
}

func brotliBytes(t testing.TB, s string) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	if _, err := io.WriteString(w, s); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzipBytes(t testing.TB, s string) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := io.WriteString(w, s); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeBundle writes fsys into a new directory and returns its path.
func writeBundle(t testing.TB, fsys fstest.MapFS) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range fsys {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// stores returns the two kinds of store over the same bundle, so every
// behaviour is checked for the embedded bundle and for -dir.
func stores(t testing.TB, fsys fstest.MapFS) map[string]store {
	t.Helper()
	embedded, err := newEmbeddedStore(fsys, "the test bundle")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := newDirStore(writeBundle(t, fsys))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dir.root.Close() })
	return map[string]store{"embedded": embedded, "dir": dir}
}

// quietLogger drops the access log, which tests that do not read it need not see.
func quietLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// decode returns the body of resp decoded from its Content-Encoding.
func decode(t testing.TB, resp *http.Response, body []byte) string {
	t.Helper()
	var r io.Reader = bytes.NewReader(body)
	switch enc := resp.Header.Get("Content-Encoding"); enc {
	case "":
	case "br":
		r = brotli.NewReader(r)
	case "gzip":
		gz, err := gzip.NewReader(r)
		if err != nil {
			t.Fatalf("gzip body: %v", err)
		}
		r = gz
	default:
		t.Fatalf("unexpected Content-Encoding %q", enc)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s body: %v", resp.Header.Get("Content-Encoding"), err)
	}
	return string(data)
}

func TestDescribeHidesVariantsAndDirectories(t *testing.T) {
	fsys := testBundle(t)
	for _, name := range []string{"main.wasm.br", "index.html.gz", "img", "nope.html"} {
		if _, err := describe(fsys, name); !errorsIsNotExist(err) {
			t.Errorf("describe(%q) = %v; want an error wrapping fs.ErrNotExist", name, err)
		}
	}
	f, err := describe(fsys, "main.wasm")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(codingsOf(f), ","); got != "br,gzip,identity" {
		t.Errorf("main.wasm is stored as %s; want br,gzip,identity", got)
	}
}

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

func itoa(n int) string { return strconv.Itoa(n) }
