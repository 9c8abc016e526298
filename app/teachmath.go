package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// stageKind says which formula a stage shows; the typesetting below follows it.
type stageKind int

const (
	stageInput  stageKind = iota // a_1
	stageZ                       // z_l = w_l a_(l-1) + b_l
	stageA                       // a_l = σ(z_l), or softmax
	stageY                       // y = convert_label(label)
	stageCost                    // C_x
	stageDCDA                    // ∂C_x/∂a_L
	stageDeltaL                  // δ_L
	stageDelta                   // δ_l = (w_(l+1)ᵀ δ_(l+1)) ⊙ σ′(z_l)
	stageDB                      // db_l = δ_l
	stageDW                      // dw_l = δ_l a_(l-1)ᵀ
	stageUpdate                  // w_l − step_size · dw_l = new w_l
	stageAfter                   // the output before and after
)

// Penalties the update stage can show (Lesson.Reg): the regulariser's term in the
// gradient of w.
const (
	PenaltyL1 = "l1" // + λ·sign(w)
	PenaltyL2 = "l2" // + λ·w
)

// expandMax is the largest matrix whose entries a stage also writes out symbol by symbol, as
// the notebook does for its 2-3-2 network; bigger ones would be a wall of symbols.
const expandMax = 4

// subscript writes n in Unicode subscript digits, for plain sentences (δ₃).
func subscript(n int) string {
	var b strings.Builder
	for _, r := range strconv.Itoa(n) {
		b.WriteRune('₀' + (r - '0'))
	}
	return b.String()
}

// typeset fills every stage's General, Numbers, Full, Note and Result from the lesson's
// matrices. The shapes, the row names and the label come from the lesson, not from the
// notebook's 2-3-2 network.
func (ls *Lesson) typeset(L int) {
	for k := range ls.Stages {
		s := &ls.Stages[k]
		s.General = ls.general(s, L)
		s.Entries = ls.entries(s, L)
		s.Numbers = ls.numbers(s, L, ShortDecimals)
		s.Full = ls.numbers(s, L, LongDecimals)
		s.Note = ls.note(s, L)
		if s.kind == stageUpdate && ls.penalty() {
			s.Why = "Every weight and bias takes a small step against its gradient, the step size times it; the penalty's term λ pulls every weight towards 0."
		}
		if s.kind == stageAfter {
			s.Result = ls.result(L)
		}
	}
}

// m is the lesson's matrix name, L's layer l: m("w", 2) is w_2.
func (ls *Lesson) m(name string, l int) Matrix {
	return ls.Matrices[fmt.Sprintf("%s_%d", name, l)]
}

// rowNames is the names of a_1's rows (Inputs) or y's (Outputs), padded with numbers.
func rowNames(names []string, n int) []string {
	out := make([]string, n)
	for i := range out {
		if i < len(names) {
			out[i] = names[i]
		} else {
			out[i] = strconv.Itoa(i + 1)
		}
	}
	return out
}

// activationML is σ's definition for the activation named a.
func activationML(a string) string {
	z := mi("z")
	switch a {
	case "sigmoid":
		return mrow(mi("σ"), fenced(z), mo("="), tag("mfrac", "", mn("1"), mrow(mn("1"), mo("+"), msup(mi("e"), mrow(mo("−"), z)))))
	case "tanh":
		return mrow(mi("σ"), fenced(z), mo("="), mi("tanh"), fenced(z))
	case "relu":
		return mrow(mi("σ"), fenced(z), mo("="), mi("max"), fenced(mn("0"), mo(","), z))
	default:
		return mrow(mi("σ"), fenced(z), mo("="), z)
	}
}

// derivML is σ′ written with the activation a it is applied to.
func derivML(act string, a string) string {
	switch act {
	case "sigmoid":
		return mrow(a, mo("⊙"), fenced(mn("1"), mo("−"), a))
	case "tanh":
		return mrow(mn("1"), mo("−"), msup(a, mn("2")))
	case "relu":
		return mrow(mn("1"), mtext(" where z > 0, else "), mn("0"))
	default:
		return mn("1")
	}
}

