//go:build e2e

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestURLConfiguresThePlayground(t *testing.T) {
	p := open(t, "embed.html?layers=2,4,4,2&activation=tanh&cost=crossentropy&lr=0.03&mode=minibatch&batch=5&seed=7&data=xor&n=100&noise=0.1&speed=3&controls=play,step")
	s := getState(p)
	if fmt.Sprint(s.Layers) != "[2 4 4 2]" || s.Activation != "tanh" || s.Cost != "crossentropy" {
		t.Errorf("network = %v %s %s", s.Layers, s.Activation, s.Cost)
	}
	if s.LearningRate != 0.03 || s.Mode != "minibatch" || s.Batch != 5 || s.Seed != 7 || len(s.Points) != 100 {
		t.Errorf("settings = lr %v %s batch %d seed %v, %d points", s.LearningRate, s.Mode, s.Batch, s.Seed, len(s.Points))
	}
	shown := Eval[[]string](p, `[...document.querySelectorAll("#nnviz-panel button, #nnviz-panel select, #nnviz-panel input")].map((e) => e.id)`)
	if fmt.Sprint(shown) != "[nnviz-play nnviz-step]" {
		t.Errorf("controls shown = %v, want just play and step", shown)
	}
	if problems := Eval[bool](p, `document.getElementById("nnviz-problems") !== null`); problems {
		t.Error("a good URL shows a list of problems")
	}
	p.Screenshot("configured")
	p.ExpectNoConsoleErrors()
}

func TestBadURLNamesItsBadParameters(t *testing.T) {
	p := open(t, "embed.html?layers=2,x,2&lr=-1&colour=red&activation=tanh")
	text := Eval[string](p, `document.getElementById("nnviz-problems").innerText`)
	for _, want := range []string{`layers: "x" is not a number`, `lr: "-1" is not a learning rate`, "colour: is not a parameter"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page's problem list lacks %q:\n%s", want, text)
		}
	}
	s := getState(p)
	if fmt.Sprint(s.Layers) != "[2 3 2]" || s.LearningRate != 0.1 || s.Activation != "tanh" {
		t.Errorf("want defaults for the bad parameters and the good one applied: %v lr %v %s", s.Layers, s.LearningRate, s.Activation)
	}
	if role := Eval[string](p, `document.getElementById("nnviz-problems").getAttribute("role")`); role != "alert" {
		t.Errorf("the problem list has role %q, want alert", role)
	}
	p.Screenshot("problems")
}

func TestShareLinkRoundTrips(t *testing.T) {
	p := open(t, "?seed=11")
	Eval[chromedp.Void](p, `(() => {
		nnviz.configure({layers: [2, 5, 2], activation: "relu", learningRate: 0.3, speed: 4});
		nnviz.addPoint(-1.25, 2.5, -1);
		nnviz.setLabel(3, 1);
		nnviz.step(17);
	})()`)
	want := getState(p)
	p.Do("opening the share section", chromedp.Click(chromedp.CSS("#nnviz-section-share > summary")))
	p.Do("checking 'with current weights'", chromedp.Click(chromedp.ID("nnviz-share-weights")))
	p.Do("clicking Copy link", chromedp.Click(chromedp.ID("nnviz-copy-link")))
	link := Eval[string](p, `document.getElementById("nnviz-share-out").value`)
	if !strings.Contains(link, "weights=") {
		t.Fatalf("the link %q has no weights, though 'with current weights' is checked", link)
	}
	u, err := url.Parse(link)
	if err != nil || u.Path != "/" {
		t.Fatalf("share link %q: %v", link, err)
	}
	wantW := Eval[string](p, `JSON.stringify(nnviz.weights())`)
	q := newPage(t)
	q.Do("opening the link", chromedp.Navigate(link))
	q.WaitFor("window.nnviz", ready, wasmStartTimeout)
	got := getState(q)
	if fmt.Sprint(got.Points) != fmt.Sprint(want.Points) || fmt.Sprint(got.Layers) != fmt.Sprint(want.Layers) ||
		got.Activation != want.Activation || got.LearningRate != want.LearningRate || got.Seed != want.Seed {
		t.Errorf("the link restored %+v, want %+v", got, want)
	}
	if gotW := Eval[string](q, `JSON.stringify(nnviz.weights())`); gotW != wantW {
		t.Errorf("the link with weights did not restore the weights exactly:\n%s\n%s\n%s", link, wantW, gotW)
	}
}

