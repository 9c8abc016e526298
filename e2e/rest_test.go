//go:build e2e

package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// loopStatus is what status() says of the game loop.
type loopStatus struct {
	Resting bool    `json:"resting"`
	Updates float64 `json:"updates"`
	Steps   int     `json:"steps"`
	Points  int     `json:"points"`
}

func loopNow(p *Page) loopStatus {
	p.t.Helper()
	return Eval[loopStatus](p, `nnviz.status()`)
}

// waitResting waits until the game loop rests (status() reads without waking it).
func waitResting(p *Page, after string) {
	p.t.Helper()
	p.WaitFor("the game loop to rest "+after, `nnviz.status().resting`, actionTimeout)
}

// TestSettledPageRests: a paused page whose picture has settled stops its game loop, so its
// frames cost nothing but the browser's own, and wakes at once for a click on the plane, a key,
// and a call of the API; reading the state does not wake it.
func TestSettledPageRests(t *testing.T) {
	p := open(t, "")
	waitResting(p, "once the paused page has settled")

	// Resting for two seconds of the page's own frames, ebiten's Update runs about once a
	// second (the wait's bound), where an awake loop runs it every frame.
	before := loopNow(p)
	frames := Eval[int](p, `(async () => {
		let n = 0; const end = performance.now() + 2000;
		while (performance.now() < end) { await new Promise(requestAnimationFrame); n++; }
		return n; })()`)
	after := loopNow(p)
	if !after.Resting || after.Updates-before.Updates > 4 {
		t.Errorf("resting over %d frames of the page: %v more Updates (resting now: %v), want at most 4", frames, after.Updates-before.Updates, after.Resting)
	}
	if frames < 20 {
		t.Errorf("the page drew %d frames in 2 s while nnviz rested, want its requestAnimationFrame to go on", frames)
	}

	// A click on empty plane adds a point: the click wakes the loop.
	click(p, toScreen(p, 5.5, 3))
	p.WaitFor("the clicked point", `nnviz.status().points === `+strconv.Itoa(before.Points+1), actionTimeout)

	// A key wakes it: S makes a step.
	waitResting(p, "after the click")
	s0 := loopNow(p).Steps
	press(p, keyS, 0)
	p.WaitFor("the step S makes", `nnviz.status().steps === `+strconv.Itoa(s0+1), actionTimeout)

	// The API wakes it: play trains until paused again.
	waitResting(p, "after the key")
	Eval[chromedp.Void](p, `nnviz.play()`)
	p.WaitFor("training after play()", `nnviz.status().steps > `+strconv.Itoa(s0+20), actionTimeout)
	Eval[chromedp.Void](p, `nnviz.pause()`)
	if loopNow(p).Resting {
		t.Error("the loop rests right after training paused, before its picture settled")
	}
	waitResting(p, "after pause()")
	p.ExpectNoConsoleErrors()
}
