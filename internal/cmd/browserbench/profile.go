//go:build !js

package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// profile records the main thread of c for d with V8's sampling profiler and prints where the
// time went, by function (self time). The shipped wasm carries no names: its functions show
// as wasm-function[N], and the time in them is summed as "wasm (Go)".
func profile(parent context.Context, out io.Writer, c benchCase, url string, d time.Duration) error {
	ctx, cancel := chromedp.NewContext(parent)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, d+90*time.Second)
	defer cancelTime()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(c.w, c.h), chromedp.Navigate(url)); err != nil {
		return err
	}
	if err := poll(ctx, `typeof window.nnviz === "object"`); err != nil {
		return err
	}
	if _, err := eval[any](ctx, `new Promise((ok) => setTimeout(ok, 1000))`); err != nil {
		return err
	}
	var prof *profiler.Profile
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, profiler.Enable, cdp.Empty{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, profiler.Start, cdp.Empty{}); err != nil {
			return err
		}
		if err := wait(ctx, d); err != nil {
			return err
		}
		r, err := cdp.Call(ctx, t, profiler.Stop, cdp.Empty{})
		prof = r.Profile
		return err
	}))
	if err != nil {
		return err
	}
	self := map[string]float64{}
	byID := map[int64]string{}
	for _, n := range prof.Nodes {
		name := n.CallFrame.FunctionName
		switch {
		case strings.HasPrefix(name, "$") || strings.HasPrefix(name, "wasm-function") || strings.Contains(n.CallFrame.URL, ".wasm"):
			name = "wasm (Go)"
		case name == "":
			name = "(anonymous) " + shortURL(n.CallFrame.URL)
		default:
			name += " " + shortURL(n.CallFrame.URL)
		}
		byID[n.ID] = name
	}
	total := 0.0
	for i, id := range prof.Samples {
		if i < len(prof.TimeDeltas) {
			dt := float64(prof.TimeDeltas[i]) / 1000
			self[byID[id]] += dt
			total += dt
		}
	}
	type row struct {
		name string
		ms   float64
	}
	var rows []row
	for k, v := range self {
		rows = append(rows, row{k, v})
	}
	slices.SortFunc(rows, func(a, b row) int { return int(b.ms*1000 - a.ms*1000) })
	fmt.Fprintf(out, "\nprofile of %q, %.1f s of the main thread, self time:\n", c.name, total/1000)
	for i, r := range rows {
		if i == 15 {
			break
		}
		fmt.Fprintf(out, "  %5.1f%%  %s\n", 100*r.ms/total, r.name)
	}
	return nil
}

func shortURL(u string) string {
	if i := strings.LastIndexByte(u, '/'); i >= 0 {
		return "(" + u[i+1:] + ")"
	}
	return ""
}
