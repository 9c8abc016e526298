//go:build e2e

package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// heavyPage is the heaviest setting the address allows: a batch step over 2,000 points through
// 8 hidden layers of 16, at the top speed, playing from the start.
const heavyPage = "?layers=2,16,16,16,16,16,16,16,16,2&data=spiral&n=2000&mode=batch&speed=500&autoplay=1"

// The heavy page must answer as fast as a page that trains one step a frame: speed 500 is an
// upper bound, and a batch step there (40 to 200 ms) is slower than any frame's budget, so each
// frame makes one. Before training was budgeted by time, a frame took 5.7 to 11.6 s (500 steps).
// On this machine a software GPU draws, and other work shares the two cores, so a frame of one
// step can itself take a second: the bound is the larger of 400 ms and three times the longest
// task of the same page at speed 1, measured before and after.
const longestTaskBound = 400 * time.Millisecond

// TestHeavyPageAnswersInput plays the heavy page and, meanwhile, presses a key and posts tasks:
// each waits for the main thread about one training step plus drawing at most. It measures the
// main thread's longest task with a PerformanceObserver (longtask), at speed 1, at speed 500
// and at speed 1 again, and the delay of each key event and posted task at speed 500, by
// polling the page, never by sleeping.
func TestHeavyPageAnswersInput(t *testing.T) {
	p := open(t, heavyPage)
	Eval[chromedp.Void](p, `(() => {
		const b = window.__budget = {tasks: [], keys: [], posted: [], frames: 0};
		new PerformanceObserver((list) => { for (const e of list.getEntries()) b.tasks.push(e.duration); }).observe({entryTypes: ['longtask']});
		addEventListener('keydown', (e) => b.keys.push(performance.now() - e.timeStamp), true);
		const count = () => { b.frames++; requestAnimationFrame(count); };
		requestAnimationFrame(count);
		// start begins a window of measurement at a speed.
		b.start = (speed) => {
			nnviz.configure({speed});
			b.tasks = []; b.keys = []; b.posted = []; b.frames = 0; b.t0 = performance.now(); b.s0 = nnviz.status().steps;
		};
		b.result = () => {
			const s = nnviz.status();
			return {tasks: b.tasks, keys: b.keys, posted: b.posted, frames: b.frames, secs: (performance.now() - b.t0) / 1000, steps: s.steps - b.s0, running: s.running};
		};
		b.start(1);
	})()`)
	type window struct {
		Tasks, Keys, Posted []float64
		Frames              int
		Secs                float64
		Steps               int
		Running             bool
	}
	p.WaitFor("eight frames at speed 1", `__budget.frames >= 8`, actionTimeout)
	slow1 := Eval[window](p, `(() => { const r = __budget.result(); __budget.start(500); return r; })()`)
	const presses = 6
	for i := range presses {
		// A key the page does not use: only its delay matters.
		keyEvent(p, input.DispatchKeyEventTypeRawKeyDown, "x", "KeyX", 88, 0)
		keyEvent(p, input.DispatchKeyEventTypeKeyUp, "x", "KeyX", 88, 0)
		// A task posted now runs when the main thread is next free.
		Eval[chromedp.Void](p, `(() => { const t = performance.now(); setTimeout(() => __budget.posted.push(performance.now() - t), 0); })()`)
		p.WaitFor("the key press and the posted task", `__budget.keys.length > `+strconv.Itoa(i)+` && __budget.posted.length > `+strconv.Itoa(i), actionTimeout)
	}
	p.WaitFor("eight frames at speed 500", `__budget.frames >= 8`, actionTimeout)
	fast := Eval[window](p, `(() => { const r = __budget.result(); __budget.start(1); return r; })()`)
	p.WaitFor("eight frames at speed 1 again", `__budget.frames >= 8`, actionTimeout)
	slow2 := Eval[window](p, `__budget.result()`)

	one := max(maxOf(slow1.Tasks), maxOf(slow2.Tasks))
	longest := maxOf(fast.Tasks)
	bound := max(float64(longestTaskBound/time.Millisecond), 3*one)
	for _, w := range []struct {
		name string
		w    window
	}{{"speed 1", slow1}, {"speed 500", fast}, {"speed 1 again", slow2}} {
		t.Logf("heavy page at %s, %.1f s: %d frames (%.1f/s), %d training steps; longest task %.0f ms (%d long tasks)",
			w.name, w.w.Secs, w.w.Frames, float64(w.w.Frames)/w.w.Secs, w.w.Steps, maxOf(w.w.Tasks), len(w.w.Tasks))
	}
	t.Logf("at speed 500: key delays %.0f ms; posted-task delays %.0f ms; bound %.0f ms", fast.Keys, fast.Posted, bound)
	if !fast.Running || fast.Steps < 1 || fast.Frames < 2 {
		t.Errorf("the heavy page stopped training or drawing: running %v, %d steps, %d frames", fast.Running, fast.Steps, fast.Frames)
	}
	if fast.Steps > fast.Frames+1 {
		t.Errorf("%d batch steps in %d frames at speed 500: a slow step ran more than once in a frame", fast.Steps, fast.Frames)
	}
	if longest > bound || maxOf(fast.Keys) > bound || maxOf(fast.Posted) > bound {
		t.Errorf("at speed 500 the main thread was busy for up to %.0f ms at once (keys waited up to %.0f ms, tasks %.0f ms), want under %.0f ms",
			longest, maxOf(fast.Keys), maxOf(fast.Posted), bound)
	}
}

