package data

import (
	"errors"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want Money
	}{
		{"1,234.50", 123450}, {"12.5", 1250}, {"€12.50", 1250}, {"12,50 EUR", 1250}, {"1.234,50", 123450},
		{"-3", -300}, {"0", 0}, {" 7 ", 700}, {"$1,000,000", 100000000}, {"CHF 12.00", 1200},
		{"1'234.50", 123450}, {"(5.00)", -500}, {"0.125", 13}, {"0.124", 12}, {".5", 50}, {"1,234", 123400},
		{"12,5", 1250}, {"£0.99", 99}, {"-€4.20", -420},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseMoneyRefusesGarbage(t *testing.T) {
	for _, in := range []string{"", "abc", "12.34.56", "1,23,4.00", "12.", "--5", "1e5", "12 apples", "€", "9999999999999999", "1.2.3,4,5"} {
		if got, err := ParseMoney(in); !errors.Is(err, ErrMoney) {
			t.Errorf("ParseMoney(%q) = %d, %v; want ErrMoney", in, got, err)
		}
	}
}

func TestMoneyFormats(t *testing.T) {
	tests := []struct {
		m                   Money
		str, plain, eur, us string
	}{
		{123450, "1,234.50", "1234.50", "€1,234.50", "$1,234.50"},
		{-5, "-0.05", "-0.05", "-€0.05", "-$0.05"},
		{100000000, "1,000,000.00", "1000000.00", "€1,000,000.00", "$1,000,000.00"},
		{0, "0.00", "0.00", "€0.00", "$0.00"},
	}
	for _, tt := range tests {
		if tt.m.String() != tt.str || tt.m.Plain() != tt.plain || tt.m.Format("EUR") != tt.eur || tt.m.Format("USD") != tt.us {
			t.Errorf("%d: got %q %q %q %q", tt.m, tt.m.String(), tt.m.Plain(), tt.m.Format("EUR"), tt.m.Format("USD"))
		}
	}
	if got := Money(1200).Format("CHF"); got != "CHF 12.00" {
		t.Errorf("CHF: %q", got)
	}
}

// FuzzParseMoney checks that no input panics, and that whatever parses prints back to
// text that parses to the same amount.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1,234.50", "12.5", "€12.50", "1.234,50", "-3", "(5.00)", "0.125", "abc", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			return
		}
		for _, text := range []string{m.String(), m.Plain(), m.Format("EUR")} {
			back, err := ParseMoney(text)
			if err != nil || back != m {
				t.Fatalf("%q → %d → %q → %d, %v", s, m, text, back, err)
			}
		}
	})
}

func TestMoneyFormatKeepsEachCurrencysWay(t *testing.T) {
	for _, c := range []struct {
		m        Money
		currency string
		want     string
	}{
		{150000, "JPY", "¥1,500"}, {150050, "JPY", "¥1,501"}, {-12345, "JPY", "-¥123"},
		{2242, "USD", "$22.42"}, {2242, "EUR", "€22.42"}, {1250, "CHF", "CHF 12.50"}, {99, "KRW", "KRW 1"},
	} {
		if got := c.m.Format(c.currency); got != c.want {
			t.Errorf("%d in %s: %q, want %q", c.m, c.currency, got, c.want)
		}
	}
}

func TestCurrencyOfAnAmount(t *testing.T) {
	for text, want := range map[string]string{
		"$12.50": "USD", "USD 12.50": "USD", "12,50 GBP": "GBP", "€3": "EUR", "¥1500": "JPY",
		"12.50": "", "1,234.50": "", "(US$ 4.00)": "USD", "EUR 4,90": "EUR", "4.90 CHF": "CHF",
	} {
		if got := CurrencyOf(text); got != want {
			t.Errorf("CurrencyOf(%q) = %q, want %q", text, got, want)
		}
	}
}