func TestReloadKeepsTheLearnersPoints(t *testing.T) {
	p := open(t, "?seed=12345")
	Eval[chromedp.Void](p, `nnviz.addPoint(2.5, -3, 1)`)
	// The state is saved a quarter second after a change.
	p.WaitFor("the saved state", `(localStorage.getItem("nnviz:/?seed=12345") || "").includes("points=")`, 10*time.Second)
	p.Do("reloading", chromedp.Reload())
	p.WaitFor("window.nnviz", ready, wasmStartTimeout)
	if s := getState(p); len(s.Points) != 11 || s.Points[10].X != 2.5 || s.Points[10].Y != -3 {
		t.Fatalf("after a reload: %d points, want the added eleventh at (2.5, -3): %v", len(s.Points), s.Points)
	}
	// The page reloads on Start over: a mark on this document tells the new one apart.
	Eval[chromedp.Void](p, `window.beforeStartOver = true`)
	p.Do("clicking Start over", chromedp.Click(chromedp.ID("nnviz-start-over")))
	p.WaitAcrossNavigation("window.nnviz after starting over",
		`!window.beforeStartOver && `+ready+` && nnviz.state().points.length === 10`, wasmStartTimeout)
}

// coursePage is a course page with embeds, each given as {id, src}. call(frame, method,
// ...args) drives one by postMessage and resolves to its reply, or to {timeout: true} after
// window.callTimeout milliseconds; window.log holds every message the page receives, with the
// id of the frame that sent it.
func coursePage(frames ...[2]string) string {
	var b strings.Builder
	b.WriteString("<!doctype html><title>course</title>\n")
	for _, f := range frames {
		fmt.Fprintf(&b, "<iframe id=%q src=%q width=\"600\" height=\"400\"></iframe>\n", f[0], f[1])
	}
	b.WriteString(`<script>
window.log = [];
window.callTimeout = 3000;
const replies = new Map();
let next = 1;
const frameOf = (w) => [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === w);
window.addEventListener("message", (m) => {
  const f = frameOf(m.source);
  window.log.push({from: f ? f.id : "?", data: m.data});
  if (m.data && m.data.id && replies.has(m.data.id)) { replies.get(m.data.id)(m.data); replies.delete(m.data.id); }
});
window.call = (frame, method, ...args) => new Promise((resolve) => {
  const id = next++;
  replies.set(id, resolve);
  document.getElementById(frame).contentWindow.postMessage({nnviz: 1, id, method, args}, "*");
  setTimeout(() => { if (replies.has(id)) { replies.delete(id); resolve({timeout: true}); } }, window.callTimeout);
});
</script>`)
	return b.String()
}

// courseServer serves the page that page() returns, on an origin of its own.
func courseServer(t *testing.T, page func() string) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page())
	}))
	t.Cleanup(s.Close)
	return s
}

// expectNoPostMessageWarnings fails the test for each console message, of any level, about a
// postMessage the browser refused (a target origin that the recipient does not have).
func expectNoPostMessageWarnings(t *testing.T, p *Page) {
	t.Helper()
	for _, m := range p.Messages() {
		if strings.Contains(m.Text, "postMessage") || strings.Contains(m.Text, "target origin") {
			t.Errorf("console %s: %s (%s)", m.Type, m.Text, m.URL)
		}
	}
}

