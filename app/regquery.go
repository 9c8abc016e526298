package app

import (
	"github.com/nnviz/nnviz/nn"
)

// parseReg reads the address's penalty and display switches: reg (none, l1, l2), regRate (λ),
// the older l2 (reg=l2 with that rate, which links made before reg existed carry) and
// discretize (0 or 1). reg and regRate win over l2 when both are given.
func parseReg(params map[string]string, s *Settings, bad func(param, format string, args ...any)) {
	if v, ok := params["l2"]; ok {
		if f, err := parseFloat(v); err != nil || nn.CheckRegRate(f) != nil {
			bad("l2", "%q is not an L2 rate; use a number from 0 to %d (or reg=l2&regRate=...)", v, nn.MaxRegRate)
		} else {
			s.Train.Reg, s.Train.RegRate = nn.L2, f
		}
	}
	if v, ok := params["reg"]; ok {
		if r, err := nn.ParseRegularization(v); err != nil {
			bad("reg", "%q is not a regularization; use none, l1 or l2", v)
		} else {
			s.Train.Reg = r
		}
	}
	if v, ok := params["regRate"]; ok {
		if f, err := parseFloat(v); err != nil || nn.CheckRegRate(f) != nil {
			bad("regRate", "%q is not a regularization rate; use a number from 0 to %d, such as 0.003 or 0.03", v, nn.MaxRegRate)
		} else {
			s.Train.RegRate = f
		}
	}
	if v, ok := params["discretize"]; ok {
		switch v {
		case "1", "true":
			s.Discretize = true
		case "0", "false":
			s.Discretize = false
		default:
			bad("discretize", "%q is not a switch; use 1 (hard classes) or 0 (shaded)", v)
		}
	}
}

// regQuery is the address's form of the penalty and the display switches, for a share link:
// nothing for the defaults (no penalty, rate 0, shaded).
func regQuery(s Settings) []string {
	var q []string
	if s.Train.Reg != nn.NoReg {
		q = append(q, "reg="+s.Train.Reg.String())
	}
	if s.Train.RegRate != 0 {
		q = append(q, "regRate="+formatFloat(s.Train.RegRate))
	}
	if s.Discretize {
		q = append(q, "discretize=1")
	}
	return q
}
