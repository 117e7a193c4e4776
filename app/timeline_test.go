package app_test

import (
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

// stageView is a timeline step as the test checks it.
type stageView struct {
	done bool
	at   string // "" when no time
	note string // part of the note; "" checks nothing
}

func checkTimeline(t *testing.T, f *shopFixture, orderID uint, want map[app.Stage]stageView) {
	t.Helper()
	d, err := f.a.OrderDetail(orderID)
	f.must(err)
	seen := 0
	for _, s := range d.Timeline {
		w, ok := want[s.Stage]
		if !ok {
			continue
		}
		seen++
		at := ""
		if !s.At.IsZero() {
			at = s.At.UTC().Format("01-02 15:04")
		}
		if s.Done != w.done || at != w.at || !strings.Contains(s.Note, w.note) {
			t.Errorf("%s: done %v at %q note %q; want done %v at %q note containing %q", s.Title, s.Done, at, s.Note, w.done, w.at, w.note)
		}
	}
	if seen != len(want) {
		t.Errorf("timeline %+v lacks some of %v", d.Timeline, want)
	}
}

func TestTimelineFollowsTheOrder(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas Trading", 3, data.SupplierActive)
	offers := f.product("MUG-1", offer{supplier: s, lead: 3})
	o := f.order("#1", at("2026-03-10", 9), "MUG-1", "OLD-1")
	checkTimeline(t, f, o.ID, map[app.Stage]stageView{
		app.StagePlaced:   {true, "03-10 09:00", "from Shopify"},
		app.StageOnPO:     {false, "", "OLD-1 not in the catalog: map it"},
		app.StagePOSent:   {false, "", "waits for a purchase order"},
		app.StageReceived: {false, "", "waits for the goods to be ordered"},
		app.StageShipped:  {false, "", "ship by Sat 14 Mar"},
	})
	f.must(f.db.Model(&data.OrderLine{}).Where("id = ?", o.Lines[1].ID).Update("state", data.LineCancelled).Error)
	checkTimeline(t, f, o.ID, map[app.Stage]stageView{app.StageOnPO: {false, "", "not bought yet: plan purchases"}})

	po := f.po(s, data.PODraft, nil, "", "")
	f.clock.T = at("2026-03-10", 11)
	pl := f.onPO(po, o.Lines[0], offers[0], data.LineOnDraftPO)
	f.must(f.db.Model(&data.POLine{}).Where("id = ?", pl).Update("created_at", at("2026-03-10", 11)).Error)
	checkTimeline(t, f, o.ID, map[app.Stage]stageView{
		app.StageOnPO:   {true, "03-10 11:00", "PO-000123"},
		app.StagePOSent: {false, "", "PO-000123 is a draft: send it"},
	})

	sent := at("2026-03-10", 15)
	f.must(f.db.Model(&data.PurchaseOrder{}).Where("id = ?", po).Updates(map[string]any{"status": data.POSent, "sent_at": sent, "promised_date": "2026-03-13"}).Error)
	f.must(f.db.Model(&data.OrderLine{}).Where("id = ?", o.Lines[0].ID).Update("state", data.LineOrdered).Error)
	checkTimeline(t, f, o.ID, map[app.Stage]stageView{
		app.StagePOSent:       {true, "03-10 15:00", ""},
		app.StageAcknowledged: {false, "", "waiting for Atlas Trading to confirm PO-000123"},
		app.StageReceived:     {false, "", "PO-000123 from Atlas Trading expected Fri 13 Mar"},
	})

	f.must(f.db.Model(&data.PurchaseOrder{}).Where("id = ?", po).Updates(map[string]any{"status": data.POAcknowledged, "acknowledged_at": at("2026-03-11", 8)}).Error)
	f.clock.T = at("2026-03-14", 9) // the goods are late
	checkTimeline(t, f, o.ID, map[app.Stage]stageView{
		app.StageAcknowledged: {true, "03-11 08:00", ""},
		app.StageReceived:     {false, "", "was due Fri 13 Mar: chase the supplier"},
		app.StagePacked:       {false, "", "waits for every item"},
	})

	f.receive(po, pl, at("2026-03-14", 10), 1)
	f.must(f.db.Model(&data.OrderLine{}).Where("id = ?", o.Lines[0].ID).Update("state", data.LineReceived).Error)
	checkTimeline(t, f, o.ID, map[app.Stage]stageView{
		app.StageReceived: {true, "03-14 10:00", ""},
		app.StagePacked:   {false, "", "ready to pack"},
	})

	packed, shipped := at("2026-03-14", 16), at("2026-03-15", 9)
	ship := data.Shipment{OrderID: o.ID, PackedAt: &packed, ShippedAt: &shipped, Carrier: "DHL", Tracking: "JJD0001"}
	f.must(f.db.Create(&ship).Error)
	checkTimeline(t, f, o.ID, map[app.Stage]stageView{
		app.StagePacked:  {true, "03-14 16:00", ""},
		app.StageShipped: {true, "03-15 09:00", "DHL JJD0001"},
	})
}

func TestTimelineDetailLines(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	offers := f.product("MUG-1", offer{supplier: s, lead: 3})
	o := f.order("#1", at("2026-03-10", 9), "MUG-1", "OLD-1")
	po := f.po(s, data.POSent, ptr(at("2026-03-10", 12)), "2026-03-13", "2026-03-16")
	f.onPO(po, o.Lines[0], offers[0], data.LineOrdered)
	d, err := f.a.OrderDetail(o.ID)
	f.must(err)
	if len(d.Lines) != 2 || d.Lines[0].PO == nil || d.Lines[0].PO.Number != "PO-000123" || d.Lines[0].PO.Expected() != "2026-03-16" {
		t.Fatalf("lines %+v", d.Lines)
	}
	if !d.Lines[1].Unknown || d.Lines[1].PO != nil || d.Lines[0].Unknown {
		t.Errorf("unknown flags: %v %v", d.Lines[0].Unknown, d.Lines[1].Unknown)
	}
	if len(d.POs) != 1 || d.POs[0].Supplier != "Atlas" || d.Customer != "Zoë Łódź" {
		t.Errorf("POs %+v customer %q", d.POs, d.Customer)
	}
}
