package app

import (
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

// TestRegularizationInTheAddress reads the penalty, its rate and discretize from the address,
// the older l2= among them, and writes them back in the new form only.
func TestRegularizationInTheAddress(t *testing.T) {
	for _, tc := range []struct {
		query      string
		reg        nn.Regularization
		rate       float64
		discretize bool
		share      string // what the share link says about them
	}{
		{"", nn.NoReg, 0, false, ""},
		{"reg=l1&regRate=0.03", nn.L1, 0.03, false, "reg=l1&regRate=0.03"},
		{"reg=l2&regRate=3&discretize=1", nn.L2, 3, true, "reg=l2&regRate=3&discretize=1"},
		{"l2=0.01", nn.L2, 0.01, false, "reg=l2&regRate=0.01"}, // a link from before reg existed
		{"l2=0.01&reg=l1", nn.L1, 0.01, false, "reg=l1&regRate=0.01"},
		{"l2=0.01&regRate=0.3", nn.L2, 0.3, false, "reg=l2&regRate=0.3"},
		{"reg=none&regRate=0.1", nn.NoReg, 0.1, false, "regRate=0.1"},
		{"discretize=0", nn.NoReg, 0, false, ""},
	} {
		su, probs := ParseQuery(tc.query)
		if len(probs) > 0 {
			t.Errorf("%q: problems %v", tc.query, probs)
			continue
		}
		tr := su.Settings.Train
		if tr.Reg != tc.reg || tr.RegRate != tc.rate || su.Settings.Discretize != tc.discretize {
			t.Errorf("%q: reg %v, rate %v, discretize %v; want %v, %v, %v", tc.query, tr.Reg, tr.RegRate, su.Settings.Discretize, tc.reg, tc.rate, tc.discretize)
		}
		st, err := New(su.Settings, su.Points, su.Initial)
		if err != nil {
			t.Fatal(err)
		}
		q := st.ShareQuery(false)
		var got []string
		for _, kv := range strings.Split(q, "&") {
			k, _, _ := strings.Cut(kv, "=")
			switch k {
			case "reg", "regRate", "discretize":
				got = append(got, kv)
			case "l2":
				t.Errorf("%q shares as %q, which writes the old l2=", tc.query, q)
			}
		}
		if g := strings.Join(got, "&"); g != tc.share {
			t.Errorf("%q shares %q, want %q", tc.query, g, tc.share)
		}
	}
}

// TestBadRegularizationIsNamed: a bad penalty, rate or switch is a problem that names its
// parameter, and the default stands in.
func TestBadRegularizationIsNamed(t *testing.T) {
	for _, tc := range []struct{ query, param, says string }{
		{"reg=l3", "reg", `"l3" is not a regularization; use none, l1 or l2`},
		{"regRate=abc", "regRate", `"abc" is not a regularization rate`},
		{"regRate=11", "regRate", "from 0 to 10"},
		{"regRate=-0.1", "regRate", "from 0 to 10"},
		{"regRate=NaN", "regRate", `"NaN"`},
		{"l2=x", "l2", `"x" is not an L2 rate`},
		{"discretize=yes", "discretize", `"yes" is not a switch`},
	} {
		su, probs := ParseQuery(tc.query)
		if len(probs) != 1 || probs[0].Param != tc.param || !strings.Contains(probs[0].Message, tc.says) {
			t.Errorf("%q: problems %v, want one for %s saying %q", tc.query, probs, tc.param, tc.says)
		}
		if tr := su.Settings.Train; tr.Reg != nn.NoReg || tr.RegRate != 0 || su.Settings.Discretize {
			t.Errorf("%q: the defaults do not stand in: %v %v %v", tc.query, tr.Reg, tr.RegRate, su.Settings.Discretize)
		}
	}
}
