package app

import (
	"fmt"
	"math"
	"sort"
	"testing"

	"clockwork/data"
)

// march is the period every scenario is measured over: 1–31 March 2026 (last day 31 March).
var march = Period{From: "2026-03-01", To: "2026-04-01"}

func num(v float64) *float64 { return &v }

// null marks a metric that must have nothing to measure.
var null *float64

// metricsOf is a scorecard as DESIGN 6 names its numbers.
func metricsOf(c Scorecard) map[string]*float64 {
	days := func(v *int) *float64 {
		if v == nil {
			return nil
		}
		return num(float64(*v))
	}
	return map[string]*float64{
		"lines_due": num(float64(c.LinesDue)), "on_time_pct": c.OnTimePct, "otif_pct": c.OTIFPct,
		"fill_rate_pct": c.FillRatePct, "lead_p50_days": days(c.LeadP50Days), "lead_p90_days": days(c.LeadP90Days),
		"lead_mean_days": c.LeadMeanDays, "quoted_lead_days": c.QuotedLeadDays, "avg_days_late": c.AvgDaysLate,
		"defect_pct": c.DefectPct, "return_pct": c.ReturnPct, "price_variance_pct": c.PriceVariancePct,
		"response_hours": c.ResponseHours, "score": c.Score, "otif_ci_low": c.OTIFCILow, "otif_ci_high": c.OTIFCIHigh,
	}
}

