package app

import (
	"errors"
	"testing"

	"clockwork/data"
)

func TestStandingEdges(t *testing.T) {
	tests := []struct {
		lines int
		score *float64
		want  Standing
	}{
		{5, num(0), StandingVeryPoor},
		{5, num(29.9), StandingVeryPoor},
		{5, num(30), StandingPoor},
		{5, num(49.99), StandingPoor},
		{5, num(50), StandingAverage},
		{5, num(79.9), StandingAverage},
		{5, num(80), StandingExcellent},
		{250, num(100), StandingExcellent},
		{4, num(95), StandingInsufficient}, // four lines are too few to judge
		{4, num(10), StandingInsufficient},
		{0, nil, StandingInsufficient},
		{5, nil, StandingInsufficient}, // every weighted criterion without data
	}
	for _, tt := range tests {
		if got := standing(tt.lines, tt.score); got != tt.want {
			t.Errorf("standing(%d lines, %s) = %s, want %s", tt.lines, show(tt.score), got, tt.want)
		}
	}
}

func TestCriteriaScores(t *testing.T) {
	tests := []struct {
		name string
		got  *float64
		want *float64
	}{
		// lead reliability: 100 up to p90 = quoted, 0 at twice quoted, linear between.
		{"p90 4 ≤ quoted 4", leadReliability(ip(4), num(4)), num(100)},
		{"p90 6 of quoted 4: 100·(8−6)/4", leadReliability(ip(6), num(4)), num(50)},
		{"p90 9 > 2·4", leadReliability(ip(9), num(4)), num(0)},
		{"p90 1 against a same-day quote", leadReliability(ip(1), num(0)), num(0)},
		{"no receipt yet", leadReliability(nil, num(4)), nil},
		// quality: 100 − 5 · (defect % + return %), never below 0.
		{"2 % defects, 1 % returns", quality(num(2), num(1)), num(85)},
		{"only returns measured", quality(nil, num(4)), num(80)},
		{"25 % defects", quality(num(25), nil), num(0)},
		{"nothing received or shipped", quality(nil, nil), nil},
		// price: 100 − 10 · variance %, paying less is no bonus.
		{"4 % dearer", priceScore(num(4)), num(60)},
		{"3 % cheaper", priceScore(num(-3)), num(100)},
		{"12 % dearer", priceScore(num(12)), num(0)},
		// responsiveness: 100 up to 24 h, 0 at 120 h: 72 h is half way.
		{"24 h", responsiveness(num(24)), num(100)},
		{"72 h", responsiveness(num(72)), num(50)},
		{"200 h", responsiveness(num(200)), num(0)},
	}
	for _, tt := range tests {
		if !sameMetric(tt.got, tt.want) {
			t.Errorf("%s: %s, want %s", tt.name, show(tt.got), show(tt.want))
		}
	}
}

func ip(v int) *int { return &v }

func TestWeightedScoreRenormalises(t *testing.T) {
	tests := []struct {
		name string
		cs   []Criterion
		want *float64
	}{
		// (35·100 + 15·50) / (35 + 15) = 4250 / 50 = 85: the missing criteria's weights are shared out.
		{"two of six measured", []Criterion{{"otif", 35, num(100)}, {"fill", 15, num(50)}, {"lead", 15, nil}, {"quality", 20, nil}}, num(85)},
		// (35·80 + 15·90 + 15·100 + 20·70 + 10·100 + 5·0) / 100 = (2800 + 1350 + 1500 + 1400 + 1000) / 100 = 80.5
		{"all measured", []Criterion{{"otif", 35, num(80)}, {"fill", 15, num(90)}, {"lead", 15, num(100)}, {"quality", 20, num(70)}, {"price", 10, num(100)}, {"resp", 5, num(0)}}, num(80.5)},
		// a criterion weighted 0 counts for nothing even when measured.
		{"only a zero-weight criterion measured", []Criterion{{"otif", 0, num(100)}, {"fill", 100, nil}}, nil},
		{"nothing measured", []Criterion{{"otif", 35, nil}}, nil},
	}
	for _, tt := range tests {
		if got := weightedScore(tt.cs); !sameMetric(got, tt.want) {
			t.Errorf("%s: score %s, want %s", tt.name, show(got), show(tt.want))
		}
	}
}

func TestWilsonInterval(t *testing.T) {
	tests := []struct {
		k, n   int
		lo, hi float64
		why    string
	}{
		{1, 1, 20.654931437723747, 100, "1 of 1: low = 1/(1+z²)"},
		{2, 2, 34.2380227506653, 100, "2 of 2 is far from a sure 100 %"},
		{0, 1, 0, 79.34506856227625, "0 of 1: high = z²/(1+z²)"},
		{1, 3, 6.149194472039621, 79.23403991979522, "1 of 3"},
	}
	for _, tt := range tests {
		lo, hi := wilson(tt.k, tt.n)
		if !sameMetric(&lo, &tt.lo) || !sameMetric(&hi, &tt.hi) {
			t.Errorf("wilson(%d, %d) = [%v, %v], want [%v, %v] (%s)", tt.k, tt.n, lo, hi, tt.lo, tt.hi, tt.why)
		}
	}
}