func (ls *Lesson) general(s *Stage, L int) []string {
	l := s.layer
	switch s.kind {
	case stageInput:
		a := ls.Matrices["a_1"]
		names := rowNames(ls.Inputs, a.Rows)
		entries := make([]string, len(names))
		for i, n := range names {
			entries[i] = mi(n)
		}
		return []string{mathBlock(sym("a", 1), mo("="), column("", entries))}
	case stageZ:
		return []string{mathBlock(sym("z", l), mo("="), sym("w", l), sym("a", l-1), mo("+"), sym("b", l))}
	case stageA:
		if l == L && ls.Regression {
			return []string{mathBlock(sym("a", l), mo("="), sym("z", l))}
		}
		if l == L && ls.Softmax {
			return []string{mathBlock(sym("a", l), mo("="), mi("softmax"), fenced(sym("z", l)), mo("="),
				tag("mfrac", "", mrow(mi("exp"), fenced(sym("z", l))), mrow(mo("∑"), mi("exp"), fenced(sym("z", l)))))}
		}
		return []string{mathBlock(sym("a", l), mo("="), mi("σ"), fenced(sym("z", l)), mo(","), space(), activationML(ls.Activation))}
	case stageY:
		if ls.Regression {
			return []string{mathBlock(mi("y"), mo("="), mtext("the point's value"))}
		}
		if ls.OneHot {
			return []string{mathBlock(mi("y"), mo("="), msub(mi("e"), mi("label")))}
		}
		return []string{mathBlock(mi("y"), mo("="), mtext("convert label"), fenced(mi("label")))}
	case stageCost:
		if ls.Softmax {
			return []string{mathBlock(msub(mi("C"), mi("x")), mo("="), mo("−"), tag("munder", "", mo("∑"), mi("k")),
				msub(mi("y"), mi("k")), mi("log"), msub(mi("a"), mrow(mn(strconv.Itoa(L)), mo(","), mi("k"))))}
		}
		return []string{mathBlock(msub(mi("C"), mi("x")), mo("="), tag("mfrac", "", mn("1"), mn("2")),
			norm(), mi("y"), mo("−"), sym("a", L), msup(norm(), mn("2")))}
	case stageDCDA:
		d := tag("mfrac", "", mrow(mo("∂"), msub(mi("C"), mi("x"))), mrow(mo("∂"), sym("a", L)))
		if ls.Softmax {
			return []string{mathBlock(d, mo("="), mo("−"), mi("y"), mo("⊘"), sym("a", L))}
		}
		return []string{mathBlock(d, mo("="), sym("a", L), mo("−"), mi("y"))}
	case stageDeltaL:
		if ls.Softmax || ls.Regression {
			return []string{mathBlock(sym("δ", L), mo("="), sym("a", L), mo("−"), mi("y"))}
		}
		return []string{
			mathBlock(sym("δ", L), mo("="), fenced(sym("a", L), mo("−"), mi("y")), mo("⊙"), sigmaPrime(), fenced(sym("z", L))),
			mathBlock(sigmaPrime(), fenced(sym("z", L)), mo("="), derivML(ls.Activation, sym("a", L))),
		}
	case stageDelta:
		return []string{
			mathBlock(sym("δ", l), mo("="), fenced(transposed(sym("w", l+1)), sym("δ", l+1)), mo("⊙"), sigmaPrime(), fenced(sym("z", l))),
			mathBlock(sigmaPrime(), fenced(sym("z", l)), mo("="), derivML(ls.Activation, sym("a", l))),
		}
	case stageDB:
		return []string{mathBlock(msub(mi("db"), mi("l")), mo("="), msub(mi("δ"), mi("l")))}
	case stageDW:
		return []string{mathBlock(msub(mi("dw"), mi("l")), mo("="), msub(mi("δ"), mi("l")),
			transposed(msub(mi("a"), mrow(mi("l"), mo("−"), mn("1")))))}
	case stageUpdate:
		var rate []string
		if ls.penalty() {
			rate = []string{mo(","), space(), mi("λ"), mo("="), mn(strconv.FormatFloat(ls.RegRate, 'g', -1, 64))}
		}
		return []string{
			mathBlock(append([]string{msub(mi("w"), mi("l")), mo("−"), mtext("step size"), mo("·"), ls.penalised(msub(mi("dw"), mi("l")), msub(mi("w"), mi("l"))),
				mo("="), newName(msub(mi("w"), mi("l")))}, rate...)...),
			mathBlock(msub(mi("b"), mi("l")), mo("−"), mtext("step size"), mo("·"), msub(mi("db"), mi("l")),
				mo("="), newName(msub(mi("b"), mi("l")))),
		}
	case stageAfter:
		return []string{mathBlock(newName(sym("a", L)), mo("="), mtext("the forward pass again, with the new weights"))}
	}
	return nil
}

// norm is the double bar of ‖y − a‖, asked to stretch as tall as the matrices between (where
// the font has the glyphs for it).
func norm() string { return tag("mo", ` stretchy="true" symmetric="true"`, "‖") }

// newName is "new x".
func newName(x string) string { return mrow(mtext("new"), `<mspace width="0.3em"></mspace>`, x) }

