// Package importfile reads the files a shop imports (order exports of web shops, supplier
// price lists and stock feeds, as CSV or XLSX) into plain Go values, and lists every problem
// it finds with its line and column. It touches no database and no window.
package importfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// MaxFileSize is the largest file Read accepts, in bytes; bigger files are refused whole so a
// wrong pick (a video, a disk image) cannot exhaust memory.
const MaxFileSize = 200 << 20

// maxCells bounds the cells a file may hold (a 100,000-order Shopify export has about 20
// million), so a pathological file of separators is refused instead of filling memory.
const maxCells = 40_000_000

// maxColumns bounds the width of one row; no real export comes near it.
const maxColumns = 2000

// ErrTooLarge says a file is over MaxFileSize.
var ErrTooLarge = errors.New("file too large")

// Table is a file as rows of text cells under a header row.
type Table struct {
	Name       string   // the file's name, for messages
	Header     []string // the header row's cells, trimmed
	HeaderLine int      // the header's line (1 unless blank lines come first)
	Rows       []Row    // the data rows, blank rows left out
}

// Row is one data row of a Table.
type Row struct {
	// Line is the file's physical line where the row starts (the header is line 1 in a file
	// that starts with it); in an XLSX file, the sheet's row number.
	Line  int
	Cells []string // trimmed text; may be shorter or longer than the header
}

// Cell is the row's cell in column i, "" when the column is -1 or the row is shorter.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// Problem is one thing wrong in an imported file, located by line and column.
type Problem struct {
	Line    int    // the file's line (0 when the problem is about the whole file)
	Column  string // the column's header as the file spells it ("" when none)
	Message string // what is wrong and what to do
	Order   string // the number of the order whose rows it is on, when known
}

// String writes the problem as `line 5, "Lineitem quantity": message`.
func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "line %d", p.Line)
	}
	if p.Column != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", p.Column)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Read reads a CSV or XLSX file (XLSX recognised by content, i.e. the zip signature) into a
// Table. name is used in messages only. CSV text may be UTF-8 (with or without BOM), UTF-16
// with BOM, or else is read as Windows-1252; the delimiter (, ; | or tab) is taken from the
// header row.
func Read(r io.Reader, name string) (*Table, error) {
	return readLimited(r, name, MaxFileSize)
}

// readLimited is Read with the size limit given (tests use a small one).
func readLimited(r io.Reader, name string, limit int64) (*Table, error) {
	b, err := readAll(r, limit+1)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is larger than %s, the most one import reads: split it into smaller files: %w",
			name, sizeText(limit), ErrTooLarge)
	}
	switch {
	case IsWorkbook(b):
		return readXLSX(b, name)
	case bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, fmt.Errorf("%s is an old Excel (.xls) workbook: save it as .xlsx or CSV and import that", name)
	}
	text, err := decodeText(b, name)
	if err != nil {
		return nil, err
	}
	return readCSV(text, name)
}

// readAll reads up to limit bytes of r in one buffer the size of the file, when r can say
// it (a file, a bytes.Reader): io.ReadAll would grow it step by step, copying 100 MB of
// export several times over.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	size := int64(-1)
	switch x := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := x.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	case interface{ Len() int }:
		size = int64(x.Len())
	}
	if size < 0 {
		return io.ReadAll(io.LimitReader(r, limit))
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(size, limit)+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(r, limit))
	return buf.Bytes(), err
}

// IsWorkbook says whether a file beginning with b is an .xlsx workbook (a zip archive).
func IsWorkbook(b []byte) bool { return bytes.HasPrefix(b, []byte("PK\x03\x04")) }

// sizeText writes a byte count for people ("200 MB", "512 bytes").
func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// newTable makes a Table from rows in file order; the first non-blank row is the header.
func newTable(name string, rows []Row) (*Table, error) {
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s is empty: it needs a header row naming the columns", name)
	}
	return &Table{Name: name, Header: rows[0].Cells, HeaderLine: rows[0].Line, Rows: rows[1:]}, nil
}

// blank says every cell of a row is empty (a blank line or a spacer row like ";;;;").
func blank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// trimTrailing drops empty cells at the end of a row; they carry nothing and cost memory.
func trimTrailing(cells []string) []string {
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	return cells[:n]
}
