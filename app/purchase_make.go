package app

import (
	"fmt"

	"clockwork/data"

	"gorm.io/gorm"
)

// PlanOptions narrow or steer a plan.
type PlanOptions struct {
	Policy   Policy // "" for the shop's purchase policy
	OrderIDs []uint // plan only these orders' lines; nil for every open order
	// Ratings are the suppliers' scorecard ratings; nil reads them (SupplierRatings). The
	// demo passes ones it refreshes now and then, as a scorecard changes slowly.
	Ratings map[uint]SupplierRating
}

// PlanPurchases works out what buying every unpurchased line would do now under the shop's
// policy, without writing anything: the preview "Purchase now" shows.
func (a *App) PlanPurchases() (Plan, error) { return a.PlanPurchasesWith(PlanOptions{}) }

// PlanPurchasesWith is PlanPurchases with options.
func (a *App) PlanPurchasesWith(opt PlanOptions) (Plan, error) {
	opt, err := a.planOptions(opt)
	if err != nil {
		return Plan{}, err
	}
	in, err := loadPlanInput(a.db, opt.OrderIDs)
	if err != nil {
		return Plan{}, fmt.Errorf("plan purchases: %w", err)
	}
	return makePlan(in, a.Today(), opt.Policy, opt.Ratings), nil
}

// planOptions fills in the shop's policy and the suppliers' ratings; it reads the database,
// so it runs before any transaction.
func (a *App) planOptions(opt PlanOptions) (PlanOptions, error) {
	if opt.Policy == "" {
		shop, err := a.Shop()
		if err != nil {
			return opt, err
		}
		if opt.Policy, err = ParsePolicy(shop.PurchasePolicy); err != nil {
			return opt, err
		}
	} else if _, err := ParsePolicy(string(opt.Policy)); err != nil {
		return opt, err
	}
	if opt.Ratings == nil {
		r, err := a.SupplierRatings(a.Today())
		if err != nil {
			return opt, err
		}
		opt.Ratings = r
	}
	return opt, nil
}

// makePlan applies DESIGN 4 to the input: spare stock first, then one offer per product by
// policy, lines grouped on one PO per supplier (its open draft when it has one), minimum and
// pack size applied to each offer's total on the PO.
func makePlan(in *planInput, today data.Day, policy Policy, ratings map[uint]SupplierRating) Plan {
	p := Plan{Policy: policy, Today: today}
	type choice struct {
		offer *planOffer
		why   ExceptionReason
	}
	chosen := map[uint]choice{}
	bySupplier := map[uint]int{} // index into p.POs
	for _, l := range in.lines {
		if l.ProductID == nil {
			p.Exceptions = append(p.Exceptions, exceptionOf(l, ExceptionUnknownSKU, unknownSKUText(l.SKU)))
			continue
		}
		pid := *l.ProductID
		if takes, ok := takeLeftovers(in.leftovers[pid], l.Qty); ok {
			in.leftovers[pid] = takes.rest
			pl := plannedLine(l, nil)
			pl.leftovers = takes.took
			p.FromLeftovers = append(p.FromLeftovers, pl)
			continue
		}
		c, ok := chosen[pid]
		if !ok {
			c.offer, c.why = choose(in.offers[pid], today, policy, ratings)
			chosen[pid] = c
		}
		if c.offer == nil {
			p.Exceptions = append(p.Exceptions, exceptionOf(l, c.why, exceptionDetail(c.why, l.SKU)))
			continue
		}
		i, ok := bySupplier[c.offer.SupplierID]
		if !ok {
			i = len(p.POs)
			bySupplier[c.offer.SupplierID] = i
			p.POs = append(p.POs, newPlannedPO(c.offer, in, ratings))
		}
		po := &p.POs[i]
		pl := plannedLine(l, c.offer)
		po.Lines = append(po.Lines, pl)
		po.Cost += pl.UnitCost * data.Money(pl.Qty)
		po.PromisedDate = later(po.PromisedDate, today.AddDays(pl.LeadDays))
	}
	for i := range p.POs {
		p.POs[i].roundUp(in, today)
	}
	return p
}

func newPlannedPO(o *planOffer, in *planInput, ratings map[uint]SupplierRating) PlannedPO {
	po := PlannedPO{SupplierID: o.SupplierID, Supplier: o.SupplierName, Standing: ratings[o.SupplierID].Standing}
	if d, ok := in.drafts[o.SupplierID]; ok {
		po.DraftID, po.DraftNumber = d.ID, d.Number
	}
	if po.Standing == StandingPoor {
		po.Warning = o.SupplierName + " stands poor on its scorecard: check before sending"
	}
	return po
}

