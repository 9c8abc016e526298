package app

import (
	"html"
	"strconv"
	"strings"
)

// The walk-through's formulas are MathML Core, which browsers typeset natively: no script
// library, no inline style (the page's CSP allows neither). These helpers build it as text,
// escaping every piece of text they are given; the element names and attributes are this
// file's own.

// Decimals shown in the walk-through: the notebook prints 3 (numpy's precision=3); the
// all-stages view and the hover text show more.
const (
	ShortDecimals = 3
	LongDecimals  = 5
)

func tag(name, attrs string, children ...string) string {
	var b strings.Builder
	b.WriteString("<" + name + attrs + ">")
	for _, c := range children {
		b.WriteString(c)
	}
	b.WriteString("</" + name + ">")
	return b.String()
}

func esc(s string) string { return html.EscapeString(s) }

func mi(s string) string    { return tag("mi", "", esc(s)) }
func mn(s string) string    { return tag("mn", "", esc(s)) }
func mo(s string) string    { return tag("mo", "", esc(s)) }
func mtext(s string) string { return tag("mtext", "", esc(s)) }
func mrow(cs ...string) string {
	return tag("mrow", "", cs...)
}
func msub(base, sub string) string { return tag("msub", "", base, sub) }
func msup(base, sup string) string { return tag("msup", "", base, sup) }

// space is a thin gap between the parts of a formula.
func space() string { return `<mspace width="0.5em"></mspace>` }

// mathBlock wraps a formula in a displayed <math>.
func mathBlock(cs ...string) string {
	return tag("math", ` display="block"`, mrow(cs...))
}

// num is a value as the walk-through prints it: prec decimals, with all its digits in the
// element's title (shown on hover). A zero is printed without sign, as numpy prints it; a
// small negative value keeps its sign (-0.000), as numpy's suppress=True does.
func num(v float64, prec int) string {
	return tag("mn", ` title="`+strconv.FormatFloat(v, 'g', -1, 64)+`"`, esc(formatValue(v, prec)))
}

// formatValue prints v with prec decimals; see num.
func formatValue(v float64, prec int) string {
	if v == 0 {
		v = 0 // no "-0.000" for a negative zero
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// sym is a notebook name with its layer as a subscript: w_2 as w₂, delta_3 as δ₃.
func sym(base string, layer int) string {
	return msub(mi(base), mn(strconv.Itoa(layer)))
}

// transposed puts ᵀ on x.
func transposed(x string) string { return msup(x, mi("T")) }

// sigmaPrime is σ′. The prime's glyph is raised already: a superscript would lift it twice.
func sigmaPrime() string { return mrow(mi("σ"), tag("mo", ` lspace="0" rspace="0"`, "′")) }

// fenced is ( x ).
func fenced(cs ...string) string { return mrow(append(append([]string{mo("(")}, cs...), mo(")"))...) }

// element is the notebook's name of one entry: w_ij with the layer as a superscript in
// parentheses, w₂₃⁽³⁾ (1-based).
func element(base string, layer int, idx ...int) string {
	var sub []string
	for _, i := range idx {
		sub = append(sub, strconv.Itoa(i))
	}
	return tag("msubsup", "", mi(base), mn(strings.Join(sub, "")), mrow(mo("("), mn(strconv.Itoa(layer)), mo(")")))
}

// table is an mtable of cells, row by row.
func table(cells [][]string) string {
	var b strings.Builder
	b.WriteString("<mtable>")
	for _, row := range cells {
		b.WriteString("<mtr>")
		for _, c := range row {
			b.WriteString(tag("mtd", "", c))
		}
		b.WriteString("</mtr>")
	}
	b.WriteString("</mtable>")
	return b.String()
}

// bracketed is a matrix of cells in brackets with its shape under it (3×2), as the notebook
// writes it; name (the notebook's name, e.g. w_2) goes in data-name for scripts and tests,
// unless it is "" (a matrix of symbols).
func bracketed(name string, rows, cols int, cells [][]string) string {
	body := mrow(mo("["), table(cells), mo("]"))
	shape := tag("mtext", ` class="shape"`, strconv.Itoa(rows)+"×"+strconv.Itoa(cols))
	attrs := ` class="matrix"`
	if name != "" {
		attrs += ` data-name="` + esc(name) + `"`
	}
	return tag("mrow", attrs, tag("munder", "", body, shape))
}

// matrix is m's values in brackets, each to prec decimals.
func matrix(m Matrix, prec int) string {
	cells := make([][]string, m.Rows)
	for r := range cells {
		cells[r] = make([]string, m.Cols)
		for c := range cells[r] {
			cells[r][c] = num(m.Values[r*m.Cols+c], prec)
		}
	}
	return bracketed(m.Name, m.Rows, m.Cols, cells)
}

// column is a column of symbols in brackets (the general form of a vector).
func column(name string, entries []string) string {
	cells := make([][]string, len(entries))
	for i, e := range entries {
		cells[i] = []string{e}
	}
	return bracketed(name, len(entries), 1, cells)
}
