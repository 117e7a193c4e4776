package data

import (
	"errors"
	"fmt"
	"strings"
)

// Money is an amount in minor units (cents) of the shop's one currency. Never a float.
type Money int64

// ErrMoney says a text could not be read as an amount of money.
var ErrMoney = errors.New("not an amount of money")

// maxMoneyDigits keeps parsed amounts far below int64 overflow (a trillion in cents).
const maxMoneyDigits = 15

// String formats the amount as "1,234.50" (no currency sign).
func (m Money) String() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign = "-"
		v = -v
	}
	whole := fmt.Sprintf("%d", v/100)
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("%s%s.%02d", sign, b.String(), v%100)
}

// Plain formats the amount without thousands separators ("1234.50"), as an entry field shows it.
func (m Money) Plain() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign = "-"
		v = -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// Format formats the amount with the currency's sign, e.g. "€1,234.50" or "CHF 12.00"; a
// currency without minor units shows none ("¥1,500"), rounded half away from zero.
func (m Money) Format(currency string) string {
	sign := map[string]string{"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "PLN": "zł "}[currency]
	text := func(v Money) string { return v.String() }
	if NoMinorUnits(currency) {
		text = func(v Money) string { s := ((v + 50) / 100 * 100).String(); return s[:len(s)-3] }
	}
	switch {
	case sign == "" && currency != "":
		sign = currency + " "
	case currency == "PLN":
		return text(m) + " zł"
	}
	if m < 0 {
		return "-" + sign + text(-m)
	}
	return sign + text(m)
}

// NoMinorUnits says a currency is written without decimals (the yen, the won, …).
func NoMinorUnits(currency string) bool {
	switch currency {
	case "JPY", "KRW", "ISK", "CLP", "VND", "HUF", "TWD", "UGX", "XAF", "XOF", "PYG":
		return true
	}
	return false
}

// currencySigns are the signs and codes an amount may carry, with their ISO codes; longer
// ones first so that "US$" is not read as "$".
var currencySigns = []struct{ sign, code string }{
	{"US$", "USD"}, {"CA$", "CAD"}, {"AU$", "AUD"}, {"A$", "AUD"}, {"C$", "CAD"}, {"NZ$", "NZD"},
	{"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"zł", "PLN"}, {"Fr.", "CHF"}, {"$", "USD"},
}

// CurrencyOf is the currency an amount's text names, by sign or ISO code ("$12.50", "USD
// 12.50", "12,50 GBP"), or "" when it names none.
func CurrencyOf(s string) string {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "()-+"))
	for _, c := range currencySigns {
		if strings.HasPrefix(t, c.sign) || strings.HasSuffix(t, c.sign) {
			return c.code
		}
	}
	for _, end := range []string{t[:min(3, len(t))], t[max(0, len(t)-3):]} {
		if len(end) == 3 && isUpperCode(end) {
			return end
		}
	}
	return ""
}

func isUpperCode(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// ParseMoney reads an amount as people type it or files carry it: "1,234.50", "12.5",
// "€12.50", "12,50 EUR", "1.234,50", "-3". More than two decimals round half away from zero
// (suppliers quote unit costs like 0.125). Anything else is ErrMoney.
func ParseMoney(s string) (Money, error) {
	t := strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") { // accounting negative
		neg, t = true, strings.TrimSpace(t[1:len(t)-1])
	}
	t = trimCurrency(t)
	if strings.HasPrefix(t, "-") {
		neg, t = !neg, strings.TrimSpace(t[1:])
	} else if strings.HasPrefix(t, "+") {
		t = strings.TrimSpace(t[1:])
	}
	t = trimCurrency(t)
	whole, frac, err := splitAmount(t)
	if err != nil {
		return 0, fmt.Errorf("%q: %w", s, err)
	}
	if len(whole) > maxMoneyDigits {
		return 0, fmt.Errorf("%q: %w (too large)", s, ErrMoney)
	}
	var cents int64
	for _, r := range whole {
		cents = cents*10 + int64(r-'0')
	}
	for i := 0; i < 2; i++ {
		cents *= 10
		if i < len(frac) {
			cents += int64(frac[i] - '0')
		}
	}
	if len(frac) > 2 && frac[2] >= '5' {
		cents++
	}
	if neg {
		cents = -cents
	}
	return Money(cents), nil
}

// trimCurrency removes a currency sign or code at either end.
func trimCurrency(t string) string {
	for _, c := range []string{"US$", "CA$", "AU$", "NZ$", "A$", "C$", "€", "$", "£", "¥", "EUR", "USD", "GBP", "CHF", "PLN", "zł", "kr", "SEK", "DKK", "NOK", "CAD", "AUD", "JPY", "Fr."} {
		if strings.HasPrefix(t, c) {
			t = strings.TrimSpace(strings.TrimPrefix(t, c))
		}
		if strings.HasSuffix(t, c) {
			t = strings.TrimSpace(strings.TrimSuffix(t, c))
		}
	}
	return t
}

// splitAmount splits digits with grouping separators into whole and fraction digits.
// A lone comma followed by one or two digits is a decimal comma ("12,50"); with both
// separators the last one is the decimal point ("1.234,50", "1,234.50").
func splitAmount(t string) (whole, frac string, err error) {
	if t == "" {
		return "", "", ErrMoney
	}
	t = strings.ReplaceAll(t, " ", "")
	t = strings.ReplaceAll(t, "\u00a0", "")
	t = strings.ReplaceAll(t, "'", "") // Swiss grouping: 1'234.50
	dec := byte('.')
	lastDot, lastComma := strings.LastIndexByte(t, '.'), strings.LastIndexByte(t, ',')
	switch {
	case lastDot >= 0 && lastComma >= 0 && lastComma > lastDot:
		dec = ','
	case lastDot < 0 && lastComma >= 0:
		if strings.Count(t, ",") == 1 && len(t)-lastComma-1 != 3 {
			dec = ','
		}
	}
	group := byte(',')
	if dec == ',' {
		group = '.'
	}
	parts := strings.Split(t, string(dec))
	if len(parts) > 2 {
		return "", "", ErrMoney
	}
	if parts[0] == "" && len(parts) == 2 { // ".5"
		parts[0] = "0"
	}
	groups := strings.Split(parts[0], string(group))
	for i, g := range groups {
		if g == "" || !allDigits(g) || (i > 0 && len(g) != 3) || (len(groups) > 1 && i == 0 && len(g) > 3) {
			return "", "", ErrMoney
		}
	}
	whole = strings.Join(groups, "")
	if len(parts) == 2 {
		frac = parts[1]
		if frac == "" || !allDigits(frac) {
			return "", "", ErrMoney
		}
	}
	return whole, frac, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
