package app

import (
	"slices"
	"strings"
	"testing"
)

// TestNormalOriginWritesOriginsAsBrowsersDo checks that every way of writing an origin that a
// browser would send as MessageEvent.origin is stored in that form, so that it matches.
func TestNormalOriginWritesOriginsAsBrowsersDo(t *testing.T) {
	tests := map[string]string{
		"*":                             "*",
		"https://course.example.org":    "https://course.example.org",
		"https://course.example.org/":   "https://course.example.org",
		"http://LOCALHOST:18083":        "http://localhost:18083",
		"HTTPS://Course.Example.ORG":    "https://course.example.org",
		"http://example.org:80":         "http://example.org",
		"https://example.org:443/":      "https://example.org",
		"http://example.org:443":        "http://example.org:443",
		"https://example.org:80":        "https://example.org:80",
		"http://127.0.0.1:08081":        "http://127.0.0.1:8081",
		"http://example.org:":           "http://example.org",
		"http://[::1]:8080":             "http://[::1]:8080",
		"http://[::1]:80":               "http://[::1]",
		"https://xn--bcher-kva.example": "https://xn--bcher-kva.example",
	}
	for in, want := range tests {
		got, err := normalOrigin(in)
		if err != nil || got != want {
			t.Errorf("normalOrigin(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// TestNormalOriginNamesWhatIsWrong checks that what cannot be an origin is refused with the
// reason.
func TestNormalOriginNamesWhatIsWrong(t *testing.T) {
	tests := map[string]string{
		"":                       "empty",
		"null":                   "http:// or https://",
		"ftp://x.org":            "http:// or https://",
		"course.example.org":     "http:// or https://",
		"https:x.org":            "no host",
		"https://":               "no host",
		"https://me@x.org":       "user name",
		"https://x.org/path":     "no path",
		"https://x.org?a=1":      "no path, query",
		"https://x.org#top":      "fragment",
		"https://x.org:0":        "port",
		"https://x.org:70000":    "port",
		"https://bücher.example": "ASCII",
		"https://x.org:https":    "address",
	}
	for in, want := range tests {
		got, err := normalOrigin(in)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "not an origin") {
			t.Errorf("normalOrigin(%q) = %q, %v; want an error saying %q", in, got, err, want)
		}
	}
}

func TestParseQueryOriginsAreNormalised(t *testing.T) {
	su, probs := ParseQuery("origins=http://LOCALHOST:18083,http://localhost:18083/,HTTPS://A.org:443")
	if len(probs) > 0 || !slices.Equal(su.Origins, []string{"http://localhost:18083", "https://a.org"}) {
		t.Errorf("origins = %v, problems %v; want them as browsers write them, once each", su.Origins, probs)
	}
}