// entries writes a stage's matrix entry by entry, in symbols, as the notebook does for its
// weighted sums and its dw: z_l's for every layer small enough, and dw_2 = δ_2 a_1ᵀ of the
// notebook's 2-3-2 network, where the notebook has its typos.
func (ls *Lesson) entries(s *Stage, L int) []string {
	l := s.layer
	switch {
	case s.kind == stageZ:
		w := ls.m("w", l)
		if w.Rows > expandMax || w.Cols > expandMax {
			return nil
		}
		entries := make([]string, w.Rows)
		for i := range entries {
			var terms []string
			for j := 0; j < w.Cols; j++ {
				terms = append(terms, element("w", l, i+1, j+1), element("a", l-1, j+1), mo("+"))
			}
			entries[i] = mrow(append(terms, element("b", l, i+1))...)
		}
		return []string{mathBlock(sym("z", l), mo("="), column("", entries))}
	case s.kind == stageDW && L == 3:
		dw := ls.m("dw", 2)
		if dw.Rows > expandMax || dw.Cols > expandMax {
			return nil
		}
		cells := make([][]string, dw.Rows)
		for i := range cells {
			cells[i] = make([]string, dw.Cols)
			for j := range cells[i] {
				cells[i][j] = mrow(element("δ", 2, i+1), element("a", 1, j+1))
			}
		}
		return []string{mathBlock(sym("dw", 2), mo("="), sym("δ", 2), transposed(sym("a", 1)),
			mo("="), bracketed("", dw.Rows, dw.Cols, cells))}
	}
	return nil
}

// penalised is the gradient dw, or (dw + λ·w) (L2) or (dw + λ·sign(w)) (L1) in symbols when
// the lesson has a penalty.
func (ls *Lesson) penalised(dw, w string) string {
	if !ls.penalty() {
		return dw
	}
	term := w
	if ls.Reg == PenaltyL1 {
		term = mrow(mi("sign"), fenced(w))
	}
	return fenced(dw, mo("+"), mi("λ"), mo("·"), term)
}

// penalty reports whether the step adds a regulariser's term.
func (ls *Lesson) penalty() bool { return ls.Reg == PenaltyL1 || ls.Reg == PenaltyL2 }

func (ls *Lesson) numbers(s *Stage, L int, prec int) []string {
	l := s.layer
	mx := func(name string) string { return matrix(ls.Matrices[name], prec) }
	at := func(name string, l int) string { return matrix(ls.m(name, l), prec) }
	switch s.kind {
	case stageInput:
		return []string{mathBlock(sym("a", 1), mo("="), mx("a_1"))}
	case stageZ:
		return []string{mathBlock(sym("z", l), mo("="), at("w", l), at("a", l-1), mo("+"), at("b", l), mo("="), at("z", l))}
	case stageA:
		if l == L && ls.Regression {
			return []string{mathBlock(sym("a", l), mo("="), at("z", l), mo("="), at("a", l))}
		}
		f := mi("σ")
		if l == L && ls.Softmax {
			f = mi("softmax")
		}
		return []string{mathBlock(sym("a", l), mo("="), f, fenced(at("z", l)), mo("="), at("a", l))}
	case stageY:
		if ls.Regression {
			return []string{mathBlock(mi("y"), mo("="), ls.labelled(mx("y"), ls.Matrices["y"].Rows))}
		}
		if ls.OneHot {
			return []string{mathBlock(mi("y"), mo("="), msub(mi("e"), mn(strconv.Itoa(ls.Label))), mo("="), ls.labelled(mx("y"), ls.Matrices["y"].Rows))}
		}
		return []string{mathBlock(mi("y"), mo("="), mtext("convert label"), fenced(mn(strconv.Itoa(ls.Label))), mo("="), ls.labelled(mx("y"), ls.Matrices["y"].Rows))}
	case stageCost:
		c := num(ls.Matrices["C_x"].Values[0], prec)
		if ls.Softmax {
			return []string{mathBlock(msub(mi("C"), mi("x")), mo("="), mo("−"), mo("∑"), mx("y"), mo("⊙"), mi("log"), at("a", L), mo("="), c)}
		}
		return []string{mathBlock(msub(mi("C"), mi("x")), mo("="), tag("mfrac", "", mn("1"), mn("2")),
			norm(), mx("y"), mo("−"), at("a", L), msup(norm(), mn("2")), mo("="), c)}
	case stageDCDA:
		d := at("dC_da", L)
		name := tag("mfrac", "", mrow(mo("∂"), msub(mi("C"), mi("x"))), mrow(mo("∂"), sym("a", L)))
		if ls.Softmax {
			return []string{mathBlock(name, mo("="), mo("−"), mx("y"), mo("⊘"), at("a", L), mo("="), d)}
		}
		return []string{mathBlock(name, mo("="), at("a", L), mo("−"), mx("y"), mo("="), d)}
	case stageDeltaL:
		if ls.Softmax || ls.Regression {
			return []string{mathBlock(sym("δ", L), mo("="), at("a", L), mo("−"), mx("y"), mo("="), at("delta", L))}
		}
		return []string{mathBlock(sym("δ", L), mo("="), at("dC_da", L), mo("⊙"), at("sigma_prime", L), mo("="), at("delta", L))}
	case stageDelta:
		return []string{mathBlock(sym("δ", l), mo("="), fenced(transposed(at("w", l+1)), at("delta", l+1)),
			mo("⊙"), at("sigma_prime", l), mo("="), at("delta", l))}
	case stageDB:
		var lines []string
		for k := L; k >= 2; k-- {
			lines = append(lines, mathBlock(sym("db", k), mo("="), sym("δ", k), mo("="), at("db", k)))
		}
		return lines
	case stageDW:
		var lines []string
		for k := L; k >= 2; k-- {
			lines = append(lines, mathBlock(sym("dw", k), mo("="), at("delta", k), transposed(at("a", k-1)), mo("="), at("dw", k)))
		}
		return lines
	case stageUpdate:
		step := mn(strconv.FormatFloat(ls.StepSize, 'g', -1, 64))
		var lines []string
		for k := L; k >= 2; k-- {
			layer := tag("mtext", ` class="rowname"`, "layer "+strconv.Itoa(k)+": ")
			grad := at("dw", k)
			if ls.penalty() {
				// nn's trace holds the penalty's term with λ in it (l2_w_l, l1_w_l).
				grad = fenced(grad, mo("+"), at(ls.Reg+"_w", k))
			}
			lines = append(lines,
				mathBlock(layer, at("w", k), mo("−"), step, mo("·"), grad, mo("="), mx(fmt.Sprintf("w_%d_new", k))),
				mathBlock(layer, at("b", k), mo("−"), step, mo("·"), at("db", k), mo("="), mx(fmt.Sprintf("b_%d_new", k))))
		}
		return lines
	case stageAfter:
		n := ls.Matrices["y"].Rows
		return []string{mathBlock(
			mtext("before:"), space(), sym("a", L), mo("="), ls.labelled(at("a", L), n), space(), space(),
			mtext("after:"), space(), sym("a", L), mo("="), mx(fmt.Sprintf("a_%d_new", L)), space(), space(),
			mtext("target:"), space(), mi("y"), mo("="), mx("y"))}
	}
	return nil
}

