package app

import (
	"fmt"
	"strings"
)

// SavedError says why a learner's saved state (the query that ShareQuery wrote and the page
// kept in the browser) cannot be read: the problems ParseQuery found in it.
type SavedError struct {
	Problems []Problem
}

// savedShown is how many of a saved state's problems SavedError names.
const savedShown = 3

// savedProblemLen is how much of each problem SavedError quotes, in characters.
const savedProblemLen = 120

// Error says why the saved state could not be used.
func (e *SavedError) Error() string {
	var b strings.Builder
	b.WriteString("the saved state could not be read: ")
	for k, p := range e.Problems[:min(len(e.Problems), savedShown)] {
		if k > 0 {
			b.WriteString("; ")
		}
		msg := []rune(p.Error())
		if len(msg) > savedProblemLen {
			msg = append(msg[:savedProblemLen], '…')
		}
		b.WriteString(string(msg))
	}
	if more := len(e.Problems) - savedShown; more > 0 {
		fmt.Fprintf(&b, "; and %d more", more)
	}
	return b.String()
}

// CheckSaved reports whether saved, a state the page kept for the learner, reads back whole:
// nil, or a *SavedError naming its problems. A saved state with any problem is not used in
// part: the page sets it aside whole and starts from its address, so that nothing in it is
// silently dropped or overwritten.
func CheckSaved(saved string) error {
	if _, probs := ParseQuery(saved); len(probs) > 0 {
		return &SavedError{Problems: probs}
	}
	return nil
}

// SetAsideNotice is what the page says when the learner's saved state could not be read:
// what happened, why, and the browser storage key under which the saved text is kept.
func SetAsideNotice(err error, key string) string {
	kept := "The saved text could not be copied aside, so it stays where it was and this page does not save over it."
	if key != "" {
		kept = fmt.Sprintf("Nothing is lost: the saved text is kept in this browser's localStorage under the key %q.", key)
	}
	why := strings.TrimPrefix(err.Error(), "the saved state could not be read: ")
	if !strings.HasSuffix(why, "…") {
		why += "."
	}
	return "Your saved work from last time could not be read, so it was set aside and this page starts from its own settings. " +
		kept + " (Why: " + why + ")"
}
