package render

import "sync/atomic"

// leaveTracker remembers that the mouse left the canvas. Browsers go on reporting the cursor's
// last position after it leaves, so the game would keep hovering (and showing a tooltip) over
// whatever was under it; until the cursor moves again, it is away.
type leaveTracker struct {
	left atomic.Bool // set from any goroutine by leave
	at   [2]int      // where the cursor was reported first after leaving
	seen bool        // at holds a position
}

// leave records that the mouse left the canvas. It is safe to call from any goroutine.
func (l *leaveTracker) leave() { l.left.Store(true) }

// away reports whether the cursor, now reported at (x, y), is still off the canvas: it left and
// has not moved since. It is called once per frame from the game's goroutine.
func (l *leaveTracker) away(x, y int) bool {
	if !l.left.Load() {
		return false
	}
	if !l.seen {
		l.at, l.seen = [2]int{x, y}, true
	}
	if l.at == [2]int{x, y} {
		return true
	}
	l.left.Store(false)
	l.seen = false
	return false
}