func TestParentOnAnotherOriginDrivesAnEmbed(t *testing.T) {
	srv := server(t)
	var allowed, other string
	parent := courseServer(t, func() string { return coursePage([2]string{"allowed", allowed}, [2]string{"other", other}) })
	allowed = srv.URL + "embed.html?origins=" + url.QueryEscape(parent.URL)
	other = srv.URL + "embed.html?seed=3&origins=" + url.QueryEscape("https://elsewhere.example.org")

	p := newPage(t)
	p.Do("opening the course page", chromedp.Navigate(parent.URL))
	p.WaitFor("the allowed embed's ready event", `window.log.some((m) => m.from === "allowed" && m.data.event === "ready")`, wasmStartTimeout)
	// The other embed must have loaded too, or its silence below would prove nothing.
	p.WaitInFrame("the other embed's window.nnviz", "#other", ready+` && nnviz.state().seed === 3`, wasmStartTimeout)

	reply := Eval[map[string]any](p, `call("allowed", "addPoint", 0.5, 0.5, -1)`)
	if reply["ok"] != true || reply["value"] != float64(10) {
		t.Errorf("addPoint by postMessage replied %v, want ok with index 10", reply)
	}
	if n := Eval[float64](p, `call("allowed", "state").then((r) => r.value.points.length)`); n != 11 {
		t.Errorf("state by postMessage has %v points, want 11", n)
	}
	bad := Eval[map[string]any](p, `call("allowed", "addPoint", "x", 0, 1)`)
	if bad["ok"] != false || !strings.Contains(fmt.Sprint(bad["error"]), "argument 1 (x)") {
		t.Errorf("a bad call by postMessage replied %v, want an error naming the argument", bad)
	}
	// step(n) returns a Promise: the reply comes when it settles, with status().
	r := Eval[map[string]any](p, `call("allowed", "step", 3)`)
	if status, _ := r["value"].(map[string]any); r["ok"] != true || fmt.Sprint(status["steps"]) != "3" {
		t.Errorf("step(3) by postMessage replied %v, want ok with status() at step 3", r)
	}
	p.WaitFor("a step event", `window.log.some((m) => m.from === "allowed" && m.data.event === "step" && m.data.detail.steps === 3)`, 10*time.Second)

	// The other embed, loaded and running, answers nothing to an origin it does not list: the
	// call waits out its timeout, and the embed's own steps send no events here.
	if r := Eval[map[string]any](p, `call("other", "state")`); r["timeout"] != true {
		t.Errorf("an embed answered an origin not in its origins=: %v", r)
	}
	p.WaitInFrame("the other embed stepping", "#other", `(nnviz.step(2), nnviz.state().steps >= 2)`, 10*time.Second)
	// A reply the allowed embed sends after the other's steps arrives after any message they caused.
	Eval[map[string]any](p, `call("allowed", "state")`)
	if n := Eval[int](p, `window.log.filter((m) => m.from === "other").length`); n != 0 {
		t.Errorf("an embed sent %d messages to an origin not in its origins=", n)
	}
	p.Screenshot("course-page")
	// Events go to the parent's own origin only: none is refused with a console warning.
	expectNoPostMessageWarnings(t, p)
	p.ExpectNoConsoleErrors()
}

// TestImportRejectsAMalformedFileWhole pastes points into the import box: a bad line rejects
// the whole file, naming the line and the field, and nothing changes; a good file replaces the
// points.
func TestImportRejectsAMalformedFileWhole(t *testing.T) {
	p := open(t, "?seed=21")
	p.Do("opening the share section", chromedp.Click(chromedp.CSS("#nnviz-section-share > summary")))
	p.Do("pasting a malformed file", chromedp.SendKeys(chromedp.ID("nnviz-paste"), "x,y,label\n1,2,1\n3,four,-1\n"))
	p.Do("importing", chromedp.Click(chromedp.ID("nnviz-import-paste")))
	// The error shows next to the import box, in words, without the API's prefix.
	msg := Eval[string](p, `document.getElementById("nnviz-import-error").textContent`)
	if !strings.Contains(msg, "line 3: y:") || strings.Contains(msg, "nnviz.") || !strings.Contains(msg, "Nothing was changed") {
		t.Errorf("the message after a bad import is %q, want it to name line 3 and field y, in words", msg)
	}
	if near := Eval[bool](p, `(() => {
		const e = document.getElementById("nnviz-import-error").getBoundingClientRect();
		const b = document.getElementById("nnviz-import-paste").getBoundingClientRect();
		return e.height > 0 && e.top >= b.top && e.top - b.bottom < 40 && e.bottom <= innerHeight;
	})()`); !near {
		t.Error("the import error is not shown just under the import button, inside the window")
	}
	if s := getState(p); len(s.Points) != 10 {
		t.Errorf("a rejected import changed the points to %d", len(s.Points))
	}
	Eval[chromedp.Void](p, `document.getElementById("nnviz-paste").value = ""`)
	p.Do("pasting a good file", chromedp.SendKeys(chromedp.ID("nnviz-paste"), "1,2,1\n3,4,-1\n-1,0.5,1\n"))
	p.Do("importing", chromedp.Click(chromedp.ID("nnviz-import-paste")))
	if s := getState(p); len(s.Points) != 3 || s.Points[1].X != 3 || s.Points[1].Label != -1 {
		t.Errorf("after a good import: %v", s.Points)
	}
	if msg := Eval[string](p, `document.getElementById("nnviz-import-error").textContent`); msg != "" {
		t.Errorf("the import error %q stays after a good import", msg)
	}
	numpy := Eval[string](p, `nnviz.exportWeights("numpy")`)
	if !strings.Contains(numpy, "w_2 = np.array([[") || !strings.Contains(numpy, "b_3 = np.array([[") {
		t.Errorf("the NumPy export is not in the notebook's form:\n%s", numpy)
	}
}
