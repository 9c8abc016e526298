//go:build !js

package main

import "testing"

// frames builds a stack, innermost first, from names: "js:" marks a function of a page script,
// "exec:" one of wasm_exec.js, "api:" a Web API; the rest are the wasm's.
func frames(names ...string) []callFrame {
	var s []callFrame
	for _, n := range names {
		switch {
		case len(n) > 3 && n[:3] == "js:":
			s = append(s, callFrame{FunctionName: n[3:], URL: "http://127.0.0.1:1/controls.js", CodeType: "JS", ScriptID: 20})
		case len(n) > 5 && n[:5] == "exec:":
			s = append(s, callFrame{FunctionName: n[5:], URL: "http://127.0.0.1:1/wasm_exec.js", CodeType: "JS", ScriptID: 13})
		case len(n) > 4 && n[:4] == "api:":
			s = append(s, callFrame{FunctionName: n[4:], CodeType: "JS"})
		case n[0] == '(':
			s = append(s, callFrame{FunctionName: n, CodeType: "other"})
		default:
			s = append(s, callFrame{FunctionName: n, URL: "http://127.0.0.1:1/main.wasm", CodeType: "wasm", ScriptID: 16})
		}
	}
	return append(s, callFrame{FunctionName: "(root)", CodeType: "other"})
}

func TestClassifyStack(t *testing.T) {
	const (
		draw    = "github.com_nnviz_nnviz_render.__Game_.Draw"
		frame   = "github.com_nnviz_nnviz_app.__State_.Frame"
		gl      = "github.com_hajimehoshi_ebiten_v2_internal_graphicsdriver_opengl_gl.__defaultContext_.BufferSubData"
		flush   = "github.com_hajimehoshi_ebiten_v2_internal_graphicscommand.__commandQueue_.Flush"
		triDraw = "github.com_hajimehoshi_ebiten_v2.__Image_.DrawTriangles"
	)
	for _, c := range []struct {
		name  string
		stack []callFrame
		want  string
	}{
		{"a WebGL call ebiten made", frames("api:bufferSubData", "exec:syscall/js.valueCall", "syscall_js.Value.Call", gl, flush), catWebGL},
		{"the copy into JavaScript", frames("exec:syscall/js.copyBytesToJS", "syscall_js.CopyBytesToJS", gl, flush), catBridge},
		{"a Web API the bridge called", frames("api:setTimeout", "exec:scheduleTimeoutEvent", "runtime.beforeIdle"), catBridge},
		{"a page script's DOM call", frames("api:replaceChildren", "js:render", "js:tick"), catPanel},
		{"text inside the plane", frames("github.com_nnviz_nnviz_render.__texts_.add", "github.com_nnviz_nnviz_render.__Game_.drawPlane", draw), catText},
		{"nn under the loss, not training", frames("github.com_nnviz_nnviz_nn.__Network_.cost", "github.com_nnviz_nnviz_app.__State_.measureSome", frame), catLoss},
		{"a training step", frames("github.com_nnviz_nnviz_nn.__Network_.forwardOne", "github.com_nnviz_nnviz_nn.__Trainer_.Step", "github.com_nnviz_nnviz_app.__State_.trainFor", frame), catTraining},
		{"ebiten called by the diagram", frames(triDraw, "github.com_nnviz_nnviz_render.__Game_.drawDiagram", draw), catDrawOther},
		{"ebiten on its own", frames(flush, "github.com_hajimehoshi_ebiten_v2_internal_ui.__context_.updateFrame"), catEbiten},
		{"the Go runtime", frames("runtime.mallocgc", "runtime.schedule"), catRuntime},
		{"native time", frames("(program)"), ""},
		{"idle", frames("(idle)"), "idle"},
	} {
		if got := classifyStack(c.stack); got != c.want {
			t.Errorf("%s: %q; want %q", c.name, got, c.want)
		}
	}
}

func TestClassifyEvents(t *testing.T) {
	for _, c := range []struct {
		around []string
		want   string
	}{
		{[]string{"CommandBufferProxyImpl::WaitForGetOffset", "GLES2::ReadPixels", "LayerTreeHost::DoUpdateLayers", "Commit", "RunTask"}, catGPUWait},
		{[]string{"Paint", "LocalFrameView::RunPaintLifecyclePhase", "ProxyMain::BeginMainFrame", "RunTask"}, catLayout},
		{[]string{"Commit", "ProxyMain::BeginMainFrame", "RunTask"}, catComposite},
		{[]string{"FunctionCall", "FireAnimationFrame", "RunTask"}, catUnwalked},
		{[]string{"TimerFire", "RunTask"}, catBrowser},
		{nil, catBrowser},
	} {
		if got := classifyEvents(c.around); got != c.want {
			t.Errorf("%q: %q; want %q", c.around, got, c.want)
		}
	}
}

func TestGoName(t *testing.T) {
	if got, want := goName("github.com_nnviz_nnviz_render.__Game_.Draw"), "nnviz_nnviz_render.(*Game).Draw"; got != want {
		t.Errorf("goName: %q; want %q", got, want)
	}
}
