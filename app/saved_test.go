package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

func TestCheckSavedRefusesWhatItCannotRead(t *testing.T) {
	for _, saved := range []string{"not a query {{{", "layers=2,x,2", "lr=1000&colour=red", "points=%zz"} {
		err := CheckSaved(saved)
		var se *SavedError
		if !errors.As(err, &se) || len(se.Problems) == 0 {
			t.Errorf("CheckSaved(%q) = %v; want a *SavedError with its problems", saved, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), "the saved state could not be read: ") {
			t.Errorf("CheckSaved(%q) says %q; want it to say the saved state could not be read", saved, err)
		}
	}
	err := CheckSaved("not a query {{{")
	if !strings.Contains(err.Error(), `not a query {{{: is not a parameter`) {
		t.Errorf("the error %q does not name what could not be read", err)
	}
}

func TestCheckSavedReadsWhatShareQueryWrote(t *testing.T) {
	st, err := New(DefaultSettings(), nn.NotebookData(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddPoint(0.25, -1.5, 1); err != nil {
		t.Fatal(err)
	}
	for _, withWeights := range []bool{false, true} {
		if err := CheckSaved(st.ShareQuery(withWeights)); err != nil {
			t.Errorf("a saved share query (weights %v) does not read back: %v", withWeights, err)
		}
	}
	if err := CheckSaved(""); err != nil {
		t.Errorf("an empty saved state: %v", err)
	}
}

func TestSavedErrorNamesAFewProblems(t *testing.T) {
	long := strings.Repeat("x", 500)
	err := CheckSaved("a=1&b=2&c=3&d=4&e=5&" + long + "=1")
	msg := err.Error()
	if !strings.Contains(msg, "a: is not a parameter") || !strings.Contains(msg, "and 3 more") {
		t.Errorf("%q: want the first problems and how many more", msg)
	}
	if len(msg) > 3*(savedProblemLen+10)+100 {
		t.Errorf("the message is %d characters long; want a few problems, each cut short", len(msg))
	}
}

func TestSetAsideNoticeSaysWhatHappenedAndWhereTheTextIs(t *testing.T) {
	err := CheckSaved("not a query {{{")
	got := SetAsideNotice(err, "nnviz-unreadable:/")
	for _, want := range []string{"could not be read", "set aside", `"nnviz-unreadable:/"`, "not a query {{{"} {
		if !strings.Contains(got, want) {
			t.Errorf("the notice %q lacks %q", got, want)
		}
	}
	for _, wrong := range []string{"are back", "address"} {
		if strings.Contains(got, wrong) {
			t.Errorf("the notice %q says %q", got, wrong)
		}
	}
	if got := SetAsideNotice(err, ""); !strings.Contains(got, "does not save over it") {
		t.Errorf("without a copy the notice %q must say the text stays and is not overwritten", got)
	}
}
