package app

import (
	"testing"
)

// TestParseQueryIgnoresTrackingParameters checks that the parameters mail and social sites
// add to a link are neither problems nor settings, while the link's own parameters still apply
// and a real mistake beside them is still named.
func TestParseQueryIgnoresTrackingParameters(t *testing.T) {
	q := "layers=2,4,2&utm_source=newsletter&utm_medium=email&utm_campaign=week%203&UTM_Content=x" +
		"&fbclid=IwAR0abc&gclid=Cj0K&msclkid=1f2e&mc_cid=9a&mc_eid=7b&_ga=2.1.2.3&ref=course&utm_source=again"
	su, probs := ParseQuery(q)
	if len(probs) != 0 {
		t.Errorf("problems = %v; want none: tracking parameters are ignored, even twice", probs)
	}
	if len(su.Settings.Net.Layers) != 3 || su.Settings.Net.Layers[1] != 4 {
		t.Errorf("layers = %v; the link's own parameter must still apply", su.Settings.Net.Layers)
	}
	_, probs = ParseQuery("utm_source=x&colour=red&gclid=y")
	if len(probs) != 1 || probs[0].Param != "colour" {
		t.Errorf("problems = %v; want just colour, the one parameter that is a mistake", probs)
	}
}

func TestIsTrackingParam(t *testing.T) {
	for _, name := range []string{"utm_source", "utm_term", "utm_id", "fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "_ga", "ref", "FBCLID"} {
		if !isTrackingParam(name) {
			t.Errorf("%s is a tracking parameter", name)
		}
	}
	for _, name := range append([]string{"utm", "reference", "colour", "ga"}, knownParams...) {
		if isTrackingParam(name) {
			t.Errorf("%s is not a tracking parameter", name)
		}
	}
}