func TestShopWeightsChangeTheScore(t *testing.T) {
	h := newHistory(t, "UTC")
	sid := h.supplier("Atlas Imports")
	// Late (OTIF 0) but complete, fast to answer; see the "late" scenario.
	po, ls := h.po(sid, data.POReceived, "2026-03-02 10:00", "2026-03-05", line{qty: 10, cost: 1000, quoted: 1000})
	h.ack(po, "2026-03-02 12:00")
	h.receive(po, "2026-03-08 09:00", ls[0], 10, 0)
	shop, err := h.a.Shop()
	if err != nil {
		t.Fatal(err)
	}
	// Only OTIF counts now: the late line scores 0.
	shop.Weights = data.ScoreWeights{OTIF: 100}
	if err := h.a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	if got := h.card(sid, march).Score; !sameMetric(got, num(0)) {
		t.Errorf("score with OTIF weighted 100 = %s, want 0", show(got))
	}
	// Only fill rate: complete, so 100.
	shop.Weights = data.ScoreWeights{Fill: 100}
	if err := h.a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	if got := h.card(sid, march).Score; !sameMetric(got, num(100)) {
		t.Errorf("score with fill weighted 100 = %s, want 100", show(got))
	}
}

func TestNewPeriod(t *testing.T) {
	h := newHistory(t, "UTC") // today is 10 April 2026
	tests := []struct {
		from, to string
		want     Period
		bad      string // the field an InputError names
	}{
		{"", "", Period{"2025-04-11", "2026-04-11"}, ""},
		{"2026-01-01", "2026-02-01", Period{"2026-01-01", "2026-02-01"}, ""},
		{"", "2026-03-01", Period{"2025-03-01", "2026-03-01"}, ""},
		{"2026-02-31", "", Period{}, "from"},
		{"2026-03-01", "31/03/2026", Period{}, "to"},
		{"2026-03-01", "2026-03-01", Period{}, "from"},
		{"2026-04-01", "2026-03-01", Period{}, "from"},
	}
	for _, tt := range tests {
		got, err := h.a.NewPeriod(tt.from, tt.to)
		var ie *InputError
		switch {
		case tt.bad == "" && err != nil:
			t.Errorf("NewPeriod(%q, %q): %v", tt.from, tt.to, err)
		case tt.bad == "" && got != tt.want:
			t.Errorf("NewPeriod(%q, %q) = %+v, want %+v", tt.from, tt.to, got, tt.want)
		case tt.bad != "" && !errors.As(err, &ie):
			t.Errorf("NewPeriod(%q, %q) = %v, want an input error", tt.from, tt.to, err)
		case tt.bad != "" && ie.Problems[0].Field != tt.bad:
			t.Errorf("NewPeriod(%q, %q) blames %q, want %q", tt.from, tt.to, ie.Problems[0].Field, tt.bad)
		}
	}
}

func TestPeriodThrough(t *testing.T) {
	h := newHistory(t, "UTC")
	tests := []struct {
		from, last string
		want       Period
		bad        string
	}{
		{"2026-01-01", "2026-03-31", Period{"2026-01-01", "2026-04-01"}, ""},
		{"2026-03-12", "2026-03-12", Period{"2026-03-12", "2026-03-13"}, ""}, // one day
		{"2026-02-30", "2026-03-31", Period{}, "from"},
		{"2026-01-01", "", Period{}, "to"},
		{"2026-03-31", "2026-03-01", Period{}, "to"},
	}
	for _, tt := range tests {
		got, err := h.a.PeriodThrough(tt.from, tt.last)
		var ie *InputError
		switch {
		case tt.bad == "" && (err != nil || got != tt.want):
			t.Errorf("PeriodThrough(%q, %q) = %+v, %v; want %+v", tt.from, tt.last, got, err, tt.want)
		case tt.bad != "" && (!errors.As(err, &ie) || ie.Problems[0].Field != tt.bad):
			t.Errorf("PeriodThrough(%q, %q) = %v, want a problem with %q", tt.from, tt.last, err, tt.bad)
		}
	}
}

func TestPeriodShortcuts(t *testing.T) {
	if got, want := ThisMonth("2026-03-12"), (Period{"2026-03-01", "2026-03-13"}); got != want {
		t.Errorf("ThisMonth = %+v, want %+v", got, want)
	}
	if got, want := LastMonths("2026-03-12", 3), (Period{"2025-12-13", "2026-03-13"}); got != want {
		t.Errorf("LastMonths(3) = %+v, want %+v", got, want)
	}
	months := Period{"2025-12-13", "2026-03-13"}.Months()
	if want := []string{"2025-12", "2026-01", "2026-02", "2026-03"}; len(months) != 4 || months[0] != want[0] || months[3] != want[3] {
		t.Errorf("Months = %v, want %v", months, want)
	}
}
