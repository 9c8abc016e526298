package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
)

// loadConfig is the shape of a load.
type loadConfig struct {
	requests, connections int
	maxDuration           time.Duration
	paths                 []string
	acceptEncoding        string
}

func (c loadConfig) check() error {
	switch {
	case c.requests <= 0:
		return fmt.Errorf("-n %d: want at least one request", c.requests)
	case c.requests > 1_000_000:
		return fmt.Errorf("-n %d: the load test is bounded to a million requests", c.requests)
	case c.connections <= 0 || c.connections > 1000:
		return fmt.Errorf("-c %d: want 1 to 1000 connections", c.connections)
	case c.maxDuration <= 0 || c.maxDuration > 30*time.Minute:
		return fmt.Errorf("-max-duration %v: want more than 0 and at most 30m", c.maxDuration)
	}
	for _, p := range c.paths {
		if !strings.HasPrefix(p, "/") {
			return fmt.Errorf("-paths: %q does not start with /", p)
		}
	}
	return nil
}

// pathStats are the figures of one path.
type pathStats struct {
	latencies []time.Duration
	bytes     int64
	encodings map[string]int
}

// report is what a load measured.
type report struct {
	sent, errors int
	firstErrors  []string
	connections  int64
	elapsed      time.Duration
	paths        []string
	byPath       map[string]*pathStats
}

// runLoad sends cfg.requests requests to base, cfg.connections at a time,
// until they are all answered or ctx ends.
func runLoad(ctx context.Context, base string, cfg loadConfig) (*report, error) {
	base = strings.TrimSuffix(base, "/")

	rep := &report{paths: cfg.paths, byPath: map[string]*pathStats{}}
	for _, p := range cfg.paths {
		rep.byPath[p] = &pathStats{encodings: map[string]int{}}
	}
	var next atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	trace := &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) {
		if !info.Reused {
			atomic.AddInt64(&rep.connections, 1)
		}
	}}
	start := time.Now()
	for range cfg.connections {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A client per worker: each holds one keep-alive connection of
			// its own, as 50 browsers would, and none waits for another's.
			client := newClient()
			defer client.CloseIdleConnections()
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= cfg.requests {
					return
				}
				path := cfg.paths[i%len(cfg.paths)]
				began := time.Now()
				n, encoding, err := fetch(httptrace.WithClientTrace(ctx, trace), client, base+path, cfg.acceptEncoding)
				took := time.Since(began)
				mu.Lock()
				rep.sent++
				if err != nil {
					rep.errors++
					if len(rep.firstErrors) < 5 {
						rep.firstErrors = append(rep.firstErrors, path+": "+err.Error())
					}
				} else {
					s := rep.byPath[path]
					s.latencies = append(s.latencies, took)
					s.bytes += n
					s.encodings[encoding]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	rep.elapsed = time.Since(start)
	if rep.sent == 0 {
		return nil, errors.New("no request was sent before the time ran out")
	}
	return rep, nil
}

// fetch GETs url and reads the whole body, as a browser does. It is an error
// when the status is not 200 or the body is shorter or longer than
// Content-Length says.
func fetch(ctx context.Context, client *http.Client, url, acceptEncoding string) (int64, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Accept-Encoding", acceptEncoding)
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		return n, "", err
	}
	if resp.StatusCode != http.StatusOK {
		return n, "", fmt.Errorf("status %d", resp.StatusCode)
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return n, "", fmt.Errorf("read %d bytes of %d", n, resp.ContentLength)
	}
	encoding := resp.Header.Get("Content-Encoding")
	if encoding == "" {
		encoding = "identity"
	}
	return n, encoding, nil
}

// percentile returns the p-th percentile (0 < p <= 100) of sorted durations,
// by the nearest-rank method.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(float64(len(sorted))*p/100+0.999999) - 1
	return sorted[min(max(rank, 0), len(sorted)-1)]
}

// write prints the report: totals, then one row per path and one for all.
func (r *report) write(w io.Writer) {
	var all []time.Duration
	var bytes int64
	for _, s := range r.byPath {
		all = append(all, s.latencies...)
		bytes += s.bytes
	}
	secs := r.elapsed.Seconds()
	fmt.Fprintf(w, "sent %d requests in %.2fs over %d connections: %.0f requests/s, %.1f MB/s received, %d errors\n",
		r.sent, secs, r.connections, float64(r.sent)/secs, float64(bytes)/1e6/secs, r.errors)
	for _, e := range r.firstErrors {
		fmt.Fprintf(w, "  error: %s\n", e)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "path\tok\tbytes each\tencoding\tp50\tp90\tp99\tmax\t")
	row := func(name string, lat []time.Duration, size, encoding string) {
		slices.Sort(lat)
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name, len(lat), size, encoding,
			ms(percentile(lat, 50)), ms(percentile(lat, 90)), ms(percentile(lat, 99)), ms(percentile(lat, 100)))
	}
	for _, p := range r.paths {
		s := r.byPath[p]
		size := "-"
		if len(s.latencies) > 0 {
			size = strconv.FormatInt(s.bytes/int64(len(s.latencies)), 10)
		}
		row(p, slices.Clone(s.latencies), size, encodingsOf(s.encodings))
	}
	row("all", all, "", "")
	tw.Flush()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }

func encodingsOf(counts map[string]int) string {
	var names []string
	for name := range counts {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}
