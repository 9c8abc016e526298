package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/nnviz/nnviz/app"
)

func TestReferrerPolicy(t *testing.T) {
	h := newHandler(stores(t, testBundle(t))["embedded"], "*", quietLogger(), logAll)
	for _, target := range []string{"/", "/embed.html", "/main.wasm", "/nope", "/healthz"} {
		resp, _ := get(t, h, "GET", target, nil)
		if got := resp.Header.Get("Referrer-Policy"); got != "same-origin" {
			t.Errorf("%s: Referrer-Policy %q, want same-origin", target, got)
		}
	}
}

// TestURILimitAgreesWithThePage checks that every link the page offers
// opens, and that a longer address gets an HTML page that says what
// happened, not Go's plain-text 431.
func TestURILimitAgreesWithThePage(t *testing.T) {
	if app.MaxLinkLength > maxRequestURI {
		t.Fatalf("the page offers links of %d characters; the server answers %d", app.MaxLinkLength, maxRequestURI)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs syncBuffer
	url, done := startRun(t, ctx, []string{"-addr", "127.0.0.1:0", "-dir", writeBundle(t, testBundle(t))}, &logs)
	defer func() { cancel(); <-done }()
	query := "?points=" + strings.Repeat("1,1,1;", 64<<10)
	link := url + query[:app.MaxLinkLength-len(url)]
	if status, _ := httpGet(t, link); status != http.StatusOK {
		t.Errorf("a link of %d characters: status %d", len(link), status)
	}
	for _, n := range []int{maxRequestURI + 1, 300 << 10} {
		resp, err := http.Get(url + query[:n])
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestURITooLong || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") ||
			!strings.Contains(string(body), "This address is too long") || !strings.Contains(string(body), "export the points") {
			t.Errorf("an address of %d characters: %d %s %.200q", n, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
		if resp.Header.Get("Content-Security-Policy") == "" {
			t.Error("the too-long page lacks the CSP")
		}
	}
}

// TestShutdownDrainsASlowDownload stops the server while a slow client is
// half-way through a large file: the client gets every byte, and serve
// returns nil. With a grace shorter than the client needs, the response is
// cut and serve still returns nil: the stop was requested.
func TestShutdownDrainsASlowDownload(t *testing.T) {
	if defaultTimeouts.shutdown < defaultTimeouts.write {
		t.Errorf("the default grace %v is shorter than the write timeout %v", defaultTimeouts.shutdown, defaultTimeouts.write)
	}
	big := bytes.Repeat([]byte("nnviz "), 4<<20) // 24 MB: far beyond the socket buffers
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(big) })
	for _, tc := range []struct {
		name     string
		grace    time.Duration
		complete bool
	}{{"drained", time.Minute, true}, {"cut after the grace", 50 * time.Millisecond, false}} {
		t.Run(tc.name, func(t *testing.T) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			var logs syncBuffer
			logger := slog.New(slog.NewTextHandler(&logs, nil))
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- serve(ctx, ln, newServer(handler, logger, defaultTimeouts), logger, tc.grace) }()
			resp, err := http.Get("http://" + ln.Addr().String() + "/main.wasm")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			first := make([]byte, 1<<20)
			if _, err := io.ReadFull(resp.Body, first); err != nil {
				t.Fatal(err)
			}
			cancel()
			// The server is shutting down once it says so; the client then reads on.
			for !strings.Contains(logs.String(), "shutting down") {
				time.Sleep(time.Millisecond) // polls the log for the condition
			}
			if !tc.complete {
				// Wait until the grace has run out and the connection was cut.
				for !strings.Contains(logs.String(), "the grace ran out") {
					time.Sleep(time.Millisecond)
				}
			}
			rest, err := io.ReadAll(resp.Body)
			got := len(first) + len(rest)
			if tc.complete && (err != nil || got != len(big)) {
				t.Errorf("the download got %d of %d bytes (%v)", got, len(big), err)
			}
			if !tc.complete && got == len(big) {
				t.Errorf("the download was not cut after a grace of %v", tc.grace)
			}
			if err := <-done; err != nil {
				t.Errorf("serve after a requested stop: %v", err)
			}
		})
	}
}

func TestAccessLogFlag(t *testing.T) {
	for _, tc := range []struct {
		mode      accessLogMode
		ok, notOK bool
	}{{logAll, true, true}, {logErrors, false, true}, {logOff, false, false}} {
		var logs bytes.Buffer
		h := newHandler(stores(t, testBundle(t))["embedded"], "*", slog.New(slog.NewTextHandler(&logs, nil)), tc.mode)
		get(t, h, "GET", "/", nil)
		get(t, h, "GET", "/nope", nil)
		if strings.Contains(logs.String(), "status=200") != tc.ok || strings.Contains(logs.String(), "status=404") != tc.notOK {
			t.Errorf("mode %d logged %q", tc.mode, logs.String())
		}
	}
	if err := run(context.Background(), []string{"-access-log", "some"}, io.Discard); err == nil || !strings.Contains(err.Error(), "want all, errors or off") {
		t.Errorf("-access-log some: %v", err)
	}
}
