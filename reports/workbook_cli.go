//go:build cli

package reports

import "io"

// WritesWorkbooks says whether this binary makes .xlsx workbooks: not the command binary
// (built with the "cli" tag), whose workbook writers return ErrNotInThisBinary.
const WritesWorkbooks = false

// WriteWorkbook is left out of the command binary: it returns ErrNotInThisBinary.
func WriteWorkbook(io.Writer, Workbook) error { return ErrNotInThisBinary }

// WriteReturnsWorkbook is left out of the command binary: it returns ErrNotInThisBinary.
func WriteReturnsWorkbook(io.Writer, ReturnsWorkbook) error { return ErrNotInThisBinary }
