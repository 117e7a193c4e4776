package app

import (
	"fmt"
	"time"

	"clockwork/app/importfile"
	"clockwork/data"
)

// checkBounds lists what in an incoming order (a file's row, a typed order) lies beyond
// the bounds of bounds.go.
func (in *OrderInput) checkBounds(ps *problems) {
	ps.text("number", in.Number, MaxCode)
	ps.text("customer", in.Customer, MaxName)
	ps.text("email", in.Email, MaxName)
	ps.text("phone", in.Phone, MaxCode)
	ps.text("note", in.Note, MaxText)
	checkAddressBounds(ps, in.ShipTo)
	for _, m := range []data.Money{in.Subtotal, in.Shipping, in.Tax, in.Total} {
		if m > MaxMoney {
			ps.money("totals", m)
			break
		}
	}
	if !in.PlacedAt.IsZero() {
		now := time.Now()
		if in.PlacedAt.Before(now.AddDate(-HistoryYears, 0, 0)) || in.PlacedAt.After(now.AddDate(0, 0, AheadDays)) {
			ps.add("placed at", "%s is outside the dates Clockwork takes: from %s (ten years back) to %s (a year ahead)",
				in.PlacedAt.Format(data.DayLayout), now.AddDate(-HistoryYears, 0, 0).Format(data.DayLayout), now.AddDate(0, 0, AheadDays).Format(data.DayLayout))
		}
	}
	for i, l := range in.Lines {
		if len(l.SKU) <= MaxCode && len(l.Title) <= MaxName && l.UnitPrice <= MaxMoney {
			continue // within bounds: no field names to write (100,000 orders of an import come by here)
		}
		ps.text(fmt.Sprintf("line %d sku", i+1), l.SKU, MaxCode)
		ps.text(fmt.Sprintf("line %d title", i+1), l.Title, MaxName)
		if l.UnitPrice > MaxMoney {
			ps.money(fmt.Sprintf("line %d price", i+1), l.UnitPrice)
		}
	}
}

// checkAddressBounds checks the length of every part of an address.
func checkAddressBounds(ps *problems, ad data.Address) {
	for _, f := range []struct{ field, value string }{
		{"ship to name", ad.Name}, {"company", ad.Company}, {"address", ad.Address1}, {"address 2", ad.Address2},
		{"city", ad.City}, {"province", ad.Province}, {"country", ad.Country},
	} {
		ps.text(f.field, f.value, MaxName)
	}
	ps.text("zip", ad.Zip, MaxCode)
	ps.text("phone", ad.Phone, MaxCode)
}

// checkParcelBounds checks the carrier, service and tracking number typed for parcels, and
// when they left.
func (a *App) checkParcelBounds(parcels []ShipInput) error {
	var ps problems
	for i, p := range parcels {
		field := fmt.Sprintf("orders[%d]", i)
		ps.text(field+" carrier", p.Carrier, MaxCode)
		ps.text(field+" service", p.Service, MaxCode)
		ps.text(field+" tracking", p.Tracking, MaxCode)
		a.happened(&ps, field+" at", p.At)
	}
	return ps.err()
}

// checkAckBounds checks a supplier's answer: its day ahead, its texts, when it came.
func (a *App) checkAckBounds(ack Ack) error {
	var ps problems
	a.day(&ps, "expected", ack.Expected)
	ps.text("supplier ref", ack.SupplierRef, MaxCode)
	ps.text("carrier", ack.Carrier, MaxCode)
	ps.text("tracking", ack.Tracking, MaxCode)
	a.happened(&ps, "at", ack.At)
	return ps.err()
}

// FarBeyond is the most units of a SKU a delivery may bring in all without confirmation:
// twice what the purchase order asked for, and ten more.
func FarBeyond(ordered int) int { return 2*ordered + 10 }

