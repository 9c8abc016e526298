package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

const (
	// wasmGoal is what main.wasm should weigh over the wire with brotli. It is out of
	// reach while the wasm holds both ebiten and gonum's mat: importing mat alone makes an
	// ebiten program 2.58 MB (README, "The wasm over the wire").
	wasmGoal = 2.6e6
	// wasmBudget is the most main.wasm may weigh with brotli at quality 11: a build over it
	// fails, so that nothing adds to the download unnoticed.
	wasmBudget = 3.1e6
)

// overBudgetError says that main.wasm weighs more than its budget.
type overBudgetError struct{ br int64 }

// Error names the size and the budget.
func (e overBudgetError) Error() string {
	return fmt.Sprintf("main.wasm is %.2f MB with brotli, over its budget of %.1f MB: find what grew with go run ./internal/cmd/wasmsize", float64(e.br)/1e6, wasmBudget/1e6)
}

// writeTable prints the sizes of the files and their variants, and how main.wasm compares
// with its goal and its budget. At brotli quality 11 (a release build) it returns an
// overBudgetError when main.wasm is over the budget; quicker qualities compress less, so
// their sizes are not held to it.
func writeTable(w io.Writer, sizes []fileSizes, quality int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\traw\tgzip\tbrotli\t")
	for _, s := range sizes {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", s.name, formatSize(s.raw), formatVariant(s.gzip, s.gzipRewrote), formatVariant(s.br, s.brotliRewrote))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range sizes {
		if s.name != "main.wasm" {
			continue
		}
		verdict := "within"
		if s.br == 0 || float64(s.br) > wasmGoal {
			verdict = "OVER"
		}
		budget := fmt.Sprintf("within the budget of %.1f MB", wasmBudget/1e6)
		over := s.br == 0 || float64(s.br) > wasmBudget
		switch {
		case quality < 11:
			budget = fmt.Sprintf("the budget of %.1f MB holds at brotli quality 11, not %d", wasmBudget/1e6, quality)
		case over:
			budget = fmt.Sprintf("OVER the budget of %.1f MB", wasmBudget/1e6)
		}
		if _, err := fmt.Fprintf(w, "main.wasm over the wire: %.2f MB with brotli, %.2f MB with gzip, %.2f MB raw (%s the goal of %.1f MB with brotli; %s)\n",
			float64(s.br)/1e6, float64(s.gzip)/1e6, float64(s.raw)/1e6, verdict, wasmGoal/1e6, budget); err != nil {
			return err
		}
		if quality >= 11 && over {
			return overBudgetError{s.br}
		}
		return nil
	}
	return nil
}

func formatSize(n int64) string {
	return fmt.Sprintf("%d", n)
}

// formatVariant marks a variant written in this run with '*', and shows '-'
// for a variant that does not exist because it would not be smaller.
func formatVariant(n int64, rewrote bool) string {
	if n == 0 {
		return "-"
	}
	if rewrote {
		return fmt.Sprintf("%d*", n)
	}
	return formatSize(n)
}
