//go:build !js

package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// profileNode is a node of V8's sampled call tree, as the trace's ProfileChunk events carry it.
type profileNode struct {
	ID        int       `json:"id"`
	Parent    int       `json:"parent"`
	CallFrame callFrame `json:"callFrame"`
}

// breakdown is where a trace's main-thread time went.
type breakdown struct {
	wall, busy, gpuBusy float64            // ms: the sampled span, the main thread's tasks in it, the GPU process's main thread's
	frames              int                // animation frames fired in the span
	byCat               map[string]float64 // ms of samples by category
	bySelf              map[string]float64 // ms of samples by their innermost function (or event, for native time)
	bridgeBy            map[string]float64 // ms of syscall/js samples by the innermost Go function that called it
	sampled             float64            // ms of samples not idle
}

// analyse breaks the main thread's time of the page's renderer down by category: each V8 sample
// by its stack, or, when it is native time, by the trace events around it.
func analyse(events []traceEvent) (breakdown, error) {
	b := breakdown{byCat: map[string]float64{}, bySelf: map[string]float64{}, bridgeBy: map[string]float64{}}
	pid, err := pageProcess(events)
	if err != nil {
		return b, err
	}
	threads := map[[2]int64]string{}
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" {
			var a struct{ Name string }
			json.Unmarshal(e.Args, &a)
			threads[[2]int64{e.Pid, e.Tid}] = a.Name
		}
	}
	mainTid := int64(-1)
	for k, name := range threads {
		if k[0] == pid && name == "CrRendererMain" {
			mainTid = k[1]
		}
	}
	if mainTid < 0 {
		return b, fmt.Errorf("the trace has no main thread for the page's renderer (process %d)", pid)
	}

	// The samples, in time: chunks of nodes, sample ids and time deltas from the profile's start.
	var profileID string
	var t float64
	for _, e := range events {
		if e.Name == "Profile" && e.Pid == pid && e.Tid == mainTid {
			var a struct {
				Data struct {
					StartTime float64 `json:"startTime"`
				} `json:"data"`
			}
			json.Unmarshal(e.Args, &a)
			profileID, t = string(e.ID), a.Data.StartTime
		}
	}
	if profileID == "" {
		return b, fmt.Errorf("the trace has no V8 profile of the page's main thread")
	}
	var chunks []traceEvent
	for _, e := range events {
		if e.Name == "ProfileChunk" && e.Pid == pid && string(e.ID) == profileID {
			chunks = append(chunks, e)
		}
	}
	sort.SliceStable(chunks, func(i, j int) bool { return chunks[i].Ts < chunks[j].Ts })
	nodes := map[int]profileNode{}
	type sampleAt struct {
		node   int
		ts, dt float64
	}
	var samples []sampleAt
	for _, e := range chunks {
		var a struct {
			Data struct {
				CPUProfile struct {
					Nodes   []profileNode `json:"nodes"`
					Samples []int         `json:"samples"`
				} `json:"cpuProfile"`
				TimeDeltas []float64 `json:"timeDeltas"`
			} `json:"data"`
		}
		if err := json.Unmarshal(e.Args, &a); err != nil {
			return b, fmt.Errorf("a profile chunk: %w", err)
		}
		for _, n := range a.Data.CPUProfile.Nodes {
			nodes[n.ID] = n
		}
		for i, id := range a.Data.CPUProfile.Samples {
			if i < len(a.Data.TimeDeltas) {
				dt := a.Data.TimeDeltas[i]
				t += dt
				samples = append(samples, sampleAt{id, t, dt})
			}
		}
	}
	if len(samples) < 2 {
		return b, fmt.Errorf("the trace has %d samples of the page's main thread", len(samples))
	}
	from, to := samples[0].ts, samples[len(samples)-1].ts
	for _, e := range events {
		// The trace's first moments are V8's profiler starting: not the page's work.
		if e.Ph == "X" && e.Name == "CpuProfiler::StartProfiling" && e.Pid == pid {
			from = max(from, e.Ts+e.Dur)
		}
	}
	samples = slices.DeleteFunc(samples, func(s sampleAt) bool { return s.ts < from })
	if len(samples) < 2 || to <= from {
		return b, fmt.Errorf("the trace has too few samples of the page's main thread after the profiler started")
	}
	b.wall = (to - from) / 1000

	// The main thread's complete events, to place native samples and to sum its tasks.
	var spans []traceEvent
	for _, e := range events {
		if e.Ph != "X" || e.Pid != pid || e.Tid != mainTid {
			continue
		}
		spans = append(spans, e)
		if e.Name == "FireAnimationFrame" && e.Ts >= from && e.Ts < to {
			b.frames++
		}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Ts < spans[j].Ts })
	b.busy = taskTime(spans, from, to)
	for k, name := range threads {
		if k[0] != pid && name == "CrGpuMain" {
			var gpu []traceEvent
			for _, e := range events {
				if e.Ph == "X" && e.Pid == k[0] && e.Tid == k[1] {
					gpu = append(gpu, e)
				}
			}
			sort.SliceStable(gpu, func(i, j int) bool { return gpu[i].Ts < gpu[j].Ts })
			b.gpuBusy += taskTime(gpu, from, to)
		}
	}

	stackOf := func(id int) []callFrame {
		var s []callFrame
		for n, ok := nodes[id]; ok; n, ok = nodes[n.Parent] {
			s = append(s, n.CallFrame)
			if n.Parent == 0 {
				break
			}
		}
		return s
	}
	for _, s := range samples {
		if s.dt <= 0 {
			continue
		}
		stack := stackOf(s.node)
		cat := classifyStack(stack)
		if cat == "idle" {
			continue
		}
		self := stack[0].FunctionName
		if cat == "" {
			names := around(spans, s.ts)
			if len(names) == 0 {
				continue // outside every task: the thread was idle
			}
			cat, self = classifyEvents(names), names[0]
		}
		b.byCat[cat] += s.dt / 1000
		b.bySelf[goName(self)] += s.dt / 1000
		if cat == catBridge {
			caller := "(JavaScript)"
			if i := slices.IndexFunc(stack, func(f callFrame) bool { return f.wasm() && !f.bridge() }); i >= 0 {
				caller = goName(stack[i].FunctionName)
			}
			b.bridgeBy[caller] += s.dt / 1000
		}
		b.sampled += s.dt / 1000
	}
	return b, nil
}

