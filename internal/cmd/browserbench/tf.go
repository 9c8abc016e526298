//go:build !js

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// tfSeed fixes TensorFlow Playground's data and initial weights, so every round trains the same.
const tfSeed = "seed=0.50000"

// tfCases are TensorFlow Playground's pages, measured with -tf beside nnviz's: its default page
// (a 2-4-2-1 tanh network on its circle data) paused and training, and its spiral with 4 hidden
// layers of 8 tanh, at both sizes. The address's hash is its state (its state.ts); pair names
// the nnviz case each is compared with: the spiral's trains as many points a frame.
var tfCases = []benchCase{
	{name: "TF Playground paused, 1280x800", tf: true, path: "#" + tfSeed, w: 1280, h: 800, pair: "paused /"},
	{name: "TF Playground training, 1280x800", tf: true, path: "#" + tfSeed, w: 1280, h: 800, trains: true, pair: "training /"},
	{name: "TF Playground training spiral 4x8 tanh, 1280x800", tf: true, path: "#dataset=spiral&networkShape=8,8,8,8&activation=tanh&" + tfSeed, w: 1280, h: 800, trains: true, pair: "training spiral 4x8 tanh, an epoch a frame"},
	{name: "TF Playground paused, 900x560", tf: true, path: "#" + tfSeed, w: 900, h: 560},
	{name: "TF Playground training, 900x560", tf: true, path: "#" + tfSeed, w: 900, h: 560, trains: true, pair: "training embed 900x560"},
	{name: "TF Playground training spiral 4x8 tanh, 900x560", tf: true, path: "#dataset=spiral&networkShape=8,8,8,8&activation=tanh&" + tfSeed, w: 900, h: 560, trains: true},
}

// tfPeerCases are nnviz cases measured only with -tf: the spiral with TensorFlow Playground's
// work a frame (500 points, half held out as test data, mini-batches of 10 at 25 steps a
// frame: an epoch of its 250 training points, as TF Playground trains), where the other nnviz
// cases train at nnviz's default speed.
var tfPeerCases = []benchCase{
	{name: "training spiral 4x8 tanh, an epoch a frame", path: "/?data=spiral&n=500&test=0.5&layers=2,8,8,8,8,2&activation=tanh&lr=0.03&mode=minibatch&batch=10&speed=25&autoplay=1", w: 1280, h: 800, ref: "bare 1280x800", trains: true},
}

// tfReady is true once TensorFlow Playground's script has built its page (it runs at the end
// of <body>, so by DOMContentLoaded), and notes that moment as the page's ready time.
const tfReady = `(() => {
	const nav = performance.getEntriesByType("navigation")[0];
	if (!document.querySelector("#iter-number") || !nav || !(nav.domContentLoadedEventEnd > 0)) return false;
	window.__bench.ready = nav.domContentLoadedEventEnd;
	return true;
})()`

// tfState reads TensorFlow Playground's counters from its page. Each animation frame it trains
// one epoch (oneStep in its playground.ts: every training point once, then the loss) and writes
// its epoch counter into #iter-number ("000,123"); its training points are the circles it draws
// in the heatmap's g.train, one per point.
const tfState = `(() => {
	const iter = document.querySelector("#iter-number").textContent.replace(/,/g, "");
	return {draws: window.__bench.draws, steps: Number(iter),
		perStep: document.querySelectorAll("#heatmap svg g.train circle").length};
})()`

// tfPlay presses TensorFlow Playground's play button, as a learner does, and checks that it
// plays and trains.
func tfPlay(ctx context.Context) error {
	playing, err := eval[bool](ctx, `(() => {
		const b = document.querySelector("#play-pause-button");
		b.click();
		return b.classList.contains("playing");
	})()`)
	if err != nil {
		return err
	}
	if !playing {
		return fmt.Errorf("TF Playground: its play button did not start training")
	}
	return poll(ctx, `Number(document.querySelector("#iter-number").textContent.replace(/,/g, "")) > 0`)
}

// loopbackOnly blocks every request that leaves the machine: TensorFlow Playground's page asks
// Google's servers for fonts and analytics, which a benchmark must neither wait for nor depend on.
// Its icons then show as their ligatures' words, and its text in a fallback font.
func loopbackOnly(ctx context.Context, t *chromedp.Target) error {
	if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
		return err
	}
	_, err := cdp.Call(ctx, t, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
		{URLPattern: "http://127.0.0.1:*/*", Block: false},
		{URLPattern: "*://*:*/*", Block: true},
	}})
	return err
}

// serveTF checks that dir holds a built TensorFlow Playground and serves it on loopback.
func serveTF(dir string) (url string, stop func(), err error) {
	for _, name := range []string{"index.html", "bundle.js", "lib.js", "bundle.css"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			return "", nil, fmt.Errorf("-tf %s: not a built TF Playground (npm run build writes dist/): %w", dir, err)
		}
	}
	return serveDir(dir)
}

// reportTF prints TensorFlow Playground's cases beside the nnviz cases they pair with, if any
// was measured.
func reportTF(out io.Writer, got results) {
	med, measured := got.median, func(name string) bool { return len(got[name]) > 0 }
	if !slices.ContainsFunc(tfCases, func(c benchCase) bool { return measured(c.name) }) {
		return
	}
	fmt.Fprintf(out, "\nnnviz beside TensorFlow Playground (medians as above):\n\n")
	fmt.Fprintf(out, "| TF Playground case | nnviz case | frames/s TF | frames/s nnviz | busy TF | busy nnviz | samples/s TF | samples/s nnviz | nnviz/TF samples/s |\n|---|---|---|---|---|---|---|---|---|\n")
	fps := func(f figures) float64 { return f.FPS }
	busy := func(f figures) float64 { return 100 * f.Busy }
	samples := func(f figures) float64 { return f.Samples }
	for _, c := range tfCases {
		if !measured(c.name) {
			continue
		}
		nn := "-"
		if c.pair != "" && measured(c.pair) {
			nn = c.pair
		}
		row := []string{fmt.Sprintf("%.1f", med(c.name, fps)), "-", fmt.Sprintf("%.0f%%", med(c.name, busy)), "-", "-", "-", "-"}
		if c.trains {
			row[4] = fmt.Sprintf("%.0f", med(c.name, samples))
		}
		if nn != "-" {
			row[1] = fmt.Sprintf("%.1f", med(nn, fps))
			row[3] = fmt.Sprintf("%.0f%%", med(nn, busy))
			if c.trains {
				row[5] = fmt.Sprintf("%.0f", med(nn, samples))
				row[6] = fmt.Sprintf("%.2fx", med(nn, samples)/med(c.name, samples))
			}
		}
		fmt.Fprintf(out, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", c.name, nn, row[0], row[1], row[2], row[3], row[4], row[5], row[6])
	}
}
