package app

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with input, located as precisely as it can be.
type Problem struct {
	File    string // "" when not from a file
	Line    int    // 0 when not known
	Field   string
	Message string // what is wrong and what to do
}

func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
	} else if p.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", p.Line)
	}
	if p.Field != "" {
		b.WriteString(p.Field + ": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// InputError is bad input from the user or a file. Nothing was written.
type InputError struct {
	Problems []Problem
	// Confirm marks input that is possible but unusual (a delivery far beyond what was
	// ordered): asked again with confirmation, the action takes it.
	Confirm bool
}

func (e *InputError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0].String()
	}
	return fmt.Sprintf("%d problems, nothing was saved; first: %s", len(e.Problems), e.Problems[0])
}

// problems collects Problems while checking input.
type problems []Problem

func (ps *problems) add(field, format string, args ...any) {
	*ps = append(*ps, Problem{Field: field, Message: fmt.Sprintf(format, args...)})
}

// err is nil when nothing was collected, else an *InputError.
func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return &InputError{Problems: ps}
}

// invalid is an InputError with one problem.
func invalid(field, format string, args ...any) error {
	return &InputError{Problems: []Problem{{Field: field, Message: fmt.Sprintf(format, args...)}}}
}
