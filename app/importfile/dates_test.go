package importfile_test

import (
	"strings"
	"testing"
	"time"

	"clockwork/app/importfile"
)

func TestParseTime(t *testing.T) {
	zurich, err := time.LoadLocation("Europe/Zurich")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	tests := []struct {
		in   string
		want string // RFC 3339 in UTC
	}{
		{"2018-01-04 15:51:23 -0800", "2018-01-04T23:51:23Z"},
		{"2026-01-02T10:00:00Z", "2026-01-02T10:00:00Z"},
		{"2026-01-02T10:00:00.250+01:00", "2026-01-02T09:00:00.25Z"},
		{"2026-01-02", "2026-01-01T23:00:00Z"},
		{"2026/01/02 08:30", "2026-01-02T07:30:00Z"},
		{"16-05-2018 07:32:06", "2018-05-16T05:32:06Z"},
		{"03.01.2019 01:41:17", "2019-01-03T00:41:17Z"},
		{"1/4/2018 3:51 PM", "2018-01-04T14:51:00Z"},
		{"12/31/25 12:05 am", "2025-12-30T23:05:00Z"},
		{"January 4, 2018", "2018-01-03T23:00:00Z"},
		{"4 Jan 2018 10:00", "2018-01-04T09:00:00Z"},
		{"16-May-2018", "2018-05-15T22:00:00Z"},
		{"2024-02-29 00:00 UTC", "2024-02-29T00:00:00Z"},
	}
	for _, tt := range tests {
		got, err := importfile.ParseTime(tt.in, zurich)
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if s := got.UTC().Format(time.RFC3339Nano); s != tt.want {
			t.Errorf("%q = %s, want %s", tt.in, s, tt.want)
		}
	}
}

func TestParseTimeRefusesImpossibleDates(t *testing.T) {
	for _, in := range []string{
		"2026-02-30", "31/02/2026", "31.02.2026", "2025-02-29", "2026-13-01", "2026-04-31 10:00",
		"2026-01-02 24:00", "2026-01-02 10:60", "13:00 PM", "2026-01-02 13:00 PM", "yesterday", "",
		"2026-01", "2026-01-02 10", "2026-01-02 +25:00", "2026-01-02 EST", "05/2026", "GD_94147", "4.03899E+12",
	} {
		if got, err := importfile.ParseTime(in, time.UTC); err == nil {
			t.Errorf("%q read as %s, want an error", in, got)
		} else if !strings.Contains(err.Error(), "date") && !strings.Contains(err.Error(), "time") && !strings.Contains(err.Error(), "hour") {
			t.Errorf("%q: message %q should say what is wrong", in, err)
		}
	}
}