// scenarios are hand-worked: each comment shows the sums behind the expected numbers.
// Unless said otherwise a PO is sent on 2 March and promised for 5 March (quoted lead 3 days),
// for 10 units at the quoted cost of 10.00.
var scenarios = []struct {
	name     string
	tz       string
	build    func(h *history, sid uint)
	want     map[string]*float64
	standing Standing
}{
	{
		// Everything arrives on the promised day; acknowledged after 4 hours.
		// lead = 5 − 2 = 3 days ≤ quoted 3 → lead reliability 100; every criterion 100 → score 100.
		// Wilson for 1 of 1: low = 1 / (1 + z²) = 1 / 4.8415 = 20.655 %, high = 100 %.
		name: "on time in full", tz: "UTC",
		build: func(h *history, sid uint) {
			po, ls := h.po(sid, data.POReceived, "2026-03-02 10:00", "2026-03-05", line{qty: 10, cost: 1000, quoted: 1000})
			h.ack(po, "2026-03-02 14:00")
			h.receive(po, "2026-03-05 16:00", ls[0], 10, 0)
		},
		want: map[string]*float64{
			"lines_due": num(1), "on_time_pct": num(100), "otif_pct": num(100), "fill_rate_pct": num(100),
			"lead_p50_days": num(3), "lead_p90_days": num(3), "lead_mean_days": num(3), "quoted_lead_days": num(3),
			"avg_days_late": null, "defect_pct": num(0), "return_pct": null, "price_variance_pct": num(0),
			"response_hours": num(4), "score": num(100), "otif_ci_low": num(20.654931437723747), "otif_ci_high": num(100),
		},
		standing: StandingInsufficient,
	},
	{
		// Complete but 3 days late (8 March); acknowledged after 2 hours.
		// on time 0/10; OTIF 0/1; fill 10/10; lead 8 − 2 = 6 = 2 × quoted → lead reliability 0.
		// score = (35·0 + 15·100 + 15·0 + 20·100 + 10·100 + 5·100) / 100 = 50.
		// Wilson for 0 of 1: low 0, high = z² / (1 + z²) = 79.345 %.
		name: "late", tz: "UTC",
		build: func(h *history, sid uint) {
			po, ls := h.po(sid, data.POReceived, "2026-03-02 10:00", "2026-03-05", line{qty: 10, cost: 1000, quoted: 1000})
			h.ack(po, "2026-03-02 12:00")
			h.receive(po, "2026-03-08 09:00", ls[0], 10, 0)
		},
		want: map[string]*float64{
			"lines_due": num(1), "on_time_pct": num(0), "otif_pct": num(0), "fill_rate_pct": num(100),
			"lead_p50_days": num(6), "lead_p90_days": num(6), "avg_days_late": num(3), "response_hours": num(2),
			"score": num(50), "otif_ci_low": num(0), "otif_ci_high": num(79.34506856227625),
		},
		standing: StandingInsufficient,
	},
	{
		// 6 of 10 on the promised day, the other 4 only on 3 April, after the period; never
		// acknowledged. on time 6/10; fill by 31 March 6/10; still short at the period's end,
		// so late until its last day: 31 − 5 = 26 days. The April receipt is no receipt of
		// March: defect 0/6. Responsiveness has no data and drops out (weights sum to 95):
		// score = (35·0 + 15·60 + 15·100 + 20·100 + 10·100) / 95 = 5400 / 95 = 56.842.
		name: "short", tz: "UTC",
		build: func(h *history, sid uint) {
			po, ls := h.po(sid, data.POPartiallyReceived, "2026-03-02 10:00", "2026-03-05", line{qty: 10, cost: 1000, quoted: 1000})
			h.receive(po, "2026-03-05 11:00", ls[0], 6, 0)
			h.receive(po, "2026-04-03 10:00", ls[0], 4, 0)
		},
		want: map[string]*float64{
			"on_time_pct": num(60), "otif_pct": num(0), "fill_rate_pct": num(60), "lead_p50_days": num(3),
			"avg_days_late": num(26), "defect_pct": num(0), "response_hours": null, "score": num(5400.0 / 95),
		},
		standing: StandingInsufficient,
	},
	{
		// 8 accepted and 2 rejected on 5 March, the 2 replaced on 7 March; acknowledged after
		// 24 hours (still full marks). on time 8/10; complete on 7 March: 2 days late; defect =
		// 2 rejected of 12 received = 16.667 %, quality = 100 − 5 · 16.667 = 16.667.
		// score = (0 + 15·100 + 15·100 + 20·16.667 + 10·100 + 5·100) / 100 = 48.333.
		name: "rejected", tz: "UTC",
		build: func(h *history, sid uint) {
			po, ls := h.po(sid, data.POReceived, "2026-03-02 10:00", "2026-03-05", line{qty: 10, cost: 1000, quoted: 1000})
			h.ack(po, "2026-03-03 10:00")
			h.receive(po, "2026-03-05 09:00", ls[0], 8, 2)
			h.receive(po, "2026-03-07 09:00", ls[0], 2, 0)
		},
		want: map[string]*float64{
			"on_time_pct": num(80), "otif_pct": num(0), "fill_rate_pct": num(100), "avg_days_late": num(2),
			"defect_pct": num(200.0 / 12), "response_hours": num(24), "score": num(4833.333333333334 / 100),
		},
		standing: StandingInsufficient,
	},
	{
		// 10 ordered; 7 came on 6 March and 5 more on 9 March (2 spare), but the 9 March
		// delivery was entered first. In order of arrival the line is complete on 9 March:
		// 4 days late; on time 0/10, fill min(10, 12) = 10/10; first receipt 6 March: lead 4.
		name: "over-delivered in two parts, entered out of order", tz: "UTC",
		build: func(h *history, sid uint) {
			po, ls := h.po(sid, data.POReceived, "2026-03-02 10:00", "2026-03-05", line{qty: 10, cost: 1000, quoted: 1000})
			h.receive(po, "2026-03-09 10:00", ls[0], 5, 0)
			h.receive(po, "2026-03-06 10:00", ls[0], 7, 0)
		},
		want: map[string]*float64{
			"on_time_pct": num(0), "otif_pct": num(0), "fill_rate_pct": num(100), "avg_days_late": num(4),
			"lead_p50_days": num(4), "defect_pct": num(0),
		},
		standing: StandingInsufficient,
	},
	{
		// 10 ordered, 6 on 4 March and 6 on 10 March: complete on the 10th no matter that
		// the first delivery alone was short; on time 6/10, 5 days late.
		name: "short first, then more than enough", tz: "UTC",
		build: func(h *history, sid uint) {
			po, ls := h.po(sid, data.POReceived, "2026-03-02 10:00", "2026-03-05", line{qty: 10, cost: 1000, quoted: 1000})
			h.receive(po, "2026-03-04 10:00", ls[0], 6, 0)
			h.receive(po, "2026-03-10 10:00", ls[0], 6, 0)
		},
		want:     map[string]*float64{"on_time_pct": num(60), "otif_pct": num(0), "fill_rate_pct": num(100), "avg_days_late": num(5)},
		standing: StandingInsufficient,
	},
	{
		// Arrives on 4 March (lead 2), the customer's order ships on 6 March; 1 unit comes back
		// defective (supplier's fault), 2 because the customer changed their mind (not counted).
		// return = 1 / 10 = 10 %; quality = 100 − 5 · (0 + 10) = 50.
		// score = (35·100 + 15·100 + 15·100 + 20·50 + 10·100 + 5·100) / 100 = 90.
		name: "returned", tz: "UTC",
		build: func(h *history, sid uint) {
			po, ls := h.po(sid, data.POReceived, "2026-03-02 10:00", "2026-03-05",
				line{qty: 10, cost: 1000, quoted: 1000, orderLineQty: 10, orderLineState: data.LineShipped})
			h.ack(po, "2026-03-02 11:00")
			h.receive(po, "2026-03-04 10:00", ls[0], 10, 0)
			h.ship(ls[0], "2026-03-06 10:00")
			h.giveBack(ls[0], "2026-03-15 10:00", 1, data.ReasonDefective)
			h.giveBack(ls[0], "2026-03-16 10:00", 2, data.ReasonChangedMind)
		},
		want: map[string]*float64{
			"lead_p50_days": num(2), "return_pct": num(10), "defect_pct": num(0), "response_hours": num(1), "score": num(90),
		},
		standing: StandingInsufficient,
	},
	{
		// 4 units at 11.00 against a quote of 10.00, and 6 at the quoted 10.00:
		// variance = (1.00 · 4) / (10.00 · 4 + 10.00 · 6) = 4 / 100 = 4 %; price = 100 − 10 · 4 = 60.
		// No acknowledgement: score = (3500 + 1500 + 1500 + 2000 + 10·60) / 95 = 9100 / 95 = 95.789.
		name: "price increase", tz: "UTC",
		build: func(h *history, sid uint) {
			po, ls := h.po(sid, data.POReceived, "2026-03-02 10:00", "2026-03-05",
				line{qty: 4, cost: 1100, quoted: 1000}, line{qty: 6, cost: 1000, quoted: 1000})
			h.receive(po, "2026-03-05 09:00", ls[0], 4, 0)
			h.receive(po, "2026-03-05 09:00", ls[1], 6, 0)
		},
		want: map[string]*float64{
			"lines_due": num(2), "otif_pct": num(100), "price_variance_pct": num(4), "response_hours": null,
			"score": num(9100.0 / 95),
		},
		standing: StandingInsufficient,
	},
	{
		// March's PO is never acknowledged; February's was, but it was not sent in March.
		name: "no acknowledgement", tz: "UTC",
		build: func(h *history, sid uint) {
			po, ls := h.po(sid, data.POReceived, "2026-03-02 10:00", "2026-03-05", line{qty: 10, cost: 1000, quoted: 1000})
			h.receive(po, "2026-03-05 09:00", ls[0], 10, 0)
			feb, _ := h.po(sid, data.POReceived, "2026-02-20 10:00", "2026-02-25", line{qty: 1, cost: 1000, quoted: 1000})
			h.ack(feb, "2026-02-20 11:00")
		},
		want:     map[string]*float64{"lines_due": num(1), "response_hours": null, "otif_pct": num(100)},
		standing: StandingInsufficient,
	},
	{
		// The only PO is promised for April: nothing is due in March, nothing arrived.
		name: "nothing due", tz: "UTC",
		build: func(h *history, sid uint) {
			h.po(sid, data.POSent, "2026-03-25 10:00", "2026-04-02", line{qty: 10, cost: 1000, quoted: 1000})
		},
		want: map[string]*float64{
			"lines_due": num(0), "on_time_pct": null, "otif_pct": null, "fill_rate_pct": null,
			"lead_p50_days": null, "lead_p90_days": null, "lead_mean_days": null, "quoted_lead_days": null,
			"avg_days_late": null, "defect_pct": null, "return_pct": null, "price_variance_pct": null,
			"response_hours": null, "score": null, "otif_ci_low": null, "otif_ci_high": null,
		},
		standing: StandingInsufficient,
	},
	{
		// Five POs sent 2 March, promised 12 March (quoted 10), first receipts after 1, 2, 3, 4
		// and 10 days. Nearest rank: p50 = x at ⌈0.5·5⌉ = 3rd = 3; p90 = x at ⌈0.9·5⌉ = 5th = 10;
		// mean = 20 / 5 = 4. All on time; five lines earn a standing: excellent (100).
		name: "lead percentiles", tz: "UTC",
		build: func(h *history, sid uint) {
			for _, day := range []string{"03", "04", "05", "06", "12"} {
				po, ls := h.po(sid, data.POReceived, "2026-03-02 09:00", "2026-03-12", line{qty: 1, cost: 500, quoted: 500})
				h.receive(po, "2026-03-"+day+" 15:00", ls[0], 1, 0)
			}
		},
		want: map[string]*float64{
			"lines_due": num(5), "lead_p50_days": num(3), "lead_p90_days": num(10), "lead_mean_days": num(4),
			"quoted_lead_days": num(10), "score": num(100),
		},
		standing: StandingExcellent,
	},
	{
		// Acknowledged after 2 and after 7 hours: the median of an even count is the mean of
		// the middle two, 4.5 hours.
		name: "median response", tz: "UTC",
		build: func(h *history, sid uint) {
			a, _ := h.po(sid, data.POAcknowledged, "2026-03-10 08:00", "2026-04-10", line{qty: 1, cost: 500, quoted: 500})
			b, _ := h.po(sid, data.POAcknowledged, "2026-03-11 08:00", "2026-04-10", line{qty: 1, cost: 500, quoted: 500})
			h.ack(a, "2026-03-10 10:00")
			h.ack(b, "2026-03-11 15:00")
		},
		want: map[string]*float64{"lines_due": num(0), "response_hours": num(4.5), "score": num(100)},
	},
	{
		// A PO closed short on 3 March, before its promised day, a cancelled and a draft PO are
		// not due. One closed short on 9 March, after 5 of 10 arrived on time, is: on time
		// 5/10, fill 5/10, still short at the end: 31 − 5 = 26 days late.
		name: "closed short, cancelled and draft", tz: "UTC",
		build: func(h *history, sid uint) {
			early, _ := h.po(sid, data.POSent, "2026-03-01 10:00", "2026-03-05", line{qty: 3, cost: 1000, quoted: 1000})
			h.closeShort(early, "2026-03-03 10:00")
			h.po(sid, data.POCancelled, "2026-03-01 10:00", "2026-03-05", line{qty: 3, cost: 1000, quoted: 1000})
			h.po(sid, data.PODraft, "", "2026-03-05", line{qty: 3, cost: 1000, quoted: 1000})
			late, ls := h.po(sid, data.POSent, "2026-03-02 10:00", "2026-03-05", line{qty: 10, cost: 1000, quoted: 1000})
			h.receive(late, "2026-03-05 10:00", ls[0], 5, 0)
			h.closeShort(late, "2026-03-09 10:00")
		},
		want: map[string]*float64{
			"lines_due": num(1), "on_time_pct": num(50), "fill_rate_pct": num(50), "avg_days_late": num(26),
		},
		standing: StandingInsufficient,
	},
	{
		// Berlin time. Sent at 00:30 on 2 March (23:30 UTC on 1 March): sent day 2 March.
		// Arrives 00:30 on 6 March (23:30 UTC on 5 March): 1 day late, lead 6 − 2 = 4.
		// Around the change to summer time (29 March): arriving 23:30 on 28 March (22:30 UTC,
		// winter time) is on time for 28 March; arriving 00:30 on 30 March (22:30 UTC on
		// 29 March, summer time) is a day late for 29 March.
		// OTIF 1 of 3 = 33.333 %; days late (1 + 1) / 2 = 1.
		name: "days in the shop's time zone", tz: "Europe/Berlin",
		build: func(h *history, sid uint) {
			a, la := h.po(sid, data.POReceived, "2026-03-02 00:30", "2026-03-05", line{qty: 1, cost: 500, quoted: 500})
			h.receive(a, "2026-03-06 00:30", la[0], 1, 0)
			b, lb := h.po(sid, data.POReceived, "2026-03-25 10:00", "2026-03-28", line{qty: 1, cost: 500, quoted: 500})
			h.receive(b, "2026-03-28 23:30", lb[0], 1, 0)
			c, lc := h.po(sid, data.POReceived, "2026-03-26 10:00", "2026-03-29", line{qty: 1, cost: 500, quoted: 500})
			h.receive(c, "2026-03-30 00:30", lc[0], 1, 0)
		},
		want: map[string]*float64{
			"lines_due": num(3), "otif_pct": num(100.0 / 3), "avg_days_late": num(1), "lead_p90_days": num(4),
			"quoted_lead_days": num(3),
		},
		standing: StandingInsufficient,
	},
}

