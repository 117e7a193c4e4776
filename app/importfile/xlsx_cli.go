//go:build cli

package importfile

import (
	"fmt"

	"clockwork/reports"
)

// ReadsWorkbooks says whether this binary reads .xlsx files: not the command binary (built
// with the "cli" tag), which leaves the Excel library out.
const ReadsWorkbooks = false

// readXLSX is left out of the command binary: it refuses with reports.ErrNotInThisBinary.
func readXLSX(_ []byte, name string) (*Table, error) {
	return nil, fmt.Errorf("%s: %w", name, reports.ErrNotInThisBinary)
}
