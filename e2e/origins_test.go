//go:build e2e

package e2e

import (
	"encoding/base64"
	"fmt"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestOriginsAreWrittenAsBrowsersWriteThem lists the course page's origin in capitals
// (origins=http://LOCALHOST:port): the embed still answers it and sends it its events, and
// setup() shows the origin as the browser writes it.
func TestOriginsAreWrittenAsBrowsersWriteThem(t *testing.T) {
	srv := server(t)
	var embed string
	parent := courseServer(t, func() string { return coursePage([2]string{"embed", embed}) })
	u, err := url.Parse(parent.URL)
	if err != nil {
		t.Fatal(err)
	}
	page := "http://localhost:" + u.Port() + "/"
	embed = srv.URL + "embed.html?origins=" + url.QueryEscape("http://LOCALHOST:"+u.Port())

	p := newPage(t)
	p.Do("opening the course page on localhost", chromedp.Navigate(page))
	p.WaitFor("the embed's ready event", `window.log.some((m) => m.data.event === "ready")`, wasmStartTimeout)
	r := Eval[map[string]any](p, `call("embed", "setup")`)
	setup, _ := r["value"].(map[string]any)
	if r["ok"] != true || fmt.Sprint(setup["origins"]) != "[http://localhost:"+u.Port()+"]" {
		t.Errorf("setup() by postMessage replied %v; want origins [http://localhost:%s]", r, u.Port())
	}
	if n := Eval[float64](p, `call("embed", "addPoint", 1, 1, 1).then((r) => r.value)`); n != 10 {
		t.Errorf("addPoint by postMessage gave %v; want index 10", n)
	}
	p.WaitFor("the points event", `window.log.some((m) => m.data.event === "points")`, 10*time.Second)
	if mem := Eval[float64](p, `call("embed", "memory").then((r) => r.value)`); mem <= 0 || mem >= maxWasmMemory {
		t.Errorf("the embed's wasm holds %.0f MB; want less than %d MB", mem/(1<<20), maxWasmMemory>>20)
	}
	expectNoPostMessageWarnings(t, p)
	p.ExpectNoConsoleErrors()
}

// opaqueParent is a course page whose origin is opaque ("null"), as a data: or sandboxed
// page's is: it frames the embed, relays to its own parent what the embed sends, and passes
// on what its parent asks ({ask: message}).
const opaqueParent = `<!doctype html><title>opaque course page</title>
<iframe id="embed" src="%s" width="500" height="300"></iframe>
<script>
const f = document.getElementById("embed");
window.addEventListener("message", (m) => {
  if (m.source === f.contentWindow) {
    parent.postMessage({relay: m.data, origin: self.origin}, "*");
  } else if (m.source === parent && m.data && m.data.ask) {
    f.contentWindow.postMessage(m.data.ask, "*");
  }
});
</script>`

// TestOpaqueParentIsAnsweredUnderOriginsStar drives an embed with origins=* from pages with
// an opaque origin: a data: page, and an srcdoc page in a sandboxed iframe (whose sandbox the
// embed inherits, so that its own origin is opaque too and it fetches the wasm cross-origin).
// Their messages come from origin "null", and the embed replies (to the window that asked, with
// target "*", as "null" cannot be a target) instead of throwing.
func TestOpaqueParentIsAnsweredUnderOriginsStar(t *testing.T) {
	srv := server(t)
	inner := fmt.Sprintf(opaqueParent, srv.URL+"embed.html?origins=*")
	frames := map[string]string{
		"data":    `<iframe id="opaque" src="data:text/html;base64,` + base64.StdEncoding.EncodeToString([]byte(inner)) + `" width="600" height="400"></iframe>`,
		"sandbox": `<iframe id="opaque" sandbox="allow-scripts" srcdoc="` + html.EscapeString(inner) + `" width="600" height="400"></iframe>`,
	}
	for name, frame := range frames {
		t.Run(name, func(t *testing.T) {
			top := courseServer(t, func() string {
				return `<!doctype html><title>course</title>` + frame + `
<script>
window.log = [];
window.addEventListener("message", (m) => { if (m.data && m.data.relay) window.log.push(m.data); });
window.ask = (msg) => document.getElementById("opaque").contentWindow.postMessage({ask: msg}, "*");
</script>`
			})
			p := newPage(t)
			p.Do("opening the course page", chromedp.Navigate(top.URL))
			p.WaitFor("the embed's ready event, relayed", `window.log.some((m) => m.relay.event === "ready")`, wasmStartTimeout)
			if o := Eval[string](p, `window.log[0].origin`); o != "null" {
				t.Fatalf("the framing page's origin is %q; the test needs an opaque one (\"null\")", o)
			}
			Eval[chromedp.Void](p, `ask({nnviz: 1, id: 7, method: "addPoint", args: [0.5, -0.5, 1]})`)
			p.WaitFor("the reply to addPoint", `window.log.some((m) => m.relay.id === 7)`, 10*time.Second)
			reply := Eval[map[string]any](p, `window.log.find((m) => m.relay.id === 7).relay`)
			if reply["ok"] != true || reply["value"] != float64(10) {
				t.Errorf("addPoint from an opaque origin replied %v; want ok with index 10", reply)
			}
			p.WaitFor("the points event", `window.log.some((m) => m.relay.event === "points")`, 10*time.Second)
			Eval[chromedp.Void](p, `ask({nnviz: 1, id: 8, method: "memory"})`)
			p.WaitFor("the reply to memory", `window.log.some((m) => m.relay.id === 8)`, 10*time.Second)
			if mem := Eval[float64](p, `window.log.find((m) => m.relay.id === 8).relay.value`); mem <= 0 || mem >= maxWasmMemory {
				t.Errorf("the embed's wasm holds %.0f MB; want less than %d MB", mem/(1<<20), maxWasmMemory>>20)
			}
			for _, m := range p.ConsoleErrors() {
				if strings.Contains(m.Text, "postMessage") || strings.Contains(m.Text, "origin") {
					t.Errorf("console error: %s", m.Text)
				}
			}
		})
	}
}