func TestScorecardMetrics(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			h := newHistory(t, sc.tz)
			other := h.supplier("Bystander Ltd")
			sid := h.supplier("Nordlicht Trading")
			// A second supplier's perfect line must not leak into the first one's sums.
			po, ls := h.po(other, data.POReceived, "2026-03-02 10:00", "2026-03-05", line{qty: 7, cost: 900, quoted: 800})
			h.receive(po, "2026-03-20 10:00", ls[0], 3, 4)
			sc.build(h, sid)
			c := h.card(sid, march)
			got := metricsOf(c)
			keys := make([]string, 0, len(sc.want))
			for k := range sc.want {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if !sameMetric(got[k], sc.want[k]) {
					t.Errorf("%s = %s, want %s", k, show(got[k]), show(sc.want[k]))
				}
			}
			if sc.standing != "" && c.Standing != sc.standing {
				t.Errorf("standing = %s, want %s", c.Standing, sc.standing)
			}
		})
	}
}

func sameMetric(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) < 1e-9
}

func show(v *float64) string {
	if v == nil {
		return "null"
	}
	return fmt.Sprint(*v)
}

// TestScorecardsInATransaction: inside a transaction the scorecards count its uncommitted
// rows (they run on its connection, not on the read-only ones, which cannot see them and
// would wait for ever on nothing); once it commits the read-only connections see the same.
func TestScorecardsInATransaction(t *testing.T) {
	h := newHistory(t, "UTC")
	sid := h.supplier("Nordlicht Trading")
	err := h.a.InTx(func(tx *App) error {
		in := &history{t: t, a: tx, loc: h.loc}
		po, ls := in.po(sid, data.POReceived, "2026-03-02 10:00", "2026-03-05", line{qty: 10, cost: 1000, quoted: 1000})
		in.receive(po, "2026-03-05 16:00", ls[0], 4, 1)
		if c := in.card(sid, march); c.LinesDue != 1 || !sameMetric(c.DefectPct, num(20)) {
			t.Errorf("inside the transaction: %d lines due, defect %s; want 1 and 20", c.LinesDue, show(c.DefectPct))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := h.card(sid, march); c.LinesDue != 1 || !sameMetric(c.DefectPct, num(20)) || !sameMetric(c.FillRatePct, num(40)) {
		t.Errorf("after commit: %d lines due, defect %s, fill %s; want 1, 20, 40", c.LinesDue, show(c.DefectPct), show(c.FillRatePct))
	}
}
