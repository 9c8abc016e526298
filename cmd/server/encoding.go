package main

import (
	"strconv"
	"strings"
)

// identity is the content coding of a file sent as it is.
const identity = "identity"

// codingPreference orders the content codings the bundle stores, smallest
// first: among codings a client accepts equally, the server sends the first.
var codingPreference = []string{"br", "gzip", identity}

// negotiate chooses the content coding to send, following the values of the
// request's Accept-Encoding header (RFC 9110, section 12.5.3). available
// reports which codings the file has. ok is false when the client refuses
// every available coding, identity included (with "identity;q=0" or "*;q=0").
//
// A request without Accept-Encoding gets identity: the RFC would allow any
// coding, but a client that does not ask (curl, say) rarely decodes.
func negotiate(acceptEncoding []string, available func(coding string) bool) (coding string, ok bool) {
	if len(acceptEncoding) == 0 {
		return identity, available(identity)
	}
	accepted := parseAcceptEncoding(acceptEncoding)
	bestQ := 0.0
	for _, c := range codingPreference {
		if !available(c) {
			continue
		}
		if q := accepted.q(c); q > bestQ {
			coding, bestQ = c, q
		}
	}
	return coding, bestQ > 0
}

// acceptedCodings maps each content coding named in Accept-Encoding, and
// "*", to its quality value.
type acceptedCodings map[string]float64

// q returns the quality value the client gives coding.
func (a acceptedCodings) q(coding string) float64 {
	if q, ok := a[coding]; ok {
		return q
	}
	// RFC 9110 asks recipients to take x-gzip as gzip.
	if coding == "gzip" {
		if q, ok := a["x-gzip"]; ok {
			return q
		}
	}
	if q, ok := a["*"]; ok {
		return q
	}
	// Identity is acceptable unless refused by name or by "*", but a client
	// that names codings prefers them to an unnamed identity.
	if coding == identity {
		return implicitIdentityQ
	}
	return 0
}

// implicitIdentityQ ranks identity when Accept-Encoding does not name it:
// below every quality value a client can write (the least is 0.001), above
// refusal.
const implicitIdentityQ = 0.0001

// parseAcceptEncoding reads the values of Accept-Encoding headers, such as
// "br;q=1.0, gzip;q=0.8, *;q=0". An element that is malformed (an empty
// coding, or a quality value that is not a number from 0 to 1) is left out,
// as if the client had not sent it. When a coding is named twice, the
// higher quality value counts.
func parseAcceptEncoding(values []string) acceptedCodings {
	accepted := acceptedCodings{}
	for _, value := range values {
		for element := range strings.SplitSeq(value, ",") {
			coding, q, ok := parseElement(element)
			if !ok {
				continue
			}
			if old, seen := accepted[coding]; !seen || q > old {
				accepted[coding] = q
			}
		}
	}
	return accepted
}

// parseElement reads one element of Accept-Encoding: a coding with optional
// parameters, of which only q matters.
func parseElement(element string) (coding string, q float64, ok bool) {
	coding, params, _ := strings.Cut(element, ";")
	coding = strings.ToLower(strings.TrimSpace(coding))
	if coding == "" || strings.ContainsAny(coding, " \t") {
		return "", 0, false
	}
	q = 1
	for param := range strings.SplitSeq(params, ";") {
		name, value, found := strings.Cut(param, "=")
		if !found || !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		value = strings.TrimSpace(value)
		parsed, err := strconv.ParseFloat(value, 64)
		// RFC 9110's qvalue has at most three decimals; a longer value or one
		// outside 0..1 (or NaN, Inf, hex) is not a quality value.
		if err != nil || len(value) > 5 || !(parsed >= 0 && parsed <= 1) || strings.ContainsAny(value, "xXpPeE_+-") {
			return "", 0, false
		}
		q = parsed
	}
	return coding, q, true
}
