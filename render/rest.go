package render

import (
	"sync/atomic"
	"time"
)

// Resting: a paused playground whose picture has settled stops its game loop until something
// happens. ebiten runs Update and Draw from one requestAnimationFrame to the next, and
// schedules the next frame only when they return; a Draw that returns at once still costs
// the main thread the loop's own work (input polling, the calls between JavaScript and Go)
// every frame, about as much again as the page's whole idle cost. So once restAfter frames
// in a row have drawn nothing, and nothing is under way (training, steps asked for, a press
// or a drag, a notice that will fade), Update waits for Wake: the page's input events, its
// JavaScript API and its resizes call it. restFor bounds a wait, for a change that no event
// announced.
const (
	restAfter = 10
	restFor   = time.Second
)

// rest is the game's resting state.
type rest struct {
	enabled atomic.Bool
	wake    chan struct{} // a token ends a wait
	quiet   int           // frames in a row whose Draw drew nothing
	resting atomic.Bool   // Update is waiting
	updates atomic.Int64  // Updates so far
}

// RestWhenSettled turns resting on or off (off by default: a test that runs the game loop
// itself would wait for nothing). Safe from any goroutine.
func (g *Game) RestWhenSettled(on bool) {
	g.rest.enabled.Store(on)
	if !on {
		g.Wake()
	}
}

// Wake ends a rest, or keeps the next frame from starting one: the page calls it on every
// input event, resize and API call. Safe from any goroutine.
func (g *Game) Wake() {
	select {
	case g.rest.wake <- struct{}{}:
	default:
	}
}

// Resting reports whether the game loop is waiting for Wake.
func (g *Game) Resting() bool { return g.rest.resting.Load() }

// Updates returns how many times ebiten has called Update: while the game rests it grows by
// one a restFor at most.
func (g *Game) Updates() int64 { return g.rest.updates.Load() }

// mayRest reports whether the picture is settled and nothing is under way.
func (g *Game) mayRest() bool {
	s := &g.snap
	return g.rest.enabled.Load() && g.rest.quiet >= restAfter && s.Net != nil &&
		!s.Running && !s.Stepping && !g.gest.active && !g.noticeShown() && !g.frame.down
}

// noticeShown reports whether a notice is on the screen, to fade at noticeUntil.
func (g *Game) noticeShown() bool { return g.notice != "" && g.frame.now < g.noticeUntil }

// restIfSettled waits for Wake, or restFor, when the game may rest.
func (g *Game) restIfSettled() {
	g.rest.updates.Add(1)
	if !g.mayRest() {
		return
	}
	// A token an event left while the game was awake ends this wait at once, and the frames
	// that follow see what the event did before the game may rest again.
	t := time.NewTimer(restFor)
	g.rest.resting.Store(true)
	select {
	case <-g.rest.wake:
		// What woke the game is seen over the next frames before it may rest again.
		g.rest.quiet = 0
	case <-t.C:
		// Nothing happened: one frame looks, and the game rests again if it drew nothing.
	}
	g.rest.resting.Store(false)
	t.Stop()
}
