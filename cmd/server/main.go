// Command nnviz-server serves nnviz's web bundle: the pages, wasm_exec.js
// and main.wasm, embedded in the binary when it was built.
//
// Usage:
//
//	nnviz-server [-addr 127.0.0.1:8080] [-dir web/static] [-frame-ancestors '*']
//	             [-access-log all|errors|off] [-shutdown-grace 2m]
//
// It sends each file precompressed (brotli or gzip, as the browser accepts),
// with an ETag, a cache policy and a strict Content-Security-Policy, answers
// /healthz, writes a log line per request (or per failed request, or none),
// and stops cleanly on SIGINT or SIGTERM: it lets the responses in flight
// finish, for up to the write timeout, and exits with status 0. A second
// signal stops it at once. Build it with `make build`, which builds the wasm first so that the
// binary embeds it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/nnviz/nnviz/web"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second signal ends the process at once
	}()
	if err := run(ctx, os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "nnviz-server:", err)
		os.Exit(1)
	}
}

// config is what the flags say.
type config struct {
	addr           string
	dir            string
	frameAncestors string
	accessLog      string
	shutdownGrace  time.Duration
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	flags := flag.NewFlagSet("nnviz-server", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "`host:port` to listen on; port 0 picks a free port")
	flags.StringVar(&cfg.dir, "dir", "", "serve the bundle in this `directory` (such as web/static) instead of the embedded one; for development: files are read on every request")
	flags.StringVar(&cfg.frameAncestors, "frame-ancestors", "*", "the `sources` that may embed the pages in a frame (CSP frame-ancestors): '*' for any site, 'self', 'none', or sites such as \"'self' https://course.example.org\"")
	flags.StringVar(&cfg.accessLog, "access-log", "all", "which requests to log: `all`, errors (status 400 and above) or off")
	flags.DurationVar(&cfg.shutdownGrace, "shutdown-grace", defaultTimeouts.shutdown, "how long a requested stop waits for the responses in flight (a slow classroom network's download of main.wasm) before it cuts them")
	if err := flags.Parse(args); err != nil {
		return cfg, err
	}
	if _, ok := accessLogModes[cfg.accessLog]; !ok {
		return cfg, fmt.Errorf("-access-log %q: want all, errors or off", cfg.accessLog)
	}
	if cfg.shutdownGrace < 0 {
		return cfg, fmt.Errorf("-shutdown-grace %v: want a duration of 0 or more, such as 2m", cfg.shutdownGrace)
	}
	if flags.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments %q (see -h)", flags.Args())
	}
	return cfg, checkFrameAncestors(cfg.frameAncestors)
}

// timeouts bound how long a client may hold a connection. Writing allows a
// slow classroom network to fetch the wasm (about 2.5 MB) at 200 kbit/s, and
// a requested stop waits as long for the responses in flight.
type timeouts struct {
	readHeader, read, write, idle, shutdown time.Duration
}

var defaultTimeouts = timeouts{
	readHeader: 5 * time.Second,
	read:       15 * time.Second,
	write:      2 * time.Minute,
	idle:       2 * time.Minute,
	shutdown:   2 * time.Minute,
}

func newServer(handler http.Handler, logger *slog.Logger, t timeouts) *http.Server {
	return &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: t.readHeader,
		ReadTimeout:       t.read,
		WriteTimeout:      t.write,
		IdleTimeout:       t.idle,
		// Room for any address a browser sends, so that an over-long one reaches the
		// handler and gets a page that says what happened (see withURILimit).
		MaxHeaderBytes: maxHeaderBytes,
		ErrorLog:       slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// openStore returns the bundle the flags choose and its name for messages.
func openStore(dir string) (store, error) {
	if dir != "" {
		return newDirStore(dir)
	}
	return newEmbeddedStore(web.Bundle(), "the embedded bundle")
}

// run serves until ctx ends, then shuts down, letting requests in flight end.
func run(ctx context.Context, args []string, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	st, err := openStore(cfg.dir)
	if err != nil {
		return err
	}
	if err := st.check(); err != nil {
		logger.Error("nnviz cannot run in a browser yet", "problem", err.Error())
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	handler := newHandler(st, cfg.frameAncestors, logger, accessLogModes[cfg.accessLog])
	return serve(ctx, ln, newServer(handler, logger, defaultTimeouts), logger, cfg.shutdownGrace)
}

// serve runs srv on ln until ctx ends or serving fails.
func serve(ctx context.Context, ln net.Listener, srv *http.Server, logger *slog.Logger, grace time.Duration) error {
	logger.Info("nnviz is serving", "url", "http://"+ln.Addr().String()+"/")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down: letting the responses in flight finish", "grace", grace)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		// The stop was requested: cutting the slowest downloads after the
		// grace is what it asked for, not a failure.
		logger.Warn("the grace ran out: cutting the responses still in flight", "grace", grace, "reason", err.Error())
		srv.Close()
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("nnviz stopped")
	return nil
}
