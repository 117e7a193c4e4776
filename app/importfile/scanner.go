package importfile

import (
	"fmt"
	"strings"
	"time"
)

// scanner walks a date-time text left to right.
type scanner struct {
	s string
	i int
}

func (sc *scanner) end() bool { return sc.i >= len(sc.s) }

func (sc *scanner) peek() byte {
	if sc.end() {
		return 0
	}
	return sc.s[sc.i]
}

// number reads up to max digits; n is how many were read (0: none).
func (sc *scanner) number(max int) (v, n int) {
	for n < max && !sc.end() && sc.s[sc.i] >= '0' && sc.s[sc.i] <= '9' {
		v = v*10 + int(sc.s[sc.i]-'0')
		sc.i++
		n++
	}
	return v, n
}

// oneOf moves past one byte if it is among chars.
func (sc *scanner) oneOf(chars string) bool {
	if !sc.end() && strings.IndexByte(chars, sc.s[sc.i]) >= 0 {
		sc.i++
		return true
	}
	return false
}

// skip moves past any run of the given bytes.
func (sc *scanner) skip(chars string) {
	for sc.oneOf(chars) {
	}
}

// word reads a run of ASCII letters.
func (sc *scanner) word() string {
	start := sc.i
	for !sc.end() {
		c := sc.s[sc.i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		sc.i++
	}
	return sc.s[start:sc.i]
}

// clock reads an optional time of day after the date: "T15:51:23", " 15:51", " 3:51 PM",
// with optional fractions of a second.
func (sc *scanner) clock() (hh, mm, ss, ns int, err error) {
	start := sc.i
	if !sc.oneOf("T ") {
		return 0, 0, 0, 0, nil
	}
	sc.skip(" ")
	h, nh := sc.number(2)
	if nh == 0 {
		sc.i = start // no time: perhaps a zone follows, or nothing
		return 0, 0, 0, 0, nil
	}
	if !sc.oneOf(":") {
		return 0, 0, 0, 0, fmt.Errorf("the time needs minutes, like 14:05")
	}
	mm, nm := sc.number(2)
	if nm != 2 {
		return 0, 0, 0, 0, fmt.Errorf("the time needs two-digit minutes, like 14:05")
	}
	if sc.oneOf(":") {
		if ss, _ = sc.number(2); sc.oneOf(".,") {
			ns = sc.fraction()
		}
	}
	return sc.meridiem(h, mm, ss, ns)
}

// fraction reads the digits of a fraction of a second as nanoseconds.
func (sc *scanner) fraction() int {
	ns, scale := 0, 100_000_000
	for !sc.end() && sc.s[sc.i] >= '0' && sc.s[sc.i] <= '9' {
		ns += int(sc.s[sc.i]-'0') * scale
		scale /= 10
		sc.i++
	}
	return ns
}

// meridiem applies an optional AM/PM to a 12-hour time.
func (sc *scanner) meridiem(h, mm, ss, ns int) (int, int, int, int, error) {
	save := sc.i
	sc.skip(" ")
	switch strings.ToLower(sc.word()) {
	case "am":
		if h < 1 || h > 12 {
			return 0, 0, 0, 0, fmt.Errorf("%d AM is not an hour", h)
		}
		return h % 12, mm, ss, ns, nil
	case "pm":
		if h < 1 || h > 12 {
			return 0, 0, 0, 0, fmt.Errorf("%d PM is not an hour", h)
		}
		return h%12 + 12, mm, ss, ns, nil
	}
	sc.i = save
	return h, mm, ss, ns, nil
}

// zone reads an optional offset or zone name: "Z", "-0800", "+01:00", "UTC", "GMT"; without
// one the time is in loc.
func (sc *scanner) zone(loc *time.Location) (*time.Location, error) {
	sc.skip(" ")
	if sc.end() {
		return loc, nil
	}
	switch c := sc.peek(); c {
	case 'Z', 'z':
		sc.i++
		return time.UTC, nil
	case '+', '-':
		sc.i++
		h, nh := sc.number(2)
		sc.oneOf(":")
		m, _ := sc.number(2)
		if nh != 2 || h > 14 || m > 59 {
			return nil, fmt.Errorf("bad offset")
		}
		off := (h*60 + m) * 60
		if c == '-' {
			off = -off
		}
		return time.FixedZone("", off), nil
	}
	switch strings.ToUpper(sc.word()) {
	case "UTC", "GMT":
		return time.UTC, nil
	}
	return nil, fmt.Errorf("unknown zone")
}
