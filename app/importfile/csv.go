package importfile

import (
	"fmt"
	"strings"
)

// readCSV splits decoded text into a Table. It is written out rather than using
// encoding/csv because real exports need leniency there (a bare " inside an unquoted cell,
// as in `24" monitor`, is kept as text) and strictness elsewhere (a quoted cell that never
// closes is an error naming the line it starts on, not a silently swallowed file).
func readCSV(text, name string) (*Table, error) {
	p := csvParser{text: text, delim: sniffDelimiter(text), line: 1}
	rows := make([]Row, 0, strings.Count(text, "\n")+1) // a row a line, but for quoted newlines
	cells := 0
	for !p.done() {
		line := p.line
		rec, err := p.record()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if blank(rec) {
			continue
		}
		rec = trimTrailing(rec)
		if cells += len(rec); cells > maxCells {
			return nil, fmt.Errorf("%s has more than %d million cells, more than one import handles: split it", name, maxCells/1_000_000)
		}
		rows = append(rows, Row{Line: line, Cells: rec})
	}
	return newTable(name, rows)
}

// sniffDelimiter picks the separator that occurs most often, outside quotes, in the first
// record (the header): a comma, a semicolon (European Excel), a pipe or a tab.
func sniffDelimiter(text string) byte {
	counts := map[byte]int{}
	quoted := false
	text = strings.TrimLeft(text, "\r\n")
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if c == '\n' || c == '\r' {
			break
		}
		counts[c]++
	}
	best := byte(',')
	for _, d := range []byte{';', '\t', '|'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

// csvParser walks CSV text record by record, counting physical lines.
type csvParser struct {
	text   string
	pos    int
	line   int
	delim  byte
	buf    []string // the record being read
	slab   []string // space for the records' cells still free (its length is 0)
	widest int      // the most cells a record had so far
}

func (p *csvParser) done() bool { return p.pos >= len(p.text) }

// record reads one record and moves past its line ending. The cells are trimmed. They are
// written straight into the slab, which hands out space for many records at once: one
// allocation per thousands of cells rather than one a record (an export of 250,000 rows).
func (p *csvParser) record() ([]string, error) {
	if cap(p.slab) < p.widest {
		p.slab = make([]string, 0, max(p.widest, slabCells))
	}
	p.buf = p.slab[:0]
	for {
		cell, end, err := p.cell()
		if err != nil {
			return nil, err
		}
		p.buf = append(p.buf, strings.TrimSpace(cell)) // past the slab's end: an array of its own
		if len(p.buf) > maxColumns {
			return nil, fmt.Errorf("line %d has more than %d columns: this does not look like an export (check the separator)", p.line, maxColumns)
		}
		if end {
			n := len(p.buf)
			p.widest = max(p.widest, n)
			if cap(p.buf) == cap(p.slab) { // in the slab: the space is taken
				p.slab = p.slab[n:n]
			}
			return p.buf[:n:n], nil
		}
	}
}

// slabCells is how many cells the slab takes at a time.
const slabCells = 1 << 14

// cell reads one cell; end reports that it was the last of its record.
func (p *csvParser) cell() (string, bool, error) {
	start := p.pos
	for p.pos < len(p.text) && (p.text[p.pos] == ' ' || p.text[p.pos] == '\t') && p.text[p.pos] != p.delim {
		p.pos++
	}
	if p.pos < len(p.text) && p.text[p.pos] == '"' {
		return p.quoted()
	}
	p.pos = start
	for p.pos < len(p.text) {
		c := p.text[p.pos]
		switch {
		case c == p.delim:
			p.pos++
			return p.text[start : p.pos-1], false, nil
		case c == '\n' || c == '\r':
			s := p.text[start:p.pos]
			p.newline()
			return s, true, nil
		}
		p.pos++
	}
	return p.text[start:], true, nil
}

// quoted reads a quoted cell starting at the opening quote; "" inside is one quote, and
// newlines inside belong to the cell.
func (p *csvParser) quoted() (string, bool, error) {
	startLine := p.line
	p.pos++
	var b strings.Builder
	from := p.pos
	for {
		i := strings.IndexAny(p.text[p.pos:], "\"\n\r")
		if i < 0 {
			return "", false, fmt.Errorf("line %d: a quoted cell starts here and never ends: add the closing \" (a quote inside a cell is written \"\")", startLine)
		}
		p.pos += i
		switch p.text[p.pos] {
		case '\r', '\n':
			b.WriteString(p.text[from:p.pos])
			b.WriteByte('\n')
			p.newline()
			from = p.pos
			continue
		}
		closing := p.pos
		p.pos++
		if p.pos < len(p.text) && p.text[p.pos] == '"' {
			b.WriteString(p.text[from:closing])
			b.WriteByte('"')
			p.pos++
			from = p.pos
			continue
		}
		if b.Len() == 0 { // no escapes or newlines: the cell is a slice of the text
			return p.afterQuote(p.text[from:closing])
		}
		b.WriteString(p.text[from:closing])
		return p.afterQuote(b.String())
	}
}

// afterQuote checks what follows a closing quote: a separator, a line end, or the end of
// the file, with only spaces between.
func (p *csvParser) afterQuote(s string) (string, bool, error) {
	for p.pos < len(p.text) && (p.text[p.pos] == ' ' || p.text[p.pos] == '\t') && p.text[p.pos] != p.delim {
		p.pos++
	}
	if p.pos >= len(p.text) {
		return s, true, nil
	}
	switch c := p.text[p.pos]; {
	case c == p.delim:
		p.pos++
		return s, false, nil
	case c == '\n' || c == '\r':
		p.newline()
		return s, true, nil
	}
	return "", false, fmt.Errorf("line %d: text follows the closing quote of a cell: a quote inside a quoted cell must be doubled (\"\")", p.line)
}

// newline moves past one line ending (\n, \r\n or a lone \r) and counts the line.
func (p *csvParser) newline() {
	if p.text[p.pos] == '\r' && p.pos+1 < len(p.text) && p.text[p.pos+1] == '\n' {
		p.pos++
	}
	p.pos++
	p.line++
}