// labelled puts the output rows' names (Outputs) to the left of a column of n rows.
func (ls *Lesson) labelled(col string, n int) string {
	names := rowNames(ls.Outputs, n)
	cells := make([][]string, n)
	for i, name := range names {
		cells[i] = []string{tag("mtext", ` class="rowname"`, esc(name))}
	}
	return mrow(table(cells), col)
}

// note says where the notebook's formula for the stage has a typo; its code is right.
func (ls *Lesson) note(s *Stage, L int) string {
	if s.kind == stageUpdate && ls.Reg == PenaltyL1 {
		return "L1 stops a weight at 0 where the λ term would carry it across 0 (as TensorFlow Playground does), so those weights end at exactly 0."
	}
	if L != 3 {
		return ""
	}
	switch {
	case s.kind == stageZ && s.layer == 3:
		return "The notebook's expanded z₃ repeats w₂₂a₂ in its second row where w₂₃a₃ is meant (its code is right); here it is corrected."
	case s.kind == stageDW:
		return "The notebook's expansion of δ₂a₁ᵀ writes the layers of δ₃ and a₂ where δ₂ and a₁ are meant (its code is right); here it is corrected."
	}
	return ""
}

// result says, output by output, how the step moved the output relative to y.
func (ls *Lesson) result(L int) string {
	before, after, y := ls.m("a", L), ls.Matrices[fmt.Sprintf("a_%d_new", L)], ls.Matrices["y"]
	names := rowNames(ls.Outputs, y.Rows)
	var parts []string
	for i := 0; i < y.Rows && i < len(before.Values) && i < len(after.Values); i++ {
		b, a, t := before.Values[i], after.Values[i], y.Values[i]
		way := "towards"
		switch {
		case math.Abs(a-t) > math.Abs(b-t):
			way = "away from"
		case math.Abs(a-t) == math.Abs(b-t):
			way = "no closer to"
		}
		target := formatValue(t, ShortDecimals)
		if t == math.Trunc(t) {
			target = strconv.FormatFloat(t, 'f', 0, 64) // a one-hot 0 or 1
		}
		parts = append(parts, fmt.Sprintf("%s: %s → %s, %s its target %s", names[i],
			formatValue(b, ShortDecimals), formatValue(a, ShortDecimals), way, target))
	}
	return "Output " + strings.Join(parts, "; ") + "."
}
