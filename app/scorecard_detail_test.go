package app

import (
	"testing"

	"clockwork/data"
)

// twoMonths builds a supplier's February and March: February one line on time; March one
// on time, one late with a rejection, one short; a defective item returned; two contacts.
func twoMonths(t *testing.T) (*history, uint) {
	h := newHistory(t, "UTC")
	sid := h.supplier("Hanse Wholesale")
	feb, lf := h.po(sid, data.POReceived, "2026-02-02 10:00", "2026-02-05", line{qty: 2, cost: 500, quoted: 500})
	h.receive(feb, "2026-02-05 10:00", lf[0], 2, 0)
	ok, lo := h.po(sid, data.POReceived, "2026-03-02 10:00", "2026-03-05",
		line{qty: 1, cost: 500, quoted: 500, orderLineQty: 1, orderLineState: data.LineShipped})
	h.receive(ok, "2026-03-04 10:00", lo[0], 1, 0)
	h.ship(lo[0], "2026-03-06 10:00")
	h.giveBack(lo[0], "2026-03-20 10:00", 1, data.ReasonWrongItemSent)
	late, ll := h.po(sid, data.POReceived, "2026-03-10 10:00", "2026-03-13", line{qty: 4, cost: 500, quoted: 500})
	h.receive(late, "2026-03-13 10:00", ll[0], 3, 1)
	h.receive(late, "2026-03-16 10:00", ll[0], 1, 0)
	short, ls := h.po(sid, data.POPartiallyReceived, "2026-03-20 10:00", "2026-03-23", line{qty: 5, cost: 500, quoted: 500})
	h.receive(short, "2026-03-23 10:00", ls[0], 2, 0)
	h.event(sid, "2026-03-14 09:00", data.EventIssue, "one mug broken")
	h.event(sid, "2026-03-24 09:00", data.EventCall, "3 more next week")
	h.event(sid, "2026-01-24 09:00", data.EventNote, "before the period")
	return h, sid
}

func TestScorecardDetail(t *testing.T) {
	h, sid := twoMonths(t)
	p := Period{"2026-02-01", "2026-04-01"}
	d, err := h.a.ScorecardDetail(p, sid, 50)
	if err != nil {
		t.Fatal(err)
	}
	// Four lines due, two on time in full (February's and the returned one).
	if d.Card.LinesDue != 4 || d.Card.OTIFLines != 2 {
		t.Errorf("card: %d lines due, %d OTIF; want 4 and 2", d.Card.LinesDue, d.Card.OTIFLines)
	}
	if len(d.Months) != 2 || len(d.Trend) != 2 {
		t.Fatalf("months %v, trend %+v; want February and March", d.Months, d.Trend)
	}
	// February 1 of 1 → 100 %; March 1 of 3 → 33.3 %.
	if feb, mar := d.Trend[0], d.Trend[1]; feb.Month != "2026-02" || !sameMetric(feb.OTIFPct(), num(100)) ||
		mar.Month != "2026-03" || !sameMetric(mar.OTIFPct(), num(100.0/3)) {
		t.Errorf("trend = %+v", d.Trend)
	}
	// Missed lines, newest promise first: the short one (2 of 5, late until 31 March: 8 days),
	// then the late one (complete 16 March, 3 days late).
	if len(d.Missed) != 2 {
		t.Fatalf("missed lines: %+v", d.Missed)
	}
	short, late := d.Missed[0], d.Missed[1]
	if short.PromisedDay != "2026-03-23" || short.AcceptedByEnd != 2 || short.CompleteDay != "" || short.DaysLate(p) != 8 {
		t.Errorf("short line: %+v, %d days late", short, short.DaysLate(p))
	}
	if late.CompleteDay != "2026-03-16" || late.RejectedByEnd != 1 || late.DaysLate(p) != 3 || late.PONumber == "" {
		t.Errorf("late line: %+v, %d days late", late, late.DaysLate(p))
	}
	if len(d.Rejections) != 1 || d.Rejections[0].Rejected != 1 || d.Rejections[0].Day != "2026-03-13" {
		t.Errorf("rejections: %+v", d.Rejections)
	}
	if len(d.Returns) != 1 || d.Returns[0].Reason != data.ReasonWrongItemSent || d.Returns[0].Qty != 1 || d.Returns[0].RMA == "" {
		t.Errorf("returns: %+v", d.Returns)
	}
	if len(d.Contacts) != 2 || d.Contacts[0].Text != "3 more next week" {
		t.Errorf("contacts (newest first, only the period's): %+v", d.Contacts)
	}
	if len(d.Criteria) != 6 {
		t.Errorf("criteria: %+v", d.Criteria)
	}
}

