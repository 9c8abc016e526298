//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// maxWasmMemory is the most linear memory the wasm may hold after any hostile call: far above
// what the playground needs (tens of MB), far below what converting the calls' arguments
// would take (hundreds of MB and more).
const maxWasmMemory = 200 << 20

// hostileCalls are calls that once killed the wasm or left it holding hundreds of megabytes:
// each must be refused at once with an Error that names the argument. args is a JavaScript
// array expression. (By postMessage the 400 MB string is sent as 40 MB, still 40 times what
// any argument may have: copying 400 MB between frames takes the browser a minute here.)
var hostileCalls = []struct{ method, args, says string }{
	{"configure", `[{layers: new Array(5.3e8)}]`, "layers"},
	{"configure", `[{layers: new Array(1e8)}]`, "layers"},
	{"importPoints", `["a".repeat(4e8)]`, "argument 1: a string of 400,000,000 characters"},
	{"importPoints", `["1,2,1\n".repeat(3e5)]`, "argument 1: a string of 1,800,000 characters"},
	{"configure", `[{activation: "x".repeat(4e8)}]`, "argument 1 (activation)"},
	{"setPoints", `[new Array(1e8)]`, "argument 1 (points)"},
	{"setWeights", `[[{w: new Array(1e8), b: []}, {w: [], b: []}]]`, "argument 1"},
	{"loadData", `["spiral", {n: 1e9}]`, "n"},
	{"loadData", `["x".repeat(1e8)]`, "argument 1: a string of 100,000,000 characters"},
}

// expectAlive fails the test unless window.nnviz still answers and the wasm's memory is below
// maxWasmMemory, after what.
func expectAlive(t *testing.T, p *Page, what string) {
	t.Helper()
	alive := Eval[map[string]any](p, `(() => {
		const s = nnviz.state();
		return {points: s.points.length, memory: nnviz.memory(), failed: document.getElementById("status").className};
	})()`)
	if mem, _ := alive["memory"].(float64); mem <= 0 || mem >= maxWasmMemory {
		t.Errorf("after %s the wasm holds %.0f MB of memory; want less than %d MB", what, mem/(1<<20), maxWasmMemory>>20)
	}
	if alive["failed"] != "" {
		t.Errorf("after %s the page says the wasm stopped (status class %q)", what, alive["failed"])
	}
}

// TestHostileCallsThroughTheAPI makes each hostile call on window.nnviz: each throws an Error
// naming its argument, and afterwards the playground answers and holds less than 200 MB.
func TestHostileCallsThroughTheAPI(t *testing.T) {
	p := open(t, "embed.html")
	expectAlive(t, p, "starting")
	for _, c := range hostileCalls {
		call := "nnviz." + c.method + "(..." + c.args + ")"
		start := time.Now()
		got := thrown(p, call)
		if got == "" || !strings.Contains(got, c.says) || !strings.HasPrefix(got, "nnviz."+c.method+": ") {
			t.Errorf("%s threw %q; want an Error naming %q", call, got, c.says)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s took %v to be refused", call, d)
		}
		expectAlive(t, p, call)
	}
	if s := getState(p); len(s.Points) != 10 || fmt.Sprint(s.Layers) != "[2 3 2]" {
		t.Errorf("refused calls changed the playground: %d points, layers %v", len(s.Points), s.Layers)
	}
	p.ExpectNoConsoleErrors()
}

