package app

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

// visibleText parses one <math> element strictly as XML and returns the text a reader sees
// (the character data, without attributes), failing the test if it is not well-formed or not
// one <math> element.
func visibleText(t *testing.T, where, markup string) string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(markup))
	d.Strict = true
	var text strings.Builder
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed: %v\n%s", where, err, markup)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if tok.Name.Local != "math" {
					t.Errorf("%s: the root is <%s>, want <math>", where, tok.Name.Local)
				}
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && strings.TrimSpace(string(tok)) != "" {
				t.Errorf("%s: text outside <math>: %q", where, tok)
			}
			text.Write(tok)
		}
	}
	if roots != 1 {
		t.Errorf("%s: %d root elements, want one <math>", where, roots)
	}
	return text.String()
}

func lessonFor(t *testing.T, cfg nn.Config, point int, params nn.Params) Lesson {
	t.Helper()
	s := DefaultSettings()
	s.Net = cfg
	_, ls := lessonOn(t, s, nn.NotebookData(), params, point)
	return ls
}

// lessonOn opens the walk-through of point i on a playground of s and pts (starting from params
// when given) and returns the playground and the lesson.
func lessonOn(t *testing.T, s Settings, pts []nn.Point, params nn.Params, i int) (*State, Lesson) {
	t.Helper()
	st, err := New(s, pts, params)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Teach(i); err != nil {
		t.Fatal(err)
	}
	ls, ok, err := st.Lesson()
	if err != nil || !ok {
		t.Fatalf("lesson of point %d: ok %v, %v", i, ok, err)
	}
	return st, ls
}

// TestTypesetStagesAreMathML checks every stage's formulas, for several networks, as MathML:
// well-formed, one <math> per line, no literal underscore in what a reader sees, and every
// value the stage shows printed in its numbers, to 3 decimals and to 5 in the full form.
func TestTypesetStagesAreMathML(t *testing.T) {
	for _, cfg := range []nn.Config{
		nn.DefaultConfig(),
		{Layers: []int{2, 4, 3, 2}, Activation: nn.Tanh, Cost: nn.Quadratic, Seed: 3},
		{Layers: []int{2, 5, 2}, Activation: nn.ReLU, Cost: nn.CrossEntropy, Seed: 8},
		{Layers: []int{2, 2}, Activation: nn.Linear, Cost: nn.Quadratic, Seed: 2},
		{Layers: []int{2, 6, 6, 6, 2}, Activation: nn.Sigmoid, Cost: nn.CrossEntropy, Seed: 5},
		{Layers: []int{2, 4, 1}, Activation: nn.Tanh, Cost: nn.Quadratic, Seed: 4, Task: nn.Task{Problem: nn.Regression}},
		{Layers: []int{4, 3, 2}, Activation: nn.ReLU, Cost: nn.Quadratic, Seed: 6,
			Task: nn.Task{Features: []nn.Feature{nn.FeatX, nn.FeatY, nn.FeatX2, nn.FeatSinY}}},
	} {
		checkTypeset(t, cfgName(cfg), lessonFor(t, cfg, 3, nil))
	}
	// Three classes: y = e_k, with the classes' names on its rows.
	su, _ := ParseQuery("classes=3&data=blobs&n=30&layers=2,4,3&cost=crossentropy")
	_, ls := lessonOn(t, su.Settings, su.Points, nil, 0)
	checkTypeset(t, "3 classes", ls)
	y := visibleText(t, "3 classes y", ls.Stages[5].Numbers[0])
	if !strings.Contains(y, "e"+formatValue(float64(ls.Label), 0)) || !strings.Contains(y, "class 3") {
		t.Errorf("3 classes: y's numbers read %q, want e_label and the classes' names", y)
	}
}

