package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestPackageOf(t *testing.T) {
	for name, want := range map[string]string{
		"gonum.org_v1_gonum_mat.__Dense_.Mul":                              "gonum.org/v1/gonum/mat",
		"github.com_hajimehoshi_ebiten_v2_internal_ui.__Image_.readPixels": "github.com/hajimehoshi/ebiten/v2/internal/ui",
		"github.com_nnviz_nnviz_nn.New":                                    "github.com/nnviz/nnviz/nn",
		"main.__api_.install":                                              "main",
		"fmt.__pp_.printArg":                                               "fmt",
		"time.Duration.Seconds":                                            "time",
		"encoding_json.Marshal":                                            "encoding/json",
		"runtime.mallocgc":                                                 "runtime",
		"go_buildid":                                                       "go_buildid",
	} {
		if got := packageOf(name); got != want {
			t.Errorf("packageOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// uleb appends n as an unsigned LEB128 integer.
func uleb(b []byte, n int) []byte {
	for {
		c := byte(n & 0x7f)
		n >>= 7
		if n == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func sec(id byte, body []byte) []byte { return append(uleb([]byte{id}, len(body)), body...) }

func str(s string) []byte { return append(uleb(nil, len(s)), s...) }

// module builds a module that imports one function and defines two, of 3 and 200 bytes, named
// by a name section.
func testModule() []byte {
	b := append([]byte(nil), wasmMagic...)
	var imp []byte
	imp = uleb(imp, 1)
	imp = append(append(append(imp, str("go")...), str("debug")...), 0, 0)
	b = append(b, sec(2, imp)...)
	code := uleb(nil, 2)
	code = append(uleb(code, 3), 0, 0, 0x0b)
	code = append(uleb(code, 200), make([]byte, 200)...)
	b = append(b, sec(10, code)...)
	names := uleb(nil, 2)
	names = append(uleb(names, 1), str("gonum.org_v1_gonum_mat.__Dense_.Mul")...)
	names = append(uleb(names, 2), str("main.main")...)
	custom := append(str("name"), sec(1, names)...)
	return append(b, sec(0, custom)...)
}

func TestReportDividesCodeByPackage(t *testing.T) {
	m, err := parse(testModule())
	if err != nil {
		t.Fatal(err)
	}
	if m.imported != 1 || len(m.bodies) != 2 || m.bodies[0] != 3 || m.bodies[1] != 200 {
		t.Fatalf("parsed %d imports and bodies %v, want 1 and [3 200]", m.imported, m.bodies)
	}
	var out bytes.Buffer
	if err := report(&out, m, 10); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"gonum.org/v1/gonum/mat  3", "main  200", "all code  203"} {
		if !strings.Contains(strings.Join(strings.Fields(out.String()), "  "), strings.Join(strings.Fields(want), "  ")) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestParseRejectsWhatIsNoModule(t *testing.T) {
	if _, err := parse([]byte("not wasm")); err == nil || !strings.Contains(err.Error(), "not a WebAssembly module") {
		t.Errorf("parse(text) = %v, want an error naming what is wrong", err)
	}
	truncated := testModule()
	if _, err := parse(truncated[:len(truncated)-5]); err == nil {
		t.Error("parse of a truncated module succeeded")
	}
}
