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
	bad := fmt.Errorf("%q is not a whole number", s)
	t := strings.NewReplacer(" ", "", "'", "", "\u00a0", "").Replace(s)
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == '.' })
	if len(parts) == 0 || strings.Count(t, ",")+strings.Count(t, ".") != len(parts)-1 {
		return 0, bad
	}
	if last := parts[len(parts)-1]; len(parts) > 1 && len(last) != 3 {
		if strings.Trim(last, "0") != "" {
			return 0, bad
		}
		parts = parts[:len(parts)-1] // "12.00": a zero fraction
	}
	for i, p := range parts {
		if !allDigits(p) || (i > 0 && len(p) != 3) || (len(parts) > 1 && i == 0 && len(p) > 3) {
			return 0, bad
		}
	}
	digits := strings.Join(parts, "")
	if len(strings.TrimLeft(digits, "0")) > maxCountDigits {
		return 0, fmt.Errorf("%q is too large", s)
	}
	n, err := strconv.Atoi(digits)
	if err != nil {
		return 0, bad
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
