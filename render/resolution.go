package render

import (
	"math"
	"time"
)

// resolution chooses how coarsely the plane's boundary is evaluated: per device pixel at
// rest, and while training per device pixel as long as frames keep coming at
// slowFrame or faster. On a GPU too slow for that (software WebGL, an old phone) the boundary
// is evaluated on a grid div times coarser (up to 8) and drawn smoothly upscaled, adapting to
// the measured frame time: a frame's GPU cost is mostly the boundary, which falls with div².
type resolution struct {
	div     int           // 1 to maxDiv: the boundary's cells are div x div device pixels
	avg     time.Duration // the frames' recent interval, smoothed
	last    time.Duration // the previous frame's time
	changed time.Duration // when div last changed
}

const (
	maxDiv     = 8
	slowFrame  = 30 * time.Millisecond // slower than this while training: coarser
	fastFrame  = 18 * time.Millisecond // faster than this for settleTime: twice as fine
	settleTime = 2 * time.Second
	adaptEvery = 500 * time.Millisecond
)

// frame notes a frame at now, and whether the network is training, and returns the division
// to evaluate the boundary at: 1 when not training.
func (r *resolution) frame(now time.Duration, training bool) int {
	if r.div == 0 {
		r.div = 1
	}
	dt := now - r.last
	r.last = now
	if dt <= 0 || dt > 2*time.Second {
		return r.current(training) // the first frame, or one after a pause of the page
	}
	if r.avg == 0 {
		r.avg = dt
	}
	r.avg = (r.avg*4 + dt) / 5
	if !training {
		return 1
	}
	switch {
	case r.avg > slowFrame && r.div < maxDiv && now-r.changed >= adaptEvery:
		// The boundary's cost falls with div², so a frame k times too slow wants about
		// √k times the cell: at once, not one pixel every half second.
		want := int(math.Ceil(float64(r.div) * math.Sqrt(float64(r.avg)/float64(fastFrame))))
		r.div = min(maxDiv, max(r.div+1, want))
		r.changed = now
	case r.avg < fastFrame && r.div > 1 && now-r.changed >= settleTime:
		r.div = max(1, r.div/2)
		r.changed = now
	}
	return r.div
}

func (r *resolution) current(training bool) int {
	if !training {
		return 1
	}
	return r.div
}
