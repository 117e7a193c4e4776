package main

import (
	"context"
	"io"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

// tellStory does what testdata/scripted-shop/shop.sh does, through package app directly.
func tellStory(t *testing.T, path string) {
	a, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	s := story{t: t, a: a}
	setUpShop(s)
	buyAndReceive(s)
	packAndShip(s)
	returnAMug(s)
}

func setUpShop(s story) {
	a := s.a
	shop, err := a.Shop()
	s.must(err)
	shop.Name, shop.Currency, shop.TimeZone, shop.HandlingDays = "Linden & Loom", "EUR", "UTC", 1
	shop.PurchasePolicy, shop.ReturnWindowDays = "preferred", 30
	shop.Weights.OTIF, shop.Weights.Quality = 40, 15
	s.must(a.SaveShop(shop))

	felt := data.Supplier{Name: "Nordic Felt", Email: "orders@nordicfelt.example", QuotedLeadDays: 3}
	felt.Vetting.Reachable, felt.Vetting.ReachableNote = data.AnswerYes, "mail and phone, answers within a day"
	felt.Vetting.SLASigned, felt.Vetting.SLASignedNote = data.AnswerYes, "signed 2026-10-01"
	s.must(a.SaveSupplier(&felt))
	enamel := data.Supplier{Name: "Lindqvist Enamel", Email: "sales@lindqvist.example", QuotedLeadDays: 2}
	s.must(a.SaveSupplier(&enamel))
	_, err = a.ImportCatalog(s.file("nordic-felt.csv"), "nordic-felt.csv", app.CatalogImportOptions{Supplier: "Nordic Felt"})
	s.must(err)
	_, err = a.ImportCatalog(s.file("lindqvist.csv"), "lindqvist.csv", app.CatalogImportOptions{Supplier: "Lindqvist Enamel"})
	s.must(err)
	felt.Status = data.SupplierActive
	s.must(a.SaveSupplier(&felt))
	enamel.Status = data.SupplierVetted
	enamel.Vetting.PricingReviewed, enamel.Vetting.PricingNote = data.AnswerYes, "cheapest of three"
	s.must(a.SaveSupplier(&enamel))
	_, err = a.ImportOrders(context.Background(), s.file("orders.csv"), "orders.csv", app.ImportOptions{})
	s.must(err)
}

func buyAndReceive(s story) {
	_, err := s.at("2026-11-02T15:00:00Z").PurchaseWith(app.PlanOptions{})
	s.must(err)
	felt, enamel := s.po("PO-000001"), s.po("PO-000002")
	s.send(felt.ID, "2026-11-02T15:05:00Z")
	s.send(enamel.ID, "2026-11-02T15:06:00Z")
	_, err = s.at("2026-11-03T08:30:00Z").AcknowledgePO(felt.ID, app.Ack{At: at("2026-11-03T08:30:00Z"), Expected: "2026-11-05"})
	s.must(err)
	_, err = s.at("2026-11-02T17:00:00Z").AcknowledgePO(enamel.ID, app.Ack{At: at("2026-11-02T17:00:00Z"), Expected: "2026-11-04", Tracking: "00340434161094042557"})
	s.must(err)
	_, err = s.a.ReceiveAll(enamel.ID, at("2026-11-04T10:00:00Z"))
	s.must(err)
	_, err = s.a.ReceiveBySKU(felt.ID, app.ReceiveBySKUInput{At: at("2026-11-05T10:00:00Z"),
		SKUs: []app.SKUDelivery{{SKU: "SLIP-GRY", Accepted: 1}, {SKU: "BASKET-S", Accepted: 1}}})
	s.must(err)
}

func (s story) po(number string) data.PurchaseOrder {
	po, err := s.a.POByNumber(number)
	s.must(err)
	return po
}

func (s story) send(id uint, when string) {
	a := s.at(when)
	sent, err := a.SendPOWith(id, app.SendOptions{})
	s.must(err)
	s.must(a.WritePOPDF(sent.ID, io.Discard))
}

func packAndShip(s story) {
	ready, err := s.a.ReadyOrderIDs()
	s.must(err)
	if len(ready) != 3 {
		s.t.Fatalf("%d orders ready to pack, want 3", len(ready))
	}
	s.must(s.a.WritePackingSlips(io.Discard, ready, app.SlipOptions{}))
	s.must(s.a.WriteThankYouCards(io.Discard, ready))
	var parcels []app.ShipInput
	for i, number := range []string{"#1001", "#1002", "#1003"} {
		o, err := s.a.OrderByNumber(number)
		s.must(err)
		tracking := []string{"00340434161094042561", "00340434161094042578", "00340434161094042585"}[i]
		parcels = append(parcels, app.ShipInput{OrderID: o.ID, Carrier: "DHL", Tracking: tracking, At: at("2026-11-05T16:00:00Z")})
	}
	for _, p := range parcels { // the script ships one order per command
		s.must(s.a.ShipOrders([]app.ShipInput{p}))
	}
}

func returnAMug(s story) {
	o, err := s.a.OrderByNumber("#1001")
	s.must(err)
	lines, err := s.a.ReturnableLines(o.ID)
	s.must(err)
	var mug uint
	for _, l := range lines {
		if l.SKU == "MUG-SAGE" {
			mug = l.OrderLineID
		}
	}
	ret, err := s.a.OpenReturn(app.ReturnInput{OrderID: o.ID, Comment: "The handle came off", At: at("2026-11-10T09:00:00Z"),
		Lines: []app.ReturnLineInput{{OrderLineID: mug, Qty: 1, Reason: data.ReasonDefective}}})
	s.must(err)
	s.must(s.at("2026-11-12T10:00:00Z").ReceiveReturn(ret.ID, at("2026-11-12T10:00:00Z")))
	detail, err := s.a.ReturnDetail(ret.ID)
	s.must(err)
	_, err = s.at("2026-11-12T10:30:00Z").CloseReturnAs(ret.ID, map[uint]data.Disposition{detail.Lines[0].ID: data.DispositionReturnToSupplier})
	s.must(err)
}
