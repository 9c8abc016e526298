package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// wasmGoal is the most main.wasm may weigh over the wire with brotli.
const wasmGoal = 2.7e6

// writeTable prints the sizes of the files and their variants, and how
// main.wasm compares with its goal.
func writeTable(w io.Writer, sizes []fileSizes) error {
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
		_, err := fmt.Fprintf(w, "main.wasm over the wire: %.2f MB with brotli, %.2f MB with gzip, %.2f MB raw (%s the goal of %.1f MB with brotli)\n",
			float64(s.br)/1e6, float64(s.gzip)/1e6, float64(s.raw)/1e6, verdict, wasmGoal/1e6)
		return err
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
