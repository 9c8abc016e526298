package render

import "testing"

func TestLeaveTrackerHidesTheStaleCursorUntilItMoves(t *testing.T) {
	var l leaveTracker
	if l.away(10, 20) {
		t.Fatal("away before the mouse ever left")
	}
	l.leave()
	for i := 0; i < 3; i++ {
		if !l.away(10, 20) {
			t.Fatalf("frame %d after leaving, at the same stale position: not away", i)
		}
	}
	if l.away(11, 20) {
		t.Fatal("the cursor moved (it is back over the canvas), but still away")
	}
	if l.away(11, 20) {
		t.Fatal("away again without leaving")
	}
}
