package importfile

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decodeText turns a text file's bytes into UTF-8: a UTF-8 BOM is dropped, UTF-16 with a BOM
// (Excel's "Unicode text") is converted, and bytes that are not valid UTF-8 are read as
// Windows-1252, the superset of Latin-1 that older Windows and Excel exports use.
func decodeText(b []byte, name string) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(b)
		if err != nil {
			return "", fmt.Errorf("%s: not readable as UTF-16 text: %w", name, err)
		}
		b = out
	}
	if looksBinary(b) {
		return "", fmt.Errorf("%s is not a text (CSV) or XLSX file: export it from your shop or spreadsheet as CSV or XLSX", name)
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("%s: neither UTF-8 nor Windows-1252 text: %w", name, err)
	}
	return string(out), nil
}

// looksBinary says the start of the data holds NUL bytes, which no CSV file has.
func looksBinary(b []byte) bool {
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	return bytes.IndexByte(head, 0) >= 0
}
