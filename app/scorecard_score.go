package app

import (
	"math"

	"clockwork/data"
)

// Criterion is one part of a supplier's score: its weight and its own 0–100 score, nil when
// the period has nothing to judge it by (it then drops out and the other weights count more).
type Criterion struct {
	Name   string
	Weight int
	Score  *float64
}

// Criteria are the six scored criteria of DESIGN 6 with the shop's weights.
func (c Scorecard) Criteria(w data.ScoreWeights) []Criterion {
	return []Criterion{
		{"On time in full", w.OTIF, c.OTIFPct},
		{"Fill rate", w.Fill, c.FillRatePct},
		{"Lead reliability", w.LeadTime, leadReliability(c.LeadP90Days, c.QuotedLeadDays)},
		{"Quality", w.Quality, quality(c.DefectPct, c.ReturnPct)},
		{"Price", w.Price, priceScore(c.PriceVariancePct)},
		{"Responsiveness", w.Responsiveness, responsiveness(c.ResponseHours)},
	}
}

// leadReliability is 100 while p90 ≤ quoted, falling linearly to 0 at p90 = 2 × quoted.
func leadReliability(p90 *int, quoted *float64) *float64 {
	if p90 == nil || quoted == nil {
		return nil
	}
	x, q := float64(*p90), *quoted
	if x <= q {
		return pct(100)
	}
	if q <= 0 {
		return pct(0) // a same-day promise has no room: any delay is a full miss
	}
	return pct(100 * (2*q - x) / q)
}

// quality is max(0, 100 − 5 × (defect % + return %)); a side with nothing to measure adds 0,
// and with neither the criterion has no data.
func quality(defect, returned *float64) *float64 {
	if defect == nil && returned == nil {
		return nil
	}
	sum := 0.0
	for _, v := range []*float64{defect, returned} {
		if v != nil {
			sum += *v
		}
	}
	return pct(100 - 5*sum)
}

// priceScore is max(0, 100 − 10 × max(0, variance %)): paying less than quoted is no bonus.
func priceScore(variance *float64) *float64 {
	if variance == nil {
		return nil
	}
	return pct(100 - 10*max(0, *variance))
}

// responsiveness is 100 up to a 24-hour median answer, falling linearly to 0 at 120 hours.
func responsiveness(hours *float64) *float64 {
	if hours == nil {
		return nil
	}
	return pct(100 * (120 - *hours) / (120 - 24))
}

// pct clamps a criterion score to 0–100.
func pct(v float64) *float64 {
	v = min(100, max(0, v))
	return &v
}

// weightedScore is the weighted mean of the criteria that have data; the weights of those
// left out are shared out by renormalising. Nil when no weighted criterion has data.
func weightedScore(cs []Criterion) *float64 {
	var sum, weights float64
	for _, c := range cs {
		if c.Score == nil || c.Weight <= 0 {
			continue
		}
		sum += float64(c.Weight) * *c.Score
		weights += float64(c.Weight)
	}
	if weights == 0 {
		return nil
	}
	v := sum / weights
	return &v
}

// standing turns a score into the verdict of DESIGN 6; fewer than five lines due is too
// little history to judge.
func standing(linesDue int, score *float64) Standing {
	switch {
	case linesDue < MinLinesForStanding || score == nil:
		return StandingInsufficient
	case *score < 30:
		return StandingVeryPoor
	case *score < 50:
		return StandingPoor
	case *score < 80:
		return StandingAverage
	}
	return StandingExcellent
}

// wilsonZ is the normal quantile of a two-sided 95 % interval.
const wilsonZ = 1.959963984540054

// wilson is the 95 % Wilson score interval, in percent, of k successes out of n: unlike the
// plain ratio it stays wide for few lines, so a 2-for-2 supplier is not "100 %".
func wilson(k, n int) (lo, hi float64) {
	nf, p, z2 := float64(n), float64(k)/float64(n), wilsonZ*wilsonZ
	den := 1 + z2/nf
	centre := (p + z2/(2*nf)) / den
	half := wilsonZ * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf)) / den
	return 100 * max(0, centre-half), 100 * min(1, centre+half)
}