func TestEachScorecardLine(t *testing.T) {
	h, sid := twoMonths(t)
	other := h.supplier("Atlas Imports")
	h.po(other, data.POSent, "2026-03-02 10:00", "2026-03-05", line{qty: 1, cost: 500, quoted: 500})
	p := Period{"2026-02-01", "2026-04-01"}
	var all []ScorecardLine
	if err := h.a.EachScorecardLine(p, LineQuery{}, func(l ScorecardLine) error { all = append(all, l); return nil }); err != nil {
		t.Fatal(err)
	}
	// In the order they were made: Hanse's four, then Atlas's one.
	if len(all) != 5 || all[0].PromisedDay != "2026-02-05" || all[3].PromisedDay != "2026-03-23" || all[4].Supplier != "Atlas Imports" {
		t.Fatalf("lines: %+v", all)
	}
	if lead, ok := all[0].LeadDays(); !ok || lead != 3 || !all[0].OTIF() || all[0].Supplier != "Hanse Wholesale" {
		t.Errorf("February's line: %+v, lead %d (%v)", all[0], lead, ok)
	}
	if _, ok := all[4].LeadDays(); ok {
		t.Errorf("a line with no receipt has no lead time: %+v", all[4])
	}
	var one []ScorecardLine
	q := LineQuery{SupplierID: sid, MissedOnly: true, Limit: 1}
	if err := h.a.EachScorecardLine(p, q, func(l ScorecardLine) error { one = append(one, l); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(one) != 1 || one[0].Supplier != "Hanse Wholesale" || one[0].OTIF() {
		t.Errorf("one missed line of Hanse: %+v", one)
	}
}

func TestStandingsForPlanning(t *testing.T) {
	h := newHistory(t, "UTC") // today is 10 April 2026
	good := h.supplier("Dependable GmbH")
	bad := h.supplier("Sloppy Ltd")
	fresh := h.supplier("New Prospect")
	for i := 0; i < 5; i++ {
		po, ls := h.po(good, data.POReceived, "2026-03-02 10:00", "2026-03-05", line{qty: 1, cost: 500, quoted: 500})
		h.receive(po, "2026-03-05 10:00", ls[0], 1, 0)
		h.ack(po, "2026-03-02 11:00")
		// Sloppy: never acknowledged, a week late, half rejected, 20 % dearer:
		// OTIF 0, fill 100, lead 10 > 2·3 → 0, quality 100 − 5·50 → 0, price 100 − 200 → 0;
		// score = 15·100 / 95 = 15.8: very poor.
		po, ls = h.po(bad, data.POReceived, "2026-03-02 10:00", "2026-03-05", line{qty: 2, cost: 600, quoted: 500})
		h.receive(po, "2026-03-12 10:00", ls[0], 2, 2)
	}
	got, err := h.a.Standings("2026-04-10")
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint]Standing{good: StandingExcellent, bad: StandingVeryPoor, fresh: StandingInsufficient}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("supplier %d: %s, want %s", id, got[id], w)
		}
	}
	// A year later the March history has left the twelve-month window.
	later, err := h.a.Standings("2027-04-10")
	if err != nil {
		t.Fatal(err)
	}
	if later[bad] != StandingInsufficient {
		t.Errorf("a year on: %s, want insufficient_data", later[bad])
	}
}
