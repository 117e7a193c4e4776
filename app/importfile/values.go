package importfile

import (
	"fmt"
	"strconv"
	"strings"

	"clockwork/data"
)

// value is a row's cell in column i with the placeholders some exporters write for "no
// value" ("null", "NULL") read as empty.
func value(r Row, i int) string {
	v := r.Cell(i)
	if v == "null" || v == "NULL" {
		return ""
	}
	return v
}

// parseAmount reads a money cell; the message says how to write one.
func parseAmount(s string) (data.Money, error) {
	if m, ok := plainAmount(s); ok {
		return m, nil
	}
	m, err := data.ParseMoney(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not an amount of money: write it like 12.50", s)
	}
	return m, nil
}

// maxCountDigits keeps counts far from int overflow (up to 999,999,999).
const maxCountDigits = 9

// parseCount reads a whole number as files carry it: "12", "1,000", "1'000", "12.00" (a
// spreadsheet's number format), "-3". A real fraction such as "2.5" is an error.
func parseCount(s string) (int, error) {
	if allDigits(s) && len(s) <= maxCountDigits {
		return strconv.Atoi(s)
	}
	bad := errNotWhole(s)
	t := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\'' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == '.' })
	if len(parts) == 0 || strings.Count(t, ",")+strings.Count(t, ".") != len(parts)-1 {
		return 0, bad()
	}
	if last := parts[len(parts)-1]; len(parts) > 1 && len(last) != 3 {
		if strings.Trim(last, "0") != "" {
			return 0, bad()
		}
		parts = parts[:len(parts)-1] // "12.00": a zero fraction
	}
	for i, p := range parts {
		if !allDigits(p) || (i > 0 && len(p) != 3) || (len(parts) > 1 && i == 0 && len(p) > 3) {
			return 0, bad()
		}
	}
	digits := strings.Join(parts, "")
	if len(strings.TrimLeft(digits, "0")) > maxCountDigits {
		return 0, fmt.Errorf("%q is too large", s)
	}
	n, err := strconv.Atoi(digits)
	if err != nil {
		return 0, bad()
	}
	if neg {
		n = -n
	}
	return n, nil
}

// allDigits says s is one or more ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// oneLine collapses runs of spaces (padding inside fixed-width distributor fields) to one.
func oneLine(parts ...string) string {
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// errNotWhole makes the error for a text that is not a whole number, only when needed.
func errNotWhole(s string) func() error {
	return func() error { return fmt.Errorf("%q is not a whole number", s) }
}

// plainAmount reads the common case "1234" or "1234.5" / "1234.56" without the general
// money parser's work; ok is false for anything else.
func plainAmount(s string) (data.Money, bool) {
	whole, frac, dot := strings.Cut(s, ".")
	if !allDigits(whole) || len(whole) > 15 || (dot && (len(frac) == 0 || len(frac) > 2 || !allDigits(frac))) {
		return 0, false
	}
	var cents int64
	for i := 0; i < len(whole); i++ {
		cents = cents*10 + int64(whole[i]-'0')
	}
	cents *= 100
	if len(frac) >= 1 {
		cents += int64(frac[0]-'0') * 10
	}
	if len(frac) == 2 {
		cents += int64(frac[1] - '0')
	}
	return data.Money(cents), true
}
