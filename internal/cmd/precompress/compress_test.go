package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func writeFile(t *testing.T, path string, data []byte, mtime time.Time) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func decompress(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader
	switch filepath.Ext(path) {
	case ".br":
		r = brotli.NewReader(f)
	case ".gz":
		gz, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		r = gz
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return data
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func TestCompressDirWritesVariantsOnlyWhenSmaller(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	page := []byte(strings.Repeat("<p>nnviz trains a network before your eyes</p>\n", 200))
	noise := randomBytes(4096)
	writeFile(t, filepath.Join(dir, "index.html"), page, old)
	writeFile(t, filepath.Join(dir, "noise.bin"), noise, old)
	writeFile(t, filepath.Join(dir, ".hidden"), page, old)
	// A stale variant of a file that no longer compresses must go.
	writeFile(t, filepath.Join(dir, "noise.bin.gz"), []byte("stale"), old.Add(-time.Hour))

	sizes, err := compressDir(dir, options{brotliQuality: 11})
	if err != nil {
		t.Fatal(err)
	}

	for _, suffix := range []string{".br", ".gz"} {
		got := decompress(t, filepath.Join(dir, "index.html"+suffix))
		if !bytes.Equal(got, page) {
			t.Errorf("index.html%s does not decompress to index.html", suffix)
		}
		for _, name := range []string{"noise.bin", ".hidden", "index.html" + suffix} {
			if exists(filepath.Join(dir, name+suffix)) {
				t.Errorf("%s%s exists; want no variant of %s", name, suffix, name)
			}
		}
	}

	if len(sizes) != 2 || sizes[0].name != "index.html" || sizes[1].name != "noise.bin" {
		t.Fatalf("sizes cover %+v; want index.html and noise.bin", sizes)
	}
	html := sizes[0]
	if html.raw != int64(len(page)) || html.br <= 0 || html.br >= html.raw || html.gzip <= 0 || html.gzip >= html.raw {
		t.Errorf("index.html sizes %+v; want 0 < brotli, gzip < raw %d", html, len(page))
	}
	if sizes[1].br != 0 || sizes[1].gzip != 0 {
		t.Errorf("noise.bin sizes %+v; want no variants", sizes[1])
	}
}

func TestCompressDirKeepsUpToDateVariantsUnlessForced(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	page := []byte(strings.Repeat("up to date? ", 500))
	writeFile(t, filepath.Join(dir, "a.js"), page, now.Add(-time.Hour))
	// A variant newer than its file is taken as current, even when it is not
	// what compressing would give: that is what makes rebuilds quick.
	marker := []byte("newer than a.js")
	writeFile(t, filepath.Join(dir, "a.js.gz"), marker, now)

	if _, err := compressDir(dir, options{brotliQuality: 11}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.js.gz")); !bytes.Equal(got, marker) {
		t.Fatalf("a.js.gz was rewritten although it is newer than a.js")
	}
	if !exists(filepath.Join(dir, "a.js.br")) {
		t.Fatalf("a.js.br was not written")
	}

	if _, err := compressDir(dir, options{brotliQuality: 11, force: true}); err != nil {
		t.Fatal(err)
	}
	if got := decompress(t, filepath.Join(dir, "a.js.gz")); !bytes.Equal(got, page) {
		t.Fatalf("-force did not rewrite a.js.gz")
	}
}

func TestCompressDirRewritesVariantsOlderThanTheirFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.wasm"), []byte(strings.Repeat("v1 ", 1000)), time.Now().Add(-time.Hour))
	if _, err := compressDir(dir, options{brotliQuality: 11}); err != nil {
		t.Fatal(err)
	}
	// The rebuilt file is newer than the variants written just now.
	v2 := []byte(strings.Repeat("v2 ", 1000))
	writeFile(t, filepath.Join(dir, "main.wasm"), v2, time.Now().Add(time.Minute))
	if _, err := compressDir(dir, options{brotliQuality: 11}); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{".br", ".gz"} {
		if got := decompress(t, filepath.Join(dir, "main.wasm"+suffix)); !bytes.Equal(got, v2) {
			t.Errorf("main.wasm%s still holds the old main.wasm", suffix)
		}
	}
}

func TestRunRejectsBadArguments(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"quality too high", []string{"-dir", dir, "-brotli-quality", "12"}, "out of range"},
		{"stray argument", []string{"-dir", dir, "web/static"}, "unexpected arguments"},
		{"empty directory", []string{"-dir", dir}, "no files to compress"},
		{"no such directory", []string{"-dir", filepath.Join(dir, "nope")}, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(tt.args, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("run(%q) = %v; want an error containing %q", tt.args, err, tt.want)
			}
		})
	}
}

func TestWriteTableReportsTheWasmAgainstItsGoalAndBudget(t *testing.T) {
	tests := []struct {
		br      int64
		quality int
		want    string
		over    bool
	}{
		{2_500_000, 11, "2.50 MB with brotli, 3.50 MB with gzip, 14.00 MB raw (within the goal of 2.6 MB with brotli; within the budget of 3.1 MB)", false},
		{2_800_000, 11, "(OVER the goal of 2.6 MB with brotli; within the budget", false},
		{3_200_000, 11, "OVER the budget of 3.1 MB", true},
		{4_800_000, 1, "the budget of 3.1 MB holds at brotli quality 11, not 1", false},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		sizes := []fileSizes{{name: "main.wasm", raw: 14_000_000, gzip: 3_500_000, br: tt.br}}
		err := writeTable(&out, sizes, tt.quality)
		if !strings.Contains(out.String(), tt.want) {
			t.Errorf("table for brotli %d at quality %d:\n%s\nwant it to contain %q", tt.br, tt.quality, out.String(), tt.want)
		}
		var ob overBudgetError
		if got := errors.As(err, &ob); got != tt.over {
			t.Errorf("brotli %d at quality %d: error %v, want over budget: %v", tt.br, tt.quality, err, tt.over)
		}
		if tt.over && !strings.Contains(fmt.Sprint(err), "3.20 MB with brotli, over its budget of 3.1 MB") {
			t.Errorf("the error %q does not name the size and the budget", err)
		}
	}
}

func TestRunRecompressesWhenTheQualityChanges(t *testing.T) {
	dir := t.TempDir()
	page := []byte(strings.Repeat("a page compressed at two qualities ", 300))
	writeFile(t, filepath.Join(dir, "index.html"), page, time.Now().Add(-time.Hour))
	brotliAt := func(quality string) []byte {
		t.Helper()
		if err := run([]string{"-dir", dir, "-brotli-quality", quality}, io.Discard); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, "index.html.br"))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	fast := brotliAt("0")
	again := brotliAt("0")
	best := brotliAt("11")
	if !bytes.Equal(fast, again) {
		t.Errorf("the same quality rewrote the variant differently")
	}
	if bytes.Equal(fast, best) || len(best) >= len(fast) {
		t.Errorf("brotli at 11 is %d bytes after %d at 0; want a smaller, rewritten variant", len(best), len(fast))
	}
	if got, _ := os.ReadFile(filepath.Join(dir, stampName)); string(got) != "brotli-quality 11\n" {
		t.Errorf("stamp %q; want the last quality", got)
	}
}
