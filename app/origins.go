package app

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// parseOrigins reads a comma-separated list of origins (scheme://host[:port]) or "*". Each
// origin is written as a browser writes MessageEvent.origin (see normalOrigin), so that it can
// be compared with one; one that cannot be written so is refused, saying why.
func parseOrigins(v string) ([]string, error) {
	var out []string
	for _, o := range strings.Split(v, ",") {
		n, err := normalOrigin(strings.TrimSpace(o))
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out, nil
}

// defaultPorts are the ports a browser leaves out of an origin.
var defaultPorts = map[string]string{"http": "80", "https": "443"}

// normalOrigin returns o as a browser serialises an origin: the scheme and host in lower
// case, the scheme's default port left out, no trailing slash ("HTTP://LocalHost:80/" is
// "http://localhost"). "*" stays "*". Anything that is not an http or https origin is an error
// that says what is wrong with it.
func normalOrigin(o string) (string, error) {
	if o == "*" {
		return o, nil
	}
	bad := func(why string) (string, error) {
		return "", fmt.Errorf("%q is not an origin such as https://course.example.org, or *: %s", o, why)
	}
	u, err := url.Parse(o)
	switch {
	case o == "":
		return bad("it is empty")
	case err != nil:
		return bad("it does not read as an address")
	case u.Scheme != "http" && u.Scheme != "https":
		return bad("it must start with http:// or https://")
	case u.Opaque != "" || u.Host == "":
		return bad("it has no host after the scheme's //")
	case u.User != nil:
		return bad("an origin has no user name or password")
	case u.Path != "" && u.Path != "/", u.RawQuery != "", u.ForceQuery, u.Fragment != "":
		return bad("an origin has no path, query or fragment, just scheme://host[:port]")
	}
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return bad("it has no host")
	}
	for _, r := range host {
		if r > 0x7f {
			return bad("write the host in its ASCII form (xn--...), as browsers do")
		}
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // an IPv6 address
	}
	port := u.Port()
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return bad("the port must be a number from 1 to 65535")
		}
		port = strconv.Itoa(n)
	}
	if port == "" || port == defaultPorts[u.Scheme] {
		return u.Scheme + "://" + host, nil
	}
	return u.Scheme + "://" + host + ":" + port, nil
}
