package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRunLoadCountsAnswersAndErrors(t *testing.T) {
	var served atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := served.Add(1)
		switch {
		case r.URL.Path == "/broken" && n%2 == 0:
			http.Error(w, "broken", http.StatusInternalServerError)
		case r.URL.Path == "/short":
			w.Header().Set("Content-Length", "100")
			fmt.Fprint(w, "too short") // the server cuts the connection
		default:
			w.Header().Set("Content-Encoding", "br")
			fmt.Fprint(w, strings.Repeat("x", 1000))
		}
	}))
	defer srv.Close()

	cfg := loadConfig{requests: 300, connections: 5, maxDuration: time.Minute, paths: []string{"/", "/main.wasm"}, acceptEncoding: "br"}
	rep, err := runLoad(context.Background(), srv.URL+"/", cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.sent != 300 || rep.errors != 0 || len(rep.byPath["/"].latencies) != 150 || rep.byPath["/main.wasm"].bytes != 150*1000 {
		t.Errorf("report %+v; want 300 answered, 150 per path, no errors", rep)
	}
	if rep.connections != 5 {
		t.Errorf("%d connections opened; want one per worker, 5", rep.connections)
	}
	var out strings.Builder
	rep.write(&out)
	if !strings.Contains(out.String(), "sent 300 requests") || !strings.Contains(out.String(), "0 errors") {
		t.Errorf("report text:\n%s", out.String())
	}

	cfg.paths = []string{"/broken", "/short"}
	cfg.requests = 40
	rep, err = runLoad(context.Background(), srv.URL, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.errors < 20 || rep.errors == rep.sent || len(rep.firstErrors) == 0 {
		t.Errorf("%d errors of %d (%q); want every /short and some /broken counted", rep.errors, rep.sent, rep.firstErrors)
	}
}

func TestRunLoadStopsAtItsDeadline(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	rep, err := runLoad(ctx, srv.URL, loadConfig{requests: 100000, connections: 2, maxDuration: time.Minute, paths: []string{"/"}})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 5*time.Second || rep.sent >= 100000 {
		t.Errorf("sent %d in %v; want a stop near the 200ms deadline", rep.sent, took)
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	tests := []struct {
		p    float64
		want time.Duration
	}{{50, 50 * time.Millisecond}, {99, 99 * time.Millisecond}, {100, 100 * time.Millisecond}, {0.1, time.Millisecond}}
	for _, tt := range tests {
		if got := percentile(d, tt.p); got != tt.want {
			t.Errorf("percentile(1..100ms, %v) = %v; want %v", tt.p, got, tt.want)
		}
	}
	if got := percentile(nil, 99); got != 0 {
		t.Errorf("percentile(nil) = %v", got)
	}
}

func TestOnlyLoopbackTargets(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:8080/", "http://127.1.2.3/", "http://[::1]:80/", "http://localhost:8080"} {
		if err := checkLoopback(ok); err != nil {
			t.Errorf("checkLoopback(%q) = %v; want nil", ok, err)
		}
	}
	for _, bad := range []string{"http://10.0.0.1/", "http://192.168.1.1:8080/", "http://example.org/", "https://127.0.0.1/", "http://0.0.0.0/"} {
		if err := checkLoopback(bad); err == nil {
			t.Errorf("checkLoopback(%q) = nil; want a refusal", bad)
		}
	}
}

func TestConfigBounds(t *testing.T) {
	good := loadConfig{requests: 20000, connections: 50, maxDuration: time.Minute, paths: []string{"/"}}
	if err := good.check(); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []loadConfig{
		{requests: 0, connections: 50, maxDuration: time.Minute, paths: []string{"/"}},
		{requests: 2_000_000, connections: 50, maxDuration: time.Minute, paths: []string{"/"}},
		{requests: 10, connections: 0, maxDuration: time.Minute, paths: []string{"/"}},
		{requests: 10, connections: 5, maxDuration: 0, paths: []string{"/"}},
		{requests: 10, connections: 5, maxDuration: time.Minute, paths: []string{"main.wasm"}},
	} {
		if err := bad.check(); err == nil {
			t.Errorf("check(%+v) = nil; want an error", bad)
		}
	}
}