// TestStepManyResolvesAcrossFrames asks for many batch steps at once: step(n) returns a Promise
// at once, the page keeps drawing frames while the steps are made, and the Promise resolves
// when all n are made. A reset meanwhile rejects it with the reason.
func TestStepManyResolvesAcrossFrames(t *testing.T) {
	p := open(t, "?layers=2,16,16,2&data=spiral&n=2000&mode=batch")
	got := Eval[map[string]float64](p, `(async () => {
		let frames = 0, on = true;
		const count = () => { if (on) { frames++; requestAnimationFrame(count); } };
		requestAnimationFrame(count);
		const s0 = nnviz.status().steps, t0 = performance.now();
		const done = nnviz.step(60);
		const now = nnviz.status();
		const res = await done;
		on = false;
		return {atOnce: now.steps - s0, pending: now.pendingSteps, frames, resolved: res.steps - s0, after: nnviz.status().steps - s0, ms: performance.now() - t0};
	})()`)
	t.Logf("step(60), batch steps over 2,000 points: %v", got)
	if got["atOnce"] < 1 || got["atOnce"] >= 60 || got["pending"] != 60-got["atOnce"] {
		t.Errorf("step(60) made %v steps before it returned with %v pending; want at least one, and not all", got["atOnce"], got["pending"])
	}
	if got["resolved"] != 60 || got["after"] != 60 {
		t.Errorf("the Promise resolved at %v steps (state %v), want 60", got["resolved"], got["after"])
	}
	if got["frames"] < 2 {
		t.Errorf("the page drew %v frames while the steps were made, want several", got["frames"])
	}

	msg := Eval[string](p, `(async () => {
		const done = nnviz.step(1000);
		nnviz.reset();
		try { await done; return "resolved"; } catch (e) { return e instanceof Error ? e.message : "not an Error: " + e; }
	})()`)
	if !strings.HasPrefix(msg, "nnviz.step: stopped after ") || !strings.Contains(msg, "of 1000 steps: the network was reset") {
		t.Errorf("step(1000) then reset(): %q, want a rejection that says the network was reset", msg)
	}
	if s := Eval[int](p, `nnviz.status().pendingSteps`); s != 0 {
		t.Errorf("%d steps still pending after the reset", s)
	}
	if m := thrown(p, `nnviz.step(1e9)`); !strings.Contains(m, "out of range") {
		t.Errorf("step(1e9) threw %q, want an Error saying n is out of range", m)
	}
	if n := Eval[int](p, `(() => { const s = nnviz.status().steps; nnviz.step(); return nnviz.status().steps - s; })()`); n != 1 {
		t.Errorf("step() made %d steps before it returned, want 1", n)
	}
	// S while a page's step(n) is under way queues one step behind it; a pause cancels both,
	// and the page's own step is no error for the learner (no unhandled rejection).
	Eval[chromedp.Void](p, `(() => { window.__long = nnviz.step(1000).catch((e) => e.message); })()`)
	keyEvent(p, input.DispatchKeyEventTypeRawKeyDown, "s", "KeyS", 83, 0)
	keyEvent(p, input.DispatchKeyEventTypeKeyUp, "s", "KeyS", 83, 0)
	if msg := Eval[string](p, `(async () => { nnviz.pause(); return await __long; })()`); !strings.Contains(msg, "training was paused") {
		t.Errorf("step(1000) then pause(): %q, want a rejection that says training was paused", msg)
	}
	p.NextFrames(2)
	p.ExpectNoConsoleErrors()
}

