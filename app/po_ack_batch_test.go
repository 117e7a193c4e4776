package app_test

import (
	"errors"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

func TestAcknowledgePOsRecordsEachAnswer(t *testing.T) {
	a, _ := apptest.NewApp(t)
	p1 := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 2, 3))
	p2 := makeSentPO(t, a, "Birch", spec("#1002", "CUP-7", 1, 2))
	first, second := apptest.Now.Add(-5*time.Hour), apptest.Now.Add(-time.Hour)
	err := a.AcknowledgePOs([]app.POAnswer{
		{POID: p1.ID, Ack: app.Ack{At: first, SupplierRef: " SO-1 "}},
		{POID: p2.ID, Ack: app.Ack{At: first, Expected: "2026-12-24"}},
		{POID: p1.ID, Ack: app.Ack{At: second, Carrier: "DHL", Tracking: "D123"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	db := apptest.DB(t, a)
	var po1, po2 data.PurchaseOrder
	db.First(&po1, p1.ID)
	db.First(&po2, p2.ID)
	if po1.Status != data.POAcknowledged || po1.AcknowledgedAt == nil || !po1.AcknowledgedAt.Equal(first) || po1.SupplierRef != "SO-1" || po1.Tracking != "D123" {
		t.Errorf("%s: %s acknowledged %v ref %q tracking %q; want acknowledged at the first answer, SO-1, D123", po1.Number, po1.Status, po1.AcknowledgedAt, po1.SupplierRef, po1.Tracking)
	}
	var kinds []data.EventKind
	db.Model(&data.SupplierEvent{}).Where("purchase_order_id = ?", p1.ID).Order("id").Pluck("kind", &kinds)
	if len(kinds) != 2 || kinds[0] != data.EventAcknowledged || kinds[1] != data.EventTracking {
		t.Errorf("%s's events %v, want acknowledged then tracking", po1.Number, kinds)
	}
	var o data.Order
	db.Where("number = ?", "#1002").First(&o)
	if po2.ExpectedDate != "2026-12-24" || !o.AtRisk {
		t.Errorf("%s expected %s, #1002 at risk %v; want 2026-12-24 and at risk", po2.Number, po2.ExpectedDate, o.AtRisk)
	}
}

func TestAcknowledgePOsIsAllOrNothing(t *testing.T) {
	a, _ := apptest.NewApp(t)
	p1 := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 2, 3))
	err := a.AcknowledgePOs([]app.POAnswer{{POID: p1.ID, Ack: app.Ack{At: apptest.Now}}, {POID: 999, Ack: app.Ack{At: apptest.Now}}})
	if !errors.Is(err, app.ErrNotFound) {
		t.Errorf("an answer to no PO: %v, want not found", err)
	}
	err = a.AcknowledgePOs([]app.POAnswer{{POID: p1.ID, Ack: app.Ack{At: apptest.Now.Add(time.Hour)}}})
	var bad *app.InputError
	if !errors.As(err, &bad) {
		t.Errorf("an answer from the future: %v, want an input error", err)
	}
	var events int64
	apptest.DB(t, a).Model(&data.SupplierEvent{}).Count(&events)
	var po data.PurchaseOrder
	apptest.DB(t, a).First(&po, p1.ID)
	if events != 0 || po.Status != data.POSent {
		t.Errorf("%d events, PO %s after refused batches; want none, sent", events, po.Status)
	}
}