// checkDeliveryBounds checks a delivery's quantities against MaxQty and, unless force, that
// no SKU arrives far beyond what the purchase order asked for (a confirmation, not a refusal).
func checkDeliveryBounds(po data.PurchaseOrder, lines []ReceiveLine, force bool) error {
	var ps problems
	ordered, accepted := map[string]int{}, map[string]int{}
	for _, pl := range po.Lines {
		ordered[pl.SKU] += pl.Qty
		accepted[pl.SKU] += pl.QtyAccepted
	}
	for i, l := range lines {
		ps.qty(fmt.Sprintf("lines[%d] accepted", i), l.Accepted)
		ps.qty(fmt.Sprintf("lines[%d] rejected", i), l.Rejected)
		if pl := poLineByID(po.Lines, l.POLineID); pl != nil && l.Accepted > 0 && l.Accepted <= MaxQty {
			accepted[pl.SKU] += l.Accepted
		}
	}
	if err := ps.err(); err != nil || force {
		return err
	}
	var far problems
	for _, pl := range po.Lines {
		sku := pl.SKU
		if got, want := accepted[sku], ordered[sku]; got > FarBeyond(want) {
			far.add("quantity", "%s: %d units would be received against %d ordered on %s; if that many really arrived, confirm it (--force on the command line)",
				sku, got, want, po.Number)
			accepted[sku] = 0 // one problem per SKU
		}
	}
	if len(far) == 0 {
		return nil
	}
	return &InputError{Problems: far, Confirm: true}
}

// checkShopBounds checks the length of the shop's texts.
func checkShopBounds(ps *problems, s data.Shop) {
	ps.text("name", s.Name, MaxName)
	ps.text("email", s.Email, MaxName)
	ps.text("phone", s.Phone, MaxCode)
	ps.text("website", s.Website, MaxName)
	ps.text("address", s.Address, MaxText)
	ps.text("thank-you text", s.ThankYouTemplate, MaxText)
	ps.text("return instructions", s.ReturnInstructions, MaxText)
}

// checkSupplierBounds checks the length of a supplier's texts.
func checkSupplierBounds(ps *problems, s data.Supplier) {
	ps.text("name", s.Name, MaxName)
	ps.text("contact person", s.ContactPerson, MaxName)
	ps.text("email", s.Email, MaxName)
	ps.text("phone", s.Phone, MaxCode)
	ps.text("website", s.Website, MaxName)
	ps.text("address", s.Address, MaxText)
	ps.text("notes", s.Notes, MaxText)
}

// checkProductBounds checks a product's title and price.
func checkProductBounds(ps *problems, p data.Product) {
	ps.text("title", p.Title, MaxName)
	if p.Price > MaxMoney {
		ps.money("price", p.Price)
	}
}

// checkOfferBounds checks an offer's code, cost and quantities.
func checkOfferBounds(ps *problems, o data.Offer) {
	ps.text("supplier sku", o.SupplierSKU, MaxCode)
	if o.UnitCost > MaxMoney {
		ps.money("unit cost", o.UnitCost)
	}
	for _, q := range []struct {
		field string
		n     int
	}{{"pack size", o.PackSize}, {"minimum qty", o.MinQty}} {
		if q.n > MaxQty {
			ps.qty(q.field, q.n)
		}
	}
	if o.AvailableQty != nil && *o.AvailableQty > MaxQty*100 {
		ps.add("available", "%d is more than Clockwork takes (at most %d): check the number", *o.AvailableQty, MaxQty*100)
	}
}

// boundCatalogRows moves the price list's rows beyond the bounds out of rows into found.
func boundCatalogRows(rows []importfile.CatalogRow, found []importfile.Problem) ([]importfile.CatalogRow, []importfile.Problem) {
	kept := rows[:0:0]
	for _, r := range rows {
		var ps problems
		ps.text("sku", r.SKU, MaxCode)
		ps.text("supplier_sku", r.SupplierSKU, MaxCode)
		ps.text("title", r.Title, MaxName)
		for _, m := range []struct {
			field string
			v     *data.Money
		}{{"unit_cost", r.UnitCost}, {"price", r.Price}} {
			if m.v != nil && *m.v > MaxMoney {
				ps.money(m.field, *m.v)
			}
		}
		for _, q := range []struct {
			field string
			v     *int
		}{{"min_order_qty", r.MinQty}, {"pack_size", r.PackSize}} {
			if q.v != nil && *q.v > MaxQty {
				ps.qty(q.field, *q.v)
			}
		}
		if len(ps) == 0 {
			kept = append(kept, r)
			continue
		}
		for _, p := range ps {
			found = append(found, importfile.Problem{Line: r.Line, Column: p.Field, Message: p.Message})
		}
	}
	return kept, found
}
