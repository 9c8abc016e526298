// Command wasmsize prints how a Go WebAssembly module's code divides among packages: the
// bytes of function bodies of each package, largest first, and the sizes of its sections.
// It reads function names from the module's "name" section, so build the module without
// -ldflags=-s (the shipped build strips them; its code is the same).
//
// Usage:
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/main.wasm ./cmd/wasm
//	go run ./internal/cmd/wasmsize [-top 25] /tmp/main.wasm
package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("wasmsize", flag.ContinueOnError)
	top := fs.Int("top", 25, "packages listed one by one; the rest are summed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("want one module to read, got %d arguments", fs.NArg())
	}
	b, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	m, err := parse(b)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	if len(m.names) == 0 {
		return fmt.Errorf("%s has no function names: build it without -ldflags=-s", fs.Arg(0))
	}
	return report(out, m, *top)
}

// packageOf returns the Go package of a function's name in the module. The linker writes a
// symbol's name with every character other than letters, digits, '_' and '.' replaced by '_'
// ("gonum.org/v1/gonum/mat.(*Dense).Mul" becomes "gonum.org_v1_gonum_mat.__Dense_.Mul"), so the
// package ends at the first dot, or at the first dot after a module's domain. Slashes are put
// back for reading; a package whose own name holds '_' reads with a slash there.
func packageOf(name string) string {
	end := strings.IndexByte(name, '.')
	if end < 0 {
		return name
	}
	if tld, _, ok := strings.Cut(name[end+1:], "_"); ok && isDomainLabel(tld) {
		// A module's domain ("github.com_..."): the package ends at the next dot.
		if next := strings.IndexByte(name[end+1+len(tld):], '.'); next >= 0 {
			end += 1 + len(tld) + next
		}
	}
	return strings.ReplaceAll(name[:end], "_", "/")
}

// isDomainLabel reports whether s can end a domain name ("com", "org"): lower-case letters.
func isDomainLabel(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// group rolls a package up into the part of the program it belongs to.
func group(pkg string) string {
	for _, g := range []string{
		"gonum.org/v1/gonum/lapack", "gonum.org/v1/gonum/blas", "gonum.org/v1/gonum/mat", "gonum.org/v1/gonum",
		"github.com/hajimehoshi/ebiten/v2", "github.com/nnviz/nnviz/nn", "github.com/nnviz/nnviz/app",
		"github.com/nnviz/nnviz/render", "github.com/nnviz/nnviz/cmd/wasm", "golang.org/x",
	} {
		if pkg == g || strings.HasPrefix(pkg, g+"/") {
			return g
		}
	}
	first, _, _ := strings.Cut(pkg, "/")
	if strings.Contains(first, ".") {
		return "other modules"
	}
	return "Go standard library and runtime"
}

type size struct {
	name  string
	bytes int
}

func report(out io.Writer, m *module, top int) error {
	byPkg, byGroup := map[string]int{}, map[string]int{}
	total := 0
	for i, n := range m.bodies {
		name, ok := m.names[m.imported+i]
		pkg := "(unnamed)"
		if ok {
			pkg = packageOf(name)
		}
		byPkg[pkg] += n
		byGroup[group(pkg)] += n
		total += n
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "code by part of the program\tbytes\tshare\t\n")
	writeSizes(tw, sorted(byGroup), total, len(byGroup))
	fmt.Fprintf(tw, "\t\t\t\ncode by package\tbytes\tshare\t\n")
	writeSizes(tw, sorted(byPkg), total, top)
	fmt.Fprintf(tw, "\t\t\t\nsection\tbytes\tshare\t\n")
	all := 0
	for _, s := range m.sections {
		all += s.size
	}
	for _, s := range m.sections {
		name := sectionNames[s.id]
		if s.id == 0 {
			name = "custom " + s.name
		}
		fmt.Fprintf(tw, "%s\t%d\t%.1f%%\t\n", name, s.size, 100*float64(s.size)/float64(all))
	}
	return tw.Flush()
}

var sectionNames = map[byte]string{1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "data count"}

func sorted(m map[string]int) []size {
	s := make([]size, 0, len(m))
	for k, v := range m {
		s = append(s, size{k, v})
	}
	slices.SortFunc(s, func(a, b size) int { return cmp.Or(cmp.Compare(b.bytes, a.bytes), strings.Compare(a.name, b.name)) })
	return s
}

func writeSizes(tw io.Writer, s []size, total, top int) {
	rest := 0
	for i, x := range s {
		if i >= top {
			rest += x.bytes
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%.1f%%\t\n", x.name, x.bytes, 100*float64(x.bytes)/float64(total))
	}
	if rest > 0 {
		fmt.Fprintf(tw, "%d others\t%d\t%.1f%%\t\n", len(s)-top, rest, 100*float64(rest)/float64(total))
	}
	fmt.Fprintf(tw, "all code\t%d\t100%%\t\n", total)
}
