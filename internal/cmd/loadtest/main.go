// Command loadtest sends a bounded load to the real nnviz server on loopback
// and reports throughput, latency percentiles and errors.
//
// Usage:
//
//	go run ./internal/cmd/loadtest [-server bin/nnviz-server | -url http://127.0.0.1:8080/]
//	                               [-n 20000] [-c 50] [-max-duration 3m]
//
// By default it starts bin/nnviz-server on a free loopback port, sends -n
// requests over -c connections, alternating the page and the wasm as a
// browser asks for them (Accept-Encoding: gzip, deflate, br, zstd), stops the
// server with SIGTERM and checks that it stops cleanly. It stops by itself
// after -n requests or -max-duration, whichever comes first, and exits 1
// when any request failed or the run was cut short. It only ever sends to
// loopback addresses.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/nnviz/nnviz/internal/serverproc"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	binary := flags.String("server", "", "the server `binary` to start on loopback (default: bin/nnviz-server at the module's root)")
	target := flags.String("url", "", "the `URL` of a server already running on loopback, instead of starting one")
	var cfg loadConfig
	flags.IntVar(&cfg.requests, "n", 20000, "how many `requests` to send")
	flags.IntVar(&cfg.connections, "c", 50, "how many `connections` to send them over")
	flags.DurationVar(&cfg.maxDuration, "max-duration", 3*time.Minute, "stop sending after this `long`, however many requests are left")
	paths := flags.String("paths", "/,/main.wasm", "comma-separated `paths` to request in turn")
	flags.StringVar(&cfg.acceptEncoding, "accept-encoding", "gzip, deflate, br, zstd", "the Accept-Encoding `value` to send (Chrome's by default)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	cfg.paths = strings.Split(*paths, ",")
	if err := cfg.check(); err != nil {
		return err
	}

	base := *target
	var server *serverproc.Server
	if base == "" {
		if *binary == "" {
			var err error
			if *binary, err = serverproc.DefaultBinary(); err != nil {
				return err
			}
		}
		var err error
		if server, err = serverproc.Start(*binary); err != nil {
			return err
		}
		defer server.Stop() // a no-op error after the Stop below
		base = server.URL
	}
	if err := checkLoopback(base); err != nil {
		return err
	}

	fmt.Fprintf(stdout, "load: %d requests for %s over %d connections to %s (at most %v)\n",
		cfg.requests, strings.Join(cfg.paths, " and "), cfg.connections, base, cfg.maxDuration)
	ctx, cancel := context.WithTimeout(context.Background(), cfg.maxDuration)
	defer cancel()
	rep, err := runLoad(ctx, base, cfg)
	if err != nil {
		return err
	}
	rep.write(stdout)

	var problems []error
	if server != nil {
		if err := server.Stop(); err != nil {
			problems = append(problems, fmt.Errorf("stopping the server: %w", err))
		}
	}
	if rep.errors > 0 {
		problems = append(problems, fmt.Errorf("%d of %d requests failed", rep.errors, rep.sent))
	}
	if rep.sent < cfg.requests {
		problems = append(problems, fmt.Errorf("only %d of %d requests were sent within %v", rep.sent, cfg.requests, cfg.maxDuration))
	}
	return errors.Join(problems...)
}

// checkLoopback refuses a target that is not on this machine's loopback: a
// load test must never send traffic anywhere else.
func checkLoopback(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("-url %q: %w", base, err)
	}
	if u.Scheme != "http" {
		return fmt.Errorf("-url %q: want an http:// URL", base)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-url %q: the load test only sends to loopback addresses (127.0.0.0/8, ::1, localhost)", base)
	}
	return nil
}

// newClient returns a client of one connection, kept alive, that passes the
// compressed bodies through as a browser receives them.
func newClient() *http.Client {
	return &http.Client{
		Transport: &http.Transport{
			MaxIdleConnsPerHost: 1,
			MaxConnsPerHost:     1,
			DisableCompression:  true,
			ForceAttemptHTTP2:   false,
		},
		Timeout: time.Minute,
	}
}