// TestHostileCallsByPostMessage makes the same calls from a course page on another origin
// that the embed allows: each gets an error reply naming its argument, and the embed still
// answers and holds less than 200 MB.
func TestHostileCallsByPostMessage(t *testing.T) {
	srv := server(t)
	var embed string
	parent := courseServer(t, func() string { return coursePage([2]string{"embed", embed}) })
	embed = srv.URL + "embed.html?origins=" + url.QueryEscape(parent.URL)
	p := newPage(t)
	p.Do("opening the course page", chromedp.Navigate(parent.URL))
	p.WaitFor("the embed's ready event", `window.log.some((m) => m.data.event === "ready")`, wasmStartTimeout)
	Eval[chromedp.Void](p, `window.callTimeout = 30000`)
	for _, c := range hostileCalls {
		call := "call(\"embed\", \"" + c.method + "\", ..." + strings.Replace(c.args, "4e8", "4e7", 1) + ")"
		r := Eval[map[string]any](p, call)
		if says := strings.Replace(c.says, "400,000,000", "40,000,000", 1); r["ok"] != false || !strings.Contains(fmt.Sprint(r["error"]), says) {
			t.Errorf("%s replied %v; want an error naming %q", call, r, says)
		}
		alive := Eval[map[string]any](p, `Promise.all([call("embed", "state"), call("embed", "memory")]).then(([s, m]) => ({ok: s.ok && m.ok, points: s.ok ? s.value.points.length : -1, memory: m.value}))`)
		if alive["ok"] != true || alive["points"] != float64(10) {
			t.Errorf("after %s, state() by postMessage gave %v", call, alive)
		}
		if mem, _ := alive["memory"].(float64); mem <= 0 || mem >= maxWasmMemory {
			t.Errorf("after %s the embed's wasm holds %.0f MB; want less than %d MB", call, mem/(1<<20), maxWasmMemory>>20)
		}
	}
	p.ExpectNoConsoleErrors()
}

// TestDivergenceStopsAndSaysSo opens the two addresses that once trained on silently with
// an infinite output or kept weights that overflow: training stops, the page says in words
// that it diverged, and the loss shown is a finite measure of the weights that are back.
func TestDivergenceStopsAndSaysSo(t *testing.T) {
	tests := []struct{ name, path, says string }{
		{"infinite output", "?cost=crossentropy&activation=tanh&weights=1,1,1,1,1,1,0,0,0,1e308,1e308,1e308,0,0,0,0,0&autoplay=1", "overflows"},
		{"learning rate", "?lr=100&activation=linear&autoplay=1&speed=50", "the learning rate 100 is too large for this network"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := open(t, tc.path)
			p.WaitFor("training to stop", `!nnviz.state().running`, 30*time.Second)
			got := Eval[map[string]any](p, `(() => {
				const s = nnviz.state();
				const w = nnviz.weights().flatMap((l) => [...l.w.flat(), ...l.b]);
				return {message: s.message, finiteLoss: Number.isFinite(s.loss), finiteWeights: w.every(Number.isFinite),
					maxW: Math.max(...w.map(Math.abs)), shown: document.getElementById("nnviz-message").textContent};
			})()`)
			msg := fmt.Sprint(got["message"])
			if !strings.Contains(msg, "diverge") || !strings.Contains(msg, tc.says) {
				t.Errorf("state().message = %q; want it to say training diverged and %q", msg, tc.says)
			}
			if got["finiteLoss"] != true || got["finiteWeights"] != true {
				t.Errorf("after divergence: finite loss %v, finite weights %v (max |w| %v); want both", got["finiteLoss"], got["finiteWeights"], got["maxW"])
			}
			if !strings.Contains(fmt.Sprint(got["shown"]), "diverge") {
				t.Errorf("the panel shows %q; want the divergence in words", got["shown"])
			}
			expectAlive(t, p, tc.path)
			p.Screenshot("diverged")
		})
	}
}

// TestOverLongAddressGetsAPage opens an address longer than the server answers: the browser
// shows a page (414) that says what happened and what to do, not a plain-text status.
func TestOverLongAddressGetsAPage(t *testing.T) {
	srv := server(t)
	p := newPage(t)
	long := srv.URL + "embed.html?points=" + strings.Repeat("1.25,-0.5,1;", 7000) // 84,000 characters
	ctx, cancel := context.WithTimeout(p.Ctx, actionTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Navigate(long))
	if err != nil {
		t.Fatalf("opening an address of %d characters: %v", len(long), err)
	}
	if resp.Status != 414 || !strings.HasPrefix(resp.MimeType, "text/html") {
		t.Errorf("an over-long address got %d %s; want 414 and a page", resp.Status, resp.MimeType)
	}
	text := Eval[string](p, `document.querySelector("h1").textContent + " " + document.body.innerText`)
	for _, want := range []string{"This address is too long", "What to do", "Points JSON"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page for an over-long address lacks %q:\n%s", want, text)
		}
	}
	// (The browser logs the 414 itself as a failed load, so the console is not checked.)
}
