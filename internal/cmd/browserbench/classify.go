//go:build !js

package main

import (
	"slices"
	"strings"
)

// The categories of the main thread's time in a trace's breakdown, in the order it prints them.
const (
	catTraining  = "nnviz: training (app train, nn Trainer)"
	catLoss      = "nnviz: loss measurement (app measure)"
	catBoundary  = "nnviz: boundary and plane (evaluator, shader draw, points)"
	catHeatmaps  = "nnviz: neurons' heatmaps"
	catText      = "nnviz: text"
	catDrawOther = "nnviz: other drawing (diagram, chart, status, frame key)"
	catAPI       = "nnviz: window.nnviz calls (cmd/wasm)"
	catGoOther   = "nnviz: other Go (app, nn)"
	catEbiten    = "ebiten (command queue, batching, its frame loop)"
	catRuntime   = "Go runtime (scheduler, memory, GC)"
	catBridge    = "syscall/js: calls and copies between Go and JavaScript"
	catPanel     = "DOM and panel: page scripts and the DOM calls they make"
	catLayout    = "DOM and panel: style, layout, paint"
	catWebGL     = "browser: WebGL calls (ebiten's GL commands)"
	catGPUWait   = "browser: WebGL canvas readback, waiting for the GPU"
	catComposite = "browser: compositor (commit, layers)"
	catV8GC      = "browser: V8 garbage collector"
	catUnwalked  = "in a script call, stack not sampled (V8 native, wasm glue)"
	catBrowser   = "browser: other (tasks, scheduling, script entry)"
)

var categoryOrder = []string{catTraining, catLoss, catBoundary, catHeatmaps, catText, catDrawOther, catAPI, catGoOther,
	catEbiten, catRuntime, catBridge, catPanel, catLayout, catWebGL, catGPUWait, catComposite, catV8GC, catUnwalked, catBrowser}

// rule gives the category of a function or an event whose name holds part.
type rule struct{ part, cat string }

// goRules name a Go function's category by a part of its name as the wasm's name section spells
// it ("github.com_nnviz_nnviz_render.__texts_.add" is render.(*texts).add). A sample in Go
// counts for the innermost function of its stack that one of them names (see ruleTiers).
var goRules = []rule{
	{"nnviz_app.__State_.train", catTraining},
	{"nnviz_nn.__Trainer_.", catTraining},
	{"nnviz_app.__State_.measure", catLoss},
	{"nnviz_render.__heatmaps_.", catHeatmaps},
	{"nnviz_render.__Game_.drawHeatmaps", catHeatmaps},
	{"nnviz_render.__evaluator_.", catBoundary},
	{"nnviz_render.__planeField_.", catBoundary},
	{"nnviz_render.__colorizer_.", catBoundary},
	{"nnviz_render.packing.", catBoundary},
	{"nnviz_render.__Game_.drawPlane", catBoundary},
	{"nnviz_render.__Game_.drawPoints", catBoundary},
	{"nnviz_render.__texts_.", catText},
	{"nnviz_render.__atlas_.", catText},
	{"nnviz_render.__fontFace_.", catText},
	{"nnviz_cmd_wasm", catAPI},
}

// packageRules name the category of the rest of nnviz's functions by their package.
var packageRules = []rule{
	{"nnviz_render.", catDrawOther},
	{"nnviz_app.", catGoOther},
	{"nnviz_nn.", catGoOther},
}

// ruleTiers are the rules in the order a Go sample tries them: the first tier that names a
// function of its stack places it; ebiten's own time is what no nnviz function called.
var ruleTiers = [][]rule{goRules, packageRules, {{"hajimehoshi_ebiten", catEbiten}}}

// eventRules name the category of the main thread's native time (V8's "(program)") by the
// innermost trace event around it whose name holds the part.
var eventRules = []rule{
	{"ReadPixels", catGPUWait}, {"WaitFor", catGPUWait}, {"CommandBuffer", catGPUWait}, {"GpuChannel", catGPUWait},
	{"DrawingBuffer", catGPUWait}, {"SharedImage", catGPUWait}, {"GLES2", catGPUWait},
	{"UpdateLayoutTree", catLayout}, {"Layout", catLayout}, {"Paint", catLayout}, {"Style", catLayout},
	{"HitTest", catLayout}, {"InlineNode", catLayout}, {"Accessibility", catLayout}, {"ResizeObserver", catLayout},
	{"Commit", catComposite}, {"Layerize", catComposite}, {"UpdateLayer", catComposite}, {"CompositingInputs", catComposite},
	{"FunctionCall", catUnwalked}, {"v8.callFunction", catUnwalked}, {"v8.run", catUnwalked}, {"EvaluateScript", catUnwalked},
}

// callFrame is one frame of a V8 sample's stack.
type callFrame struct {
	FunctionName string `json:"functionName"`
	URL          string `json:"url"`
	CodeType     string `json:"codeType"`
	ScriptID     int    `json:"scriptId"`
}

// native says whether f is a function of the browser's (a Web API: a WebGL or DOM call).
func (f callFrame) native() bool {
	return f.ScriptID == 0 && f.URL == "" && !strings.HasPrefix(f.FunctionName, "(")
}

// wasm says whether f is a function of the wasm (Go).
func (f callFrame) wasm() bool { return f.CodeType == "wasm" || strings.HasSuffix(f.URL, ".wasm") }

// bridge says whether f is part of the way between Go and JavaScript: wasm_exec.js, syscall/js,
// and V8's glue between wasm and JavaScript.
func (f callFrame) bridge() bool {
	n := f.FunctionName
	return strings.HasSuffix(f.URL, "/wasm_exec.js") || strings.HasPrefix(n, "syscall/js.") || strings.HasPrefix(n, "syscall_js.") ||
		strings.HasPrefix(n, "wasm_export_") || n == "js-to-wasm::" || n == "wasm-to-js" || strings.HasPrefix(n, "js-to-wasm") || strings.HasPrefix(n, "wasm-to-js")
}

// classifyStack is the category of a sample whose stack, innermost frame first, is stack, or ""
// when the sample is native time outside any script (V8's "(program)"), which the trace events
// around it place instead, and "idle" when the thread was idle.
func classifyStack(stack []callFrame) string {
	if len(stack) == 0 {
		return ""
	}
	switch stack[0].FunctionName {
	case "(program)", "(root)":
		return ""
	case "(idle)":
		return "idle"
	case "(garbage collector)":
		return catV8GC
	}
	if stack[0].native() {
		if slices.ContainsFunc(stack, func(f callFrame) bool { return strings.Contains(f.FunctionName, "graphicsdriver_opengl") }) {
			return catWebGL
		}
		// Another Web API counts for whoever called it.
		i := slices.IndexFunc(stack, func(f callFrame) bool { return !f.native() })
		if i < 0 {
			return catBrowser
		}
		stack = stack[i:]
	}
	f := stack[0]
	switch {
	case f.bridge():
		return catBridge
	case !f.wasm():
		return catPanel
	}
	for _, rules := range ruleTiers {
		for _, f := range stack {
			for _, r := range rules {
				if strings.Contains(f.FunctionName, r.part) {
					return r.cat
				}
			}
		}
	}
	return catRuntime
}

// classifyEvents is the category of native time inside the events around it, innermost first.
func classifyEvents(around []string) string {
	for _, name := range around {
		for _, r := range eventRules {
			if strings.Contains(name, r.part) {
				return r.cat
			}
		}
	}
	return catBrowser
}
