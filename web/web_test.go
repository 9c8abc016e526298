package web_test

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nnviz/nnviz/web"
)

func TestBundleHasTheCommittedPages(t *testing.T) {
	for _, name := range web.Pages {
		if data, err := fs.ReadFile(web.Bundle(), name); err != nil || len(data) == 0 {
			t.Errorf("the embedded bundle lacks %s: %v", name, err)
		}
	}
}

func TestMissing(t *testing.T) {
	full := fstest.MapFS{}
	for _, name := range web.Required {
		full[name] = &fstest.MapFile{Data: []byte("x")}
	}
	noWasm := fstest.MapFS{}
	for name, f := range full {
		noWasm[name] = f
	}
	delete(noWasm, "main.wasm")
	delete(noWasm, "wasm_exec.js")
	dirNotFile := fstest.MapFS{"main.wasm/x": &fstest.MapFile{}}
	for name, f := range full {
		if name != "main.wasm" {
			dirNotFile[name] = f
		}
	}
	tests := []struct {
		name string
		fsys fs.FS
		want string
	}{
		{"complete", full, ""},
		{"not built", noWasm, "wasm_exec.js main.wasm"},
		{"a directory is not a file", dirNotFile, "main.wasm"},
		{"empty", fstest.MapFS{}, strings.Join(web.Required, " ")},
	}
	for _, tt := range tests {
		if got := strings.Join(web.Missing(tt.fsys), " "); got != tt.want {
			t.Errorf("%s: Missing = %q; want %q", tt.name, got, tt.want)
		}
		err := web.Check(tt.fsys, "the bundle")
		if (err == nil) != (tt.want == "") {
			t.Errorf("%s: Check = %v", tt.name, err)
		}
	}
}

// TestPagesNeedNoInlineCode keeps the pages within the server's CSP: scripts
// and styles come from same-origin files, never from the page itself.
func TestPagesNeedNoInlineCode(t *testing.T) {
	scriptTag := regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)
	forbidden := []*regexp.Regexp{
		regexp.MustCompile(`(?i)<style\b`),
		regexp.MustCompile(`(?i)\sstyle\s*=`),
		regexp.MustCompile(`(?i)\son[a-z]+\s*=`),
		regexp.MustCompile(`(?i)javascript:`),
		regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//`),
	}
	pages, err := fs.Glob(web.Bundle(), "*.html")
	if err != nil || len(pages) < 2 {
		t.Fatalf("pages %v, %v; want index.html and embed.html at least", pages, err)
	}
	for _, page := range pages {
		data, err := fs.ReadFile(web.Bundle(), page)
		if err != nil {
			t.Fatal(err)
		}
		html := string(data)
		for _, m := range scriptTag.FindAllStringSubmatch(html, -1) {
			if !strings.Contains(m[1], "src=") || strings.TrimSpace(m[2]) != "" {
				t.Errorf("%s has an inline script: %s", page, m[0])
			}
		}
		for _, re := range forbidden {
			if loc := re.FindStringIndex(html); loc != nil {
				t.Errorf("%s: %q breaks the CSP (inline code or another origin)", page, html[loc[0]:min(loc[1]+20, len(html))])
			}
		}
	}
}

func ExampleCheck() {
	// A fresh clone: the pages are committed, the wasm is not built yet.
	bundle := fstest.MapFS{}
	for _, name := range web.Pages {
		bundle[name] = &fstest.MapFile{}
	}
	fmt.Println(web.Check(bundle, "the embedded bundle"))
	// Output: the embedded bundle has no wasm_exec.js, main.wasm: build it with `make build`
}
