//go:build !js

package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
)

// phase is one moment of nnviz's start-up, read from the page's performance timeline.
type phase struct {
	key, what string
}

// phases are the moments of start-up in order: the page's own, the wasm download's (resource
// timing), and the marks embed.js and the wasm set (cmd/wasm/startup.go).
var phases = []phase{
	{"requested", "main.wasm download starts"},
	{"html", "page parsed (DOMContentLoaded)"},
	{"fetch", "embed.js asks for main.wasm"},
	{"firstByte", "its first byte arrives"},
	{"downloaded", "its last byte arrives"},
	{"compiled", "compiled and instantiated"},
	{"main", "Go runtime started, package inits run (main)"},
	{"built", "playground and renderer made"},
	{"update", "ebiten and WebGL started (first Update)"},
	{"drawn", "first picture drawn (first Draw)"},
	{"ready", "window.nnviz ready"},
}

// startupTimes reads when each phase happened, in seconds since navigation (0 when the page
// lacks a mark).
const startupTimes = `(() => {
  const t = {};
  const nav = performance.getEntriesByType('navigation')[0];
  if (nav) t.html = nav.domContentLoadedEventEnd;
  const res = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/main.wasm'));
  if (res) { t.requested = res.fetchStart; t.firstByte = res.responseStart; t.downloaded = res.responseEnd; }
  for (const m of performance.getEntriesByType('mark')) {
    if (m.name.startsWith('nnviz:')) t[m.name.slice(6)] = m.startTime;
  }
  t.ready = window.__bench.ready;
  for (const k in t) t[k] /= 1000;
  return t;
})()`

func startupPhases(ctx context.Context) (map[string]float64, error) {
	return eval[map[string]float64](ctx, startupTimes)
}

// reportStartup prints the median time of each start-up phase of the cases named, in the order
// they happened, and how long each came after the one before.
func reportStartup(out io.Writer, got map[string][]figures, names []string) {
	for _, name := range names {
		fs := got[name]
		if len(fs) == 0 || fs[0].Startup == nil {
			continue
		}
		fmt.Fprintf(out, "\nstart-up of %s (seconds since navigation, medians of %d):\n\n| phase | at | took |\n|---|---|---|\n", name, len(fs))
		type row struct {
			what string
			at   float64
		}
		var rows []row
		for _, p := range phases {
			var v []float64
			for _, f := range fs {
				if t, ok := f.Startup[p.key]; ok {
					v = append(v, t)
				}
			}
			if len(v) > 0 {
				slices.Sort(v)
				rows = append(rows, row{p.what, v[len(v)/2]})
			}
		}
		slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(a.at, b.at) })
		prev := 0.0
		for _, r := range rows {
			fmt.Fprintf(out, "| %s | %.3f | %+.3f |\n", r.what, r.at, r.at-prev)
			prev = r.at
		}
	}
}
