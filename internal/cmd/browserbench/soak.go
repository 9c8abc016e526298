//go:build !js

package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/chromedp/chromedp"
)

// soakPath is the page the memory soak trains: the highest speed, many points, a deep network.
const soakPath = "/?data=spiral&n=2000&layers=2,16,16,16,16,2&activation=tanh&lr=0.03&speed=500&autoplay=1"

// soakTolerance is how far the wasm's memory may move from its size after the first minute.
const soakTolerance = 0.10

// soak trains soakPath for d and samples the wasm's memory (nnviz.memory()) every tenth of d
// after the first minute. It reports the samples against the first one, and an error when one
// is more than soakTolerance away from it: the memory must stay flat while training runs.
func soak(parent context.Context, out io.Writer, url string, d time.Duration) error {
	ctx, cancel := chromedp.NewContext(parent)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, d+2*time.Minute)
	defer cancelTime()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(url)); err != nil {
		return err
	}
	if err := poll(ctx, `typeof window.nnviz === "object" && typeof nnviz.memory === "function"`); err != nil {
		return fmt.Errorf("waiting for the page: %w", err)
	}
	warm := min(time.Minute, d/2)
	fmt.Fprintf(out, "\nmemory soak: %s at 1280x800 for %s, sampled after %s\n", soakPath, d, warm)
	time.Sleep(warm)
	type sample struct{ Memory, Steps float64 }
	read := func() (sample, error) {
		return eval[sample](ctx, `({memory: nnviz.memory(), steps: nnviz.status().steps})`)
	}
	first, err := read()
	if err != nil {
		return err
	}
	worst := 0.0
	every := (d - warm) / 10
	for i := 1; i <= 10; i++ {
		time.Sleep(every)
		s, err := read()
		if err != nil {
			return err
		}
		change := s.Memory/first.Memory - 1
		worst = max(worst, change, -change)
		fmt.Fprintf(out, "  %6s  %8.1f MB  %+6.1f%%  %12.0f steps\n", (warm + time.Duration(i)*every).Round(time.Second), s.Memory/1e6, 100*change, s.Steps)
	}
	fmt.Fprintf(out, "  largest change from %.1f MB: %.1f%% (want at most %.0f%%)\n", first.Memory/1e6, 100*worst, 100*soakTolerance)
	if worst > soakTolerance {
		return fmt.Errorf("memory soak: the wasm's memory moved %.1f%% while training, more than %.0f%%", 100*worst, 100*soakTolerance)
	}
	return nil
}
