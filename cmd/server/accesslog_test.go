package main

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

func TestOneAccessLogLinePerRequest(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	h := newHandler(stores(t, testBundle(t))["embedded"], "*", logger, logAll)
	requests := []struct {
		method, target, acceptEncoding string
		want                           []string
	}{
		{"GET", "/main.wasm", "br", []string{"method=GET", "uri=/main.wasm", "status=200", "encoding=br", "bytes=" + itoa(len(brotliBytes(t, testFiles["main.wasm"])))}},
		{"GET", "/embed.html?preset=xor", "", []string{`uri="/embed.html?preset=xor"`, "status=200", "bytes=" + itoa(len(testFiles["embed.html"]))}},
		{"GET", "/nope", "", []string{"uri=/nope", "status=404"}},
		{"POST", "/", "", []string{"method=POST", "status=405"}},
	}
	for _, r := range requests {
		get(t, h, r.method, r.target, map[string]string{"Accept-Encoding": r.acceptEncoding})
	}
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != len(requests) {
		t.Fatalf("%d log lines for %d requests:\n%s", len(lines), len(requests), logs.String())
	}
	for i, r := range requests {
		for _, want := range append(r.want, "msg=request", "duration=", "remote=") {
			if !strings.Contains(lines[i], want) {
				t.Errorf("log line %q for %s %s lacks %q", lines[i], r.method, r.target, want)
			}
		}
	}
}

func TestAccessLogOfAStatusWithoutBody(t *testing.T) {
	var logs bytes.Buffer
	h := withAccessLog(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
		w.WriteHeader(http.StatusTeapot) // ignored by net/http, and by the log
	}), slog.New(slog.NewTextHandler(&logs, nil)), logAll)
	get(t, h, "GET", "/", nil)
	if !strings.Contains(logs.String(), "status=204") || !strings.Contains(logs.String(), "bytes=0") {
		t.Errorf("log %q; want status=204 bytes=0", logs.String())
	}
}