// TestStatusCopiesNoPoints reads the counters with status() and checks that state() gives the
// points whole, and new ones after a change. The times per call are reported, not asserted.
func TestStatusCopiesNoPoints(t *testing.T) {
	p := open(t, "?data=spiral&n=1999")
	got := Eval[map[string]float64](p, `(() => {
		// The median of single calls: on a loaded machine an average takes in whatever preempted it.
		const time = (f) => { const ms = []; for (let i = 0; i < 31; i++) { const t = performance.now(); f(); ms.push(performance.now() - t); } return ms.sort((a, b) => a - b)[15]; };
		const s = nnviz.status();
		const keys = Object.keys(s).sort().join(',');
		const state1 = nnviz.state(), state2 = nnviz.state();
		const same = state1.points.length === 1999 && state2.points.every((p, i) => p.x === state1.points[i].x && p.y === state1.points[i].y && p.label === state1.points[i].label);
		state2.points[0].x = 1e6; // a caller's copy is its own
		const own = nnviz.state().points[0].x !== 1e6;
		const msStatus = time(() => nnviz.status()), msState = time(() => nnviz.state());
		const afterChange = [];
		for (let i = 0; i < 31; i++) {
			nnviz.setLabel(0, i % 2 ? 1 : -1);
			const t = performance.now();
			nnviz.state();
			afterChange.push(performance.now() - t);
		}
		const msChanged = afterChange.sort((a, b) => a - b)[15];
		nnviz.addPoint(0.5, 0.5, 1);
		const state3 = nnviz.state();
		return {points: typeof s.points === 'number' ? s.points : -1, hasKeys: keys === 'accuracy,epoch,fps,loss,message,pendingSteps,points,pointsRevision,resting,running,steps,testAccuracy,testLoss,updates' ? 1 : 0,
			same: same ? 1 : 0, own: own ? 1 : 0, rev: s.pointsRevision, rev1: state1.pointsRevision,
			after: state3.points.length, rev3: state3.pointsRevision, statusRev3: nnviz.status().pointsRevision, msStatus, msState, msChanged};
	})()`)
	t.Logf("1,999 points, median of 31 calls: status() %.3f ms; state() %.3f ms with the points unchanged, %.3f ms after a change (setLabel)",
		got["msStatus"], got["msState"], got["msChanged"])
	if got["points"] != 1999 || got["hasKeys"] != 1 {
		t.Errorf("status() = %v; want the count of points and only the counters", got)
	}
	if got["same"] != 1 || got["own"] != 1 || got["rev"] != got["rev1"] {
		t.Errorf("state() twice: the same points %v, each call's own copy %v, revisions %v %v", got["same"], got["own"], got["rev"], got["rev1"])
	}
	if got["after"] != 2000 || got["rev3"] == got["rev1"] || got["statusRev3"] != got["rev3"] {
		t.Errorf("after addPoint: %v points, revision %v (was %v, status says %v)", got["after"], got["rev3"], got["rev1"], got["statusRev3"])
	}
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// TestDefaultPlayLearnsWithinFiveSecondsOfFrames plays the default page and counts the animation
// frames until the accuracy shown reaches 90%: at most 300, 5 s at 60 frames/s (the Go test
// TestDefaultPlayLearnsWithinFiveSeconds counts the steps; this is the page itself). The time it
// took on this machine is reported, not asserted: a software GPU on a loaded machine draws
// fewer than 60 frames a second.
func TestDefaultPlayLearnsWithinFiveSecondsOfFrames(t *testing.T) {
	p := open(t, "")
	Eval[chromedp.Void](p, `(() => {
		const b = window.__learn = {frames: 0, t0: performance.now()};
		const count = () => {
			b.frames++;
			const s = nnviz.status();
			if (s.accuracy >= 0.9) { b.at = {frames: b.frames, secs: (performance.now() - b.t0) / 1000, steps: s.steps}; return; }
			if (b.frames < 2000) requestAnimationFrame(count);
		};
		nnviz.play();
		requestAnimationFrame(count);
	})()`)
	p.WaitFor("90% accuracy", `__learn.at !== undefined || __learn.frames >= 2000`, 10*actionTimeout)
	got := Eval[map[string]float64](p, `__learn.at || {frames: __learn.frames, secs: -1, steps: nnviz.status().steps}`)
	t.Logf("the default page reached 90%% accuracy after %v frames (%v steps), %.1f s on this machine", got["frames"], got["steps"], got["secs"])
	if got["secs"] < 0 || got["frames"] > 300 {
		t.Errorf("the default page took %v frames to reach 90%% accuracy, want at most 300 (5 s at 60 frames/s)", got["frames"])
	}
}