// pageProcess is the renderer process of the page the trace started on.
func pageProcess(events []traceEvent) (int64, error) {
	for _, e := range events {
		if e.Name != "TracingStartedInBrowser" {
			continue
		}
		var a struct {
			Data struct {
				Frames []struct {
					ProcessID            int64 `json:"processId"`
					IsOutermostMainFrame bool  `json:"isOutermostMainFrame"`
				} `json:"frames"`
			} `json:"data"`
		}
		json.Unmarshal(e.Args, &a)
		for _, f := range a.Data.Frames {
			if f.IsOutermostMainFrame {
				return f.ProcessID, nil
			}
		}
	}
	return 0, fmt.Errorf("the trace does not say which process renders the page")
}

// taskTime is the time, in ms, in [from, to] (µs) of the thread's top-level tasks: the RunTask
// events not inside another.
func taskTime(spans []traceEvent, from, to float64) float64 {
	total, end := 0.0, 0.0
	for _, e := range spans {
		if e.Name != "ThreadControllerImpl::RunTask" && e.Name != "RunTask" {
			continue
		}
		s, f := max(e.Ts, from, end), min(e.Ts+e.Dur, to)
		if f > s {
			total += f - s
		}
		end = max(end, e.Ts+e.Dur)
	}
	return total / 1000
}

// around is the names of the events of spans (sorted by start) that hold the moment ts, innermost first.
func around(spans []traceEvent, ts float64) []string {
	// Events start in order; one that holds ts started at or before it.
	i := sort.Search(len(spans), func(i int) bool { return spans[i].Ts > ts })
	var names []string
	for _, e := range spans[:i] {
		if e.Ts+e.Dur >= ts {
			names = append(names, e.Name)
		}
	}
	slices.Reverse(names)
	return names
}

// print writes the breakdown as a table.
func (b breakdown) print(out io.Writer, title string) {
	fmt.Fprintf(out, "\ntrace of %s: %.1f s, %d animation frames (%.1f a second); main thread busy %.0f%%, the GPU process's main thread %.0f%%\n\n",
		title, b.wall/1000, b.frames, float64(b.frames)/(b.wall/1000), 100*b.busy/b.wall, 100*b.gpuBusy/b.wall)
	fmt.Fprintf(out, "| main thread's time | ms a frame | share |\n|---|---|---|\n")
	for _, cat := range categoryOrder {
		ms := b.byCat[cat]
		if ms == 0 {
			continue
		}
		perFrame := 0.0
		if b.frames > 0 {
			perFrame = ms / float64(b.frames)
		}
		fmt.Fprintf(out, "| %s | %.2f | %.1f%% |\n", cat, perFrame, 100*ms/b.sampled)
	}
	fmt.Fprintf(out, "\nthe innermost functions (or, in the browser's native time, trace events), by self time:\n")
	b.printTop(out, b.bySelf, 12)
	fmt.Fprintf(out, "\nsyscall/js, by the Go function that crossed into JavaScript:\n")
	b.printTop(out, b.bridgeBy, 6)
}

// printTop prints the n largest of ms, as shares of the sampled time.
func (b breakdown) printTop(out io.Writer, ms map[string]float64, n int) {
	names := slices.Collect(maps.Keys(ms))
	slices.SortFunc(names, func(x, y string) int { return cmp.Or(cmp.Compare(ms[y], ms[x]), strings.Compare(x, y)) })
	for _, name := range names[:min(len(names), n)] {
		fmt.Fprintf(out, "  %5.1f%%  %s\n", 100*ms[name]/b.sampled, name)
	}
}

// mangled matches a method's receiver as the wasm's name section spells it: ".__Game_." for ".(*Game).".
var mangled = regexp.MustCompile(`\.__([A-Za-z0-9]+)_\.`)

// goName spells a Go function's name from the wasm's name section as Go does, shortened:
// "github.com_nnviz_nnviz_render.__Game_.Draw" is "nnviz_render.(*Game).Draw".
func goName(s string) string {
	return mangled.ReplaceAllString(strings.TrimPrefix(s, "github.com_"), ".(*$1).")
}
