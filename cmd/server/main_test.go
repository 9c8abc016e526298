package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary stand in for nnviz-server, so the signal
// tests can run main in a process of its own without building the command.
func TestMain(m *testing.M) {
	if os.Getenv("NNVIZ_SERVER_TEST_MAIN") == "1" {
		os.Args = append([]string{"nnviz-server"}, os.Args[1:]...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// syncBuffer is a log destination that tests read while the server writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var urlLine = regexp.MustCompile(`msg="nnviz is serving" url=(http://\S+)`)

// startRun runs run in the background and returns the URL it serves at and a
// channel with run's result.
func startRun(t *testing.T, ctx context.Context, args []string, logs *syncBuffer) (string, <-chan error) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, logs) }()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := urlLine.FindStringSubmatch(logs.String()); m != nil {
			return m[1], done
		}
		select {
		case err := <-done:
			t.Fatalf("run ended before serving: %v\n%s", err, logs.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("run did not log its URL:\n%s", logs.String())
	return "", nil
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func TestRunServesUntilItsContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs syncBuffer
	url, done := startRun(t, ctx, []string{"-addr", "127.0.0.1:0", "-dir", writeBundle(t, testBundle(t))}, &logs)
	if status, body := httpGet(t, url+"healthz"); status != http.StatusOK {
		t.Fatalf("/healthz: %d %q", status, body)
	}
	if status, body := httpGet(t, url); status != http.StatusOK || body != testFiles["index.html"] {
		t.Fatalf("/: %d; want index.html", status)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop after its context ended")
	}
	if !strings.Contains(logs.String(), `msg="nnviz stopped"`) {
		t.Errorf("log lacks the stop:\n%s", logs.String())
	}
}

func TestRunSaysWhenTheBundleIsIncomplete(t *testing.T) {
	fsys := testBundle(t)
	delete(fsys, "main.wasm")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs syncBuffer
	url, done := startRun(t, ctx, []string{"-addr", "127.0.0.1:0", "-dir", writeBundle(t, fsys)}, &logs)
	if !regexp.MustCompile("level=ERROR .*has no main.wasm: build it with `make build`").MatchString(logs.String()) {
		t.Errorf("the start log does not say what is missing and how to build it:\n%s", logs.String())
	}
	if status, body := httpGet(t, url+"main.wasm"); status != http.StatusServiceUnavailable || !strings.Contains(body, "make build") {
		t.Errorf("/main.wasm: %d %q; want 503 naming make build", status, body)
	}
	cancel()
	<-done
}

func TestRunRejectsBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-port", "80"}, "flag provided but not defined"},
		{[]string{"-frame-ancestors", "'self'; script-src *"}, "-frame-ancestors"},
		{[]string{"-dir", "/nonexistent/nnviz"}, "-dir"},
		{[]string{"-addr", "not-an-address"}, "not-an-address"},
		{[]string{"web/static"}, "unexpected arguments"},
	}
	for _, tt := range tests {
		err := run(context.Background(), tt.args, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("run(%q) = %v; want an error containing %q", tt.args, err, tt.want)
		}
	}
	var usage strings.Builder
	if err := run(context.Background(), []string{"-h"}, &usage); err != nil || !strings.Contains(usage.String(), "-frame-ancestors") {
		t.Errorf("run(-h) = %v with usage %q; want nil and the flags", err, usage.String())
	}
}

func TestShutdownLetsRequestsInFlightFinish(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		fmt.Fprint(w, "finished")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, ln, newServer(handler, quietLogger(), defaultTimeouts), quietLogger(), 10*time.Second)
	}()
	answer := make(chan string, 1)
	go func() {
		_, body := httpGet(t, "http://"+ln.Addr().String()+"/slow")
		answer <- body
	}()
	<-started
	cancel()
	select {
	case err := <-done:
		t.Fatalf("serve returned (%v) while a request was in flight", err)
	case <-time.After(200 * time.Millisecond):
	}
	close(release)
	if body := <-answer; body != "finished" {
		t.Errorf("the request in flight got %q; want finished", body)
	}
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
}

func TestSlowHeadersAreCutOff(t *testing.T) {
	short := defaultTimeouts
	short.readHeader = 100 * time.Millisecond
	srv := newServer(http.NotFoundHandler(), quietLogger(), short)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET / HTTP/1.1\r\nHost: nnviz.test\r\n") // and never the blank line
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = io.ReadAll(conn)
	if err != nil {
		t.Fatalf("the server kept the connection with half a request for %v: %v", time.Since(start), err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the connection closed after %v; want about the read-header timeout", d)
	}
	if defaultTimeouts.readHeader <= 0 || defaultTimeouts.read <= 0 || defaultTimeouts.write <= 0 || defaultTimeouts.idle <= 0 {
		t.Errorf("default timeouts %+v; want each one set", defaultTimeouts)
	}
}

// TestSignalsStopTheServer runs main in a process of its own and stops it
// the ways an operator or a service manager does.
func TestSignalsStopTheServer(t *testing.T) {
	dir := writeBundle(t, testBundle(t))
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-addr", "127.0.0.1:0", "-dir", dir)
			cmd.Env = append(os.Environ(), "NNVIZ_SERVER_TEST_MAIN=1")
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			lines := bufio.NewScanner(stderr)
			var url string
			var log strings.Builder
			for url == "" && lines.Scan() {
				log.WriteString(lines.Text() + "\n")
				if m := urlLine.FindStringSubmatch(lines.Text()); m != nil {
					url = m[1]
				}
			}
			if url == "" {
				t.Fatalf("the server did not log its URL:\n%s", log.String())
			}
			if status, _ := httpGet(t, url+"healthz"); status != http.StatusOK {
				t.Fatalf("/healthz: %d", status)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			for lines.Scan() {
				log.WriteString(lines.Text() + "\n")
			}
			if err := cmd.Wait(); err != nil {
				t.Fatalf("after %v the server ended with %v:\n%s", sig, err, log.String())
			}
			if !strings.Contains(log.String(), `msg="nnviz stopped"`) {
				t.Errorf("after %v the log lacks the clean stop:\n%s", sig, log.String())
			}
		})
	}
}
