// Command precompress writes brotli (name.br) and gzip (name.gz) variants of
// the files in a static bundle, so the server can send them as they are,
// without compressing on each request, and the build needs no system brotli.
//
// Usage:
//
//	go run ./internal/cmd/precompress [-dir web/static] [-brotli-quality 11] [-force]
//
// A variant is written only when it is smaller than its file; a variant that
// would not be is removed. A variant newer than its file is kept as it is,
// unless -force is given or the variants were made with other settings
// (recorded in the hidden file .precompress). The command ends with a table
// of the sizes.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "precompress:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("precompress", flag.ContinueOnError)
	dir := flags.String("dir", "web/static", "the bundle's `directory`")
	quality := flags.Int("brotli-quality", 11, "brotli `quality`, 0 (fast) to 11 (smallest); lower it for quick development builds")
	force := flags.Bool("force", false, "rewrite the variants even when they are newer than their files")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q: the bundle is chosen with -dir", flags.Args())
	}
	if *quality < 0 || *quality > 11 {
		return fmt.Errorf("-brotli-quality %d is out of range: brotli's qualities are 0 to 11", *quality)
	}
	// Variants made at another quality are out of date whatever their times:
	// a quick development build must not ship in a release.
	stamp := filepath.Join(*dir, stampName)
	settings := fmt.Sprintf("brotli-quality %d\n", *quality)
	if old, err := os.ReadFile(stamp); err != nil || string(old) != settings {
		*force = true
	}
	sizes, err := compressDir(*dir, options{brotliQuality: *quality, force: *force})
	if err != nil {
		return err
	}
	if err := os.WriteFile(stamp, []byte(settings), 0o644); err != nil {
		return err
	}
	return writeTable(stdout, sizes, *quality)
}

// stampName is the file, hidden from go:embed, that records the settings the
// variants in a directory were made with.
const stampName = ".precompress"