// checkTypeset checks one lesson's stages as TestTypesetStagesAreMathML says.
func checkTypeset(t *testing.T, name string, ls Lesson) {
	t.Helper()
	for k, s := range ls.Stages {
		where := func(part string) string { return name + " stage " + s.Title + " " + part }
		if s.Why == "" || strings.Contains(s.Why, "_") {
			t.Errorf("%s: why %q: want one plain sentence without underscores", where("why"), s.Why)
		}
		if len(s.General) == 0 || len(s.Numbers) == 0 || len(s.Numbers) != len(s.Full) {
			t.Errorf("%s: %d general, %d numbers, %d full lines", where(""), len(s.General), len(s.Numbers), len(s.Full))
			continue
		}
		for _, line := range append(s.General, s.Entries...) {
			if text := visibleText(t, where("general"), line); strings.Contains(text, "_") {
				t.Errorf("%s shows an underscore: %q", where("general"), text)
			}
		}
		short, full := "", ""
		for i := range s.Numbers {
			short += visibleText(t, where("numbers"), s.Numbers[i])
			full += visibleText(t, where("full"), s.Full[i])
		}
		if strings.Contains(short+full, "_") {
			t.Errorf("%s shows an underscore: %q", where("numbers"), short)
		}
		for _, name := range s.Show {
			for _, v := range ls.Matrices[name].Values {
				if !strings.Contains(short, formatValue(v, ShortDecimals)) {
					t.Errorf("%s lacks %s's %s", where("numbers"), name, formatValue(v, ShortDecimals))
				}
				if !strings.Contains(full, formatValue(v, LongDecimals)) {
					t.Errorf("%s lacks %s's %s", where("full"), name, formatValue(v, LongDecimals))
				}
			}
		}
		if s.kind == stageInput {
			for _, name := range ls.Inputs {
				if !strings.Contains(visibleText(t, where("general"), s.General[0]), name) {
					t.Errorf("%s: a_1 lacks the input %q", where("general"), name)
				}
			}
		}
		if k == len(ls.Stages)-1 && !strings.Contains(s.Result, "towards") && !strings.Contains(s.Result, "away") && !strings.Contains(s.Result, "no closer") {
			t.Errorf("%s: the last stage's result %q says nothing of y", where("result"), s.Result)
		}
	}
}

func cfgName(cfg nn.Config) string {
	var b strings.Builder
	for i, n := range cfg.Layers {
		if i > 0 {
			b.WriteString("-")
		}
		b.WriteString(formatValue(float64(n), 0))
	}
	return b.String() + " " + cfg.Activation.String()
}

// TestUpdateStageShowsEveryLayer checks that the update stage is w − step size · dw = new w
// and the same for b, for every layer, with the three matrices side by side.
func TestUpdateStageShowsEveryLayer(t *testing.T) {
	ls := lessonFor(t, nn.Config{Layers: []int{2, 4, 3, 2}, Activation: nn.Tanh, Cost: nn.Quadratic, Seed: 3}, 0, nil)
	up := ls.Stages[len(ls.Stages)-2]
	if up.kind != stageUpdate {
		t.Fatalf("the second to last stage is %q", up.Title)
	}
	if len(up.Numbers) != 2*3 {
		t.Fatalf("%d update lines, want w and b for 3 layers", len(up.Numbers))
	}
	for i, l := range []string{"4", "3", "2"} {
		w, b := up.Numbers[2*i], up.Numbers[2*i+1]
		for _, want := range []string{`data-name="w_` + l + `"`, `data-name="dw_` + l + `"`, `data-name="w_` + l + `_new"`, "−", "0.1"} {
			if !strings.Contains(w, want) {
				t.Errorf("layer %s's update lacks %s", l, want)
			}
		}
		if strings.Index(w, `"w_`+l+`"`) > strings.Index(w, `"dw_`+l+`"`) || strings.Index(w, `"dw_`+l+`"`) > strings.Index(w, `"w_`+l+`_new"`) {
			t.Errorf("layer %s's update is not w, dw, new w in order", l)
		}
		for _, want := range []string{`data-name="b_` + l + `"`, `data-name="db_` + l + `"`, `data-name="b_` + l + `_new"`} {
			if !strings.Contains(b, want) {
				t.Errorf("layer %s's bias update lacks %s", l, want)
			}
		}
	}
	if strings.Contains(strings.Join(up.General, ""), "λ") {
		t.Error("the update shows a penalty the lesson does not have")
	}
}

