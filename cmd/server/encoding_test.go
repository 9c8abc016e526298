package main

import (
	"slices"
	"strings"
	"testing"
)

func availableOf(codings ...string) func(string) bool {
	return func(c string) bool { return slices.Contains(codings, c) }
}

func TestNegotiate(t *testing.T) {
	all := availableOf("br", "gzip", identity)
	plain := availableOf(identity)
	tests := []struct {
		name      string
		header    []string // nil: no Accept-Encoding at all
		available func(string) bool
		want      string
		wantOK    bool
	}{
		{"no header gets identity", nil, all, identity, true},
		{"empty header gets identity", []string{""}, all, identity, true},
		{"chrome", []string{"gzip, deflate, br, zstd"}, all, "br", true},
		{"gzip only", []string{"gzip"}, all, "gzip", true},
		{"x-gzip is gzip", []string{"x-gzip"}, all, "gzip", true},
		{"names are case-insensitive", []string{"BR"}, all, "br", true},
		{"higher q wins over preference", []string{"br;q=0.5, gzip;q=0.8"}, all, "gzip", true},
		{"equal q goes to the smaller", []string{"gzip;q=0.7, br;q=0.7"}, all, "br", true},
		{"q=0 refuses br", []string{"br;q=0, gzip"}, all, "gzip", true},
		{"spaces around q", []string{"br ; q = 0 , gzip"}, all, "gzip", true},
		{"Q in capitals", []string{"br;Q=0, gzip"}, all, "gzip", true},
		{"q=0.000 refuses", []string{"br;q=0.000, gzip;q=0.001"}, all, "gzip", true},
		{"both refused leaves identity", []string{"br;q=0, gzip;q=0"}, all, identity, true},
		{"star accepts br", []string{"*"}, all, "br", true},
		{"star is a fallback below named codings", []string{"*;q=0.1, gzip"}, all, "gzip", true},
		{"identity refused by name", []string{"identity;q=0"}, plain, "", false},
		{"identity refused by star", []string{"*;q=0"}, plain, "", false},
		{"star refuses all, identity named", []string{"*;q=0, identity"}, all, identity, true},
		{"star refuses all", []string{"*;q=0"}, all, "", false},
		{"identity refused, gzip there", []string{"gzip, identity;q=0"}, all, "gzip", true},
		{"identity refused, br unavailable", []string{"br, identity;q=0"}, availableOf("gzip", identity), "", false},
		{"unavailable br ignored", []string{"br"}, availableOf("gzip", identity), identity, true},
		{"malformed q is left out", []string{"br;q=abc, gzip"}, all, "gzip", true},
		{"q above 1 is left out", []string{"br;q=2, gzip;q=0.5"}, all, "gzip", true},
		{"q with four decimals is left out", []string{"br;q=0.5000, gzip;q=0.1"}, all, "gzip", true},
		{"negative q is left out", []string{"br;q=-0, gzip;q=0.2"}, all, "gzip", true},
		{"exponent q is left out", []string{"br;q=1e-1, gzip;q=0.2"}, all, "gzip", true},
		{"other parameters ignored", []string{"br;level=3;q=0.9, gzip;q=0.8"}, all, "br", true},
		{"repeated coding keeps its highest q", []string{"br;q=0, br;q=0.9, gzip;q=0.5"}, all, "br", true},
		{"several header lines", []string{"gzip;q=0.5", "br;q=0.9"}, all, "br", true},
		{"only commas", []string{",,, ,"}, all, identity, true},
		{"unknown coding only", []string{"zstd"}, all, identity, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := negotiate(tt.header, tt.available)
			if ok != tt.wantOK || (ok && got != tt.want) {
				t.Fatalf("negotiate(%q) = %q, %v; want %q, %v", tt.header, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// FuzzNegotiate checks, for any header, that the choice is an available
// coding the client accepts, and that no available coding is accepted more.
func FuzzNegotiate(f *testing.F) {
	for _, seed := range []string{
		"gzip, deflate, br, zstd", "br;q=0.5, gzip;q=0.8", "*;q=0", "identity;q=0", "x-gzip",
		"br;q=abc", "BR;Q=1.000", ";;;,,", "*;q=0.1, gzip", "br;q=0, br;q=1", "gzip;q=1.", "br;q=.5",
	} {
		f.Add(seed, true)
		f.Add(seed, false)
	}
	f.Fuzz(func(t *testing.T, header string, withVariants bool) {
		available := availableOf(identity)
		if withVariants {
			available = availableOf("br", "gzip", identity)
		}
		coding, ok := negotiate([]string{header}, available)
		accepted := parseAcceptEncoding([]string{header})
		best := 0.0
		for _, c := range codingPreference {
			if available(c) {
				best = max(best, accepted.q(c))
			}
		}
		if !ok {
			if best > 0 {
				t.Fatalf("negotiate(%q) refused, but a coding has q=%v", header, best)
			}
			return
		}
		if !available(coding) {
			t.Fatalf("negotiate(%q) = %q, which is not available", header, coding)
		}
		if q := accepted.q(coding); q <= 0 || q < best {
			t.Fatalf("negotiate(%q) = %q with q=%v; the best available q is %v", header, coding, q, best)
		}
		for _, c := range accepted {
			if c < 0 || c > 1 {
				t.Fatalf("parseAcceptEncoding(%q) kept q=%v, outside 0..1", header, c)
			}
		}
		if strings.TrimSpace(header) == "" && coding != identity {
			t.Fatalf("negotiate(%q) = %q; an empty header asks for identity", header, coding)
		}
	})
}

func BenchmarkNegotiate(b *testing.B) {
	header := []string{"gzip, deflate, br, zstd"}
	available := availableOf("br", "gzip", identity)
	for b.Loop() {
		if c, _ := negotiate(header, available); c != "br" {
			b.Fatal(c)
		}
	}
}