// roundUp sets the surplus of each offer on the PO so that the offer's total (lines already
// on the draft included) meets its minimum and pack size.
func (po *PlannedPO) roundUp(in *planInput, today data.Day) {
	need := map[uint]int{}
	var order []uint
	info := map[uint]PlannedLine{}
	for _, l := range po.Lines {
		if _, ok := need[l.OfferID]; !ok {
			order = append(order, l.OfferID)
			info[l.OfferID] = l
		}
		need[l.OfferID] += l.Qty
	}
	surplus := map[uint]draftLine{}
	for _, r := range in.draftRows[po.DraftID] {
		if r.OfferID == nil {
			continue
		}
		if r.OrderLineID != nil {
			need[*r.OfferID] += r.Qty
		} else if _, ok := surplus[*r.OfferID]; !ok {
			surplus[*r.OfferID] = r
		}
	}
	for _, id := range order {
		l := info[id]
		o := offerByID(in.offers[l.ProductID], id)
		target := roundQty(need[id], o.MinQty, o.PackSize)
		old := surplus[id]
		s := PlannedSurplus{LineID: old.ID, OfferID: id, SKU: l.SKU, SupplierSKU: l.SupplierSKU, Was: old.Qty, Qty: target - need[id], UnitCost: l.UnitCost}
		if s.Qty != s.Was {
			po.Surplus = append(po.Surplus, s)
			po.Cost += s.UnitCost * data.Money(s.Qty-s.Was)
		}
	}
}

func offerByID(offers []planOffer, id uint) planOffer {
	for _, o := range offers {
		if o.ID == id {
			return o
		}
	}
	return planOffer{}
}

func plannedLine(l planLine, o *planOffer) PlannedLine {
	pl := PlannedLine{OrderLineID: l.ID, OrderID: l.OrderID, OrderNumber: l.OrderNumber, SKU: l.SKU, Title: l.Title, Qty: l.Qty}
	if l.ProductID != nil {
		pl.ProductID = *l.ProductID
	}
	if o != nil {
		pl.OfferID, pl.SupplierSKU, pl.UnitCost, pl.LeadDays = o.ID, o.SupplierSKU, o.UnitCost, o.leadDays()
	}
	return pl
}

func exceptionOf(l planLine, why ExceptionReason, detail string) PlanException {
	e := PlanException{OrderLineID: l.ID, OrderID: l.OrderID, OrderNumber: l.OrderNumber, SKU: l.SKU, Reason: why, Detail: detail}
	if l.ProductID != nil {
		e.ProductID = *l.ProductID
	}
	return e
}

func exceptionDetail(why ExceptionReason, sku string) string {
	switch why {
	case ExceptionBlocked:
		return "every supplier offering " + sku + " is blocked, paused, not vetted yet or stands very poor"
	case ExceptionOfferExpired:
		return "the offers for " + sku + " are not valid today"
	}
	return "no supplier has an active offer for " + sku
}

// leftoverSplit is what a line takes from spare stock and what stays on the shelf.
type leftoverSplit struct{ took, rest []leftoverTake }

// takeLeftovers serves qty units from spare stock, oldest first, when there are enough.
func takeLeftovers(stock []leftoverTake, qty int) (leftoverSplit, bool) {
	total := 0
	for _, s := range stock {
		total += s.Qty
	}
	if qty <= 0 || total < qty {
		return leftoverSplit{}, false
	}
	var out leftoverSplit
	for _, s := range stock {
		n := min(s.Qty, qty)
		qty -= n
		if n > 0 {
			out.took = append(out.took, leftoverTake{ID: s.ID, Qty: n})
		}
		if s.Qty-n > 0 {
			out.rest = append(out.rest, leftoverTake{ID: s.ID, Qty: s.Qty - n})
		}
	}
	return out, true
}

func later(a, b data.Day) data.Day {
	if b > a {
		return b
	}
	return a
}

// nextPONumber is the number after the highest PO number so far.
func nextPONumber(tx *gorm.DB) (int, error) {
	var n int
	err := tx.Raw("SELECT COALESCE(MAX(CAST(SUBSTR(number, 4) AS INTEGER)), 0) FROM purchase_orders WHERE number LIKE 'PO-%'").Row().Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("number the purchase order: %w", err)
	}
	return n + 1, nil
}

// poNumber writes a PO number: PO-000123.
func poNumber(n int) string { return fmt.Sprintf("PO-%06d", n) }