// TestUpdateStageShowsAPenalty checks the regulariser's term in the update: + λ·w for L2 and
// + λ·sign(w) for L1 with the rate beside it, and in the numbers nn's matrix of the term
// (l2_w_l, l1_w_l) inside the gradient, for every layer; L1 says where it stops at 0.
func TestUpdateStageShowsAPenalty(t *testing.T) {
	for _, c := range []struct {
		reg  nn.Regularization
		term string
	}{{nn.L2, "λ·w"}, {nn.L1, "λ·sign(w"}} {
		s := DefaultSettings()
		s.Train.Reg, s.Train.RegRate = c.reg, 0.003
		_, ls := lessonOn(t, s, nn.NotebookData(), nn.NotebookParams(), 0)
		checkTypeset(t, c.reg.String(), ls)
		up := ls.Stages[12]
		general := strings.ReplaceAll(visibleText(t, c.reg.String(), up.General[0]), " ", "")
		if !strings.Contains(general, c.term) || !strings.Contains(general, "λ=0.003") {
			t.Errorf("%v: the general update %q lacks %s and λ = 0.003", c.reg, general, c.term)
		}
		for i, l := range []int{3, 2} {
			name := fmt.Sprintf("%v_w_%d", c.reg, l)
			line := up.Numbers[2*i]
			if !strings.Contains(line, `data-name="`+name+`"`) {
				t.Errorf("%v: layer %d's update lacks %s", c.reg, l, name)
			}
			text := visibleText(t, name, line)
			for _, v := range ls.Matrices[name].Values {
				if !strings.Contains(text, formatValue(v, ShortDecimals)) {
					t.Errorf("%v: layer %d's update lacks %s's %s", c.reg, l, name, formatValue(v, ShortDecimals))
				}
			}
		}
		if (c.reg == nn.L1) != (up.Note != "") {
			t.Errorf("%v: the update's note is %q", c.reg, up.Note)
		}
	}
}

// TestNotebookTyposAreNoted checks the two corrected formulas: z₃'s second row reads w₂₃a₃,
// and dw₂ = δ₂a₁ᵀ is expanded with layer 2's δ and layer 1's a.
func TestNotebookTyposAreNoted(t *testing.T) {
	ls := lessonFor(t, nn.DefaultConfig(), 0, nn.NotebookParams())
	z3, dw := ls.Stages[3], ls.Stages[11]
	if z3.Note == "" || dw.Note == "" {
		t.Fatalf("notes: z₃ %q, dw %q", z3.Note, dw.Note)
	}
	if len(z3.Entries) < 1 || !strings.Contains(z3.Entries[0], element("w", 3, 2, 3)+element("a", 2, 3)) {
		t.Errorf("z₃'s expansion lacks w₂₃⁽³⁾a₃⁽²⁾ in its second row")
	}
	if len(dw.Entries) < 1 || !strings.Contains(dw.Entries[0], mrow(element("δ", 2, 3), element("a", 1, 2))) {
		t.Errorf("dw₂'s expansion lacks δ₃⁽²⁾a₂⁽¹⁾")
	}
	for k, s := range ls.Stages {
		if k != 3 && k != 11 && s.Note != "" {
			t.Errorf("stage %d notes %q", k+1, s.Note)
		}
	}
}

func TestFormatValueIsNumpys(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{0.54250, "0.542"}, {-0.0001, "-0.000"}, {0, "0.000"}, {math.Copysign(0, -1), "0.000"}, {0.13468, "0.135"}} {
		if got := formatValue(c.v, 3); got != c.want {
			t.Errorf("formatValue(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}
