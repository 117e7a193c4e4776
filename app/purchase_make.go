package app

import (
	"context"
	"fmt"
	"sort"
	"strings"

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
	// Context, when given, lets the window cancel a purchase: cancelled before it commits, it
	// rolls back and buys nothing (the error is context.Canceled).
	Context context.Context
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
	return makePlan(in, a.planClock(), opt.Policy, opt.Ratings), nil
}

// planClock is now, as planning reads it: today, and the time of day in the shop's zone.
func (a *App) planClock() planClock {
	return planClock{today: a.Today(), clock: a.Now().In(a.Location()).Format("15:04")}
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
	a.shared.leads.veryPoor.set(opt.Ratings)
	return opt, nil
}

// makePlan applies DESIGN 4 to the input: spare stock first, then the offers by landed cost
// for the whole plan (purchase_search.go), lines grouped on one PO per supplier (its open
// draft when it has one), minimum and pack size applied to each offer's total on the PO.
func makePlan(in *planInput, pc planClock, policy Policy, ratings map[uint]SupplierRating) Plan {
	p := Plan{Policy: policy, Today: pc.today}
	pl := &planner{in: in, today: pc.today, clock: pc.clock, policy: policy, ratings: ratings, offerIdx: map[uint]int{}, supIdx: map[uint]int{}}
	toBuy := map[uint][]planLine{}
	var products []uint
	for _, l := range in.lines {
		if l.ProductID == nil {
			p.Exceptions = append(p.Exceptions, exceptionOf(l, ExceptionUnknownSKU, unknownSKUText(l.SKU)))
			continue
		}
		pid := *l.ProductID
		if takes, ok := takeLeftovers(in.leftovers[pid], l.Qty); ok {
			in.leftovers[pid] = takes.rest
			fl := plannedLine(l, nil)
			fl.leftovers = takes.took
			p.FromLeftovers = append(p.FromLeftovers, fl)
			continue
		}
		if _, ok := toBuy[pid]; !ok {
			products = append(products, pid)
		}
		toBuy[pid] = append(toBuy[pid], l)
	}
	for _, pid := range products {
		buyable, why := pl.buyableOffers(in.offers[pid])
		if len(buyable) == 0 {
			for _, l := range toBuy[pid] {
				p.Exceptions = append(p.Exceptions, exceptionOf(l, why, exceptionDetail(why, l.SKU)))
			}
			continue
		}
		pl.addItems(pid, toBuy[pid], buyable)
	}
	p.Search = pl.search()
	pl.explain(&p)
	pl.placeLines(&p)
	return p
}

// planClock is the moment a plan is made for: the day, and the time of day for cut-offs.
type planClock struct {
	today data.Day
	clock string // "15:04" in the shop's time zone
}

// buyableOffers registers the product's offers the shop may buy, the owner's order first;
// with none it says why (blocked before expired before no offer at all).
func (p *planner) buyableOffers(offers []planOffer) ([]int, ExceptionReason) {
	var ok []planOffer
	seen := map[ExceptionReason]bool{}
	for _, o := range offers {
		if good, why := o.usable(p.today, p.ratings); good {
			ok = append(ok, o)
		} else {
			seen[why] = true
		}
	}
	if len(ok) == 0 {
		switch {
		case seen[ExceptionBlocked]:
			return nil, ExceptionBlocked
		case seen[ExceptionOfferExpired]:
			return nil, ExceptionOfferExpired
		}
		return nil, ExceptionNoOffer
	}
	sort.SliceStable(ok, func(i, j int) bool {
		a, b := ok[i], ok[j]
		if a.Priority != b.Priority {
			return a.Priority < b.Priority
		}
		if a.UnitCost != b.UnitCost {
			return a.UnitCost < b.UnitCost
		}
		return a.ID < b.ID
	})
	idx := make([]int, len(ok))
	for i := range ok {
		idx[i] = p.offerIndex(&ok[i])
	}
	return idx, ""
}

// placeLines puts each bought line on its supplier's PO, in the order the lines came (oldest
// order first), then rounds each PO up and adds the supplier's charges.
func (p *planner) placeLines(plan *Plan) {
	chosen := map[uint]*planItem{}
	for _, it := range p.items {
		for _, l := range it.lines {
			chosen[l.ID] = it
		}
	}
	bySupplier := map[uint]int{}
	for _, l := range p.in.lines {
		it, ok := chosen[l.ID]
		if !ok {
			continue
		}
		lo := &p.cost.offers[it.offer()]
		i, ok := bySupplier[lo.offer.SupplierID]
		if !ok {
			i = len(plan.POs)
			bySupplier[lo.offer.SupplierID] = i
			plan.POs = append(plan.POs, newPlannedPO(lo.offer, p.in, p.ratings))
		}
		po := &plan.POs[i]
		line := plannedLine(l, lo.offer)
		line.Arrival, line.Why = p.arrival[it.offer()], it.why
		po.Lines = append(po.Lines, line)
		po.Goods += line.UnitCost * data.Money(line.Qty)
		po.PromisedDate = later(po.PromisedDate, p.today.AddDays(line.LeadDays))
	}
	for i := range plan.POs {
		po := &plan.POs[i]
		po.roundUp(p.in)
		s := p.cost.suppliers[p.supIdx[po.SupplierID]]
		if !s.hasDraft {
			po.Fee = s.terms.OrderFee
		}
		po.Shipping = s.charges() - po.Fee
		po.Cost = po.Goods + po.Fee + po.Shipping
	}
}

func newPlannedPO(o *planOffer, in *planInput, ratings map[uint]SupplierRating) PlannedPO {
	po := PlannedPO{SupplierID: o.SupplierID, Supplier: o.SupplierName, Standing: ratings[o.SupplierID].Standing}
	if d, ok := in.drafts[o.SupplierID]; ok {
		po.DraftID, po.DraftNumber, po.Extends = d.ID, d.Number, true
	}
	if po.Standing == StandingPoor {
		po.Warning = o.SupplierName + " stands poor on its scorecard: check before sending"
	}
	return po
}

// roundUp sets the surplus of each offer on the PO so that the offer's total (lines already
// on the draft included) meets its minimum and pack size.
func (po *PlannedPO) roundUp(in *planInput) {
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
			po.Goods += s.UnitCost * data.Money(s.Qty-s.Was)
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
	pl.ShipBy = l.ShipBy
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

// nextPONumber is the number after the highest PO number so far (the longest, then the
// greatest: PO-1000000 comes after PO-999999). Writes take turns (App.write), and the unique
// index on the number refuses a second PO with the same number whatever happens.
func nextPONumber(tx *gorm.DB) (int, error) {
	var last []string
	err := tx.Model(&data.PurchaseOrder{}).Where("number LIKE 'PO-%'").
		Order("length(number) DESC, number DESC").Limit(1).Pluck("number", &last).Error
	if err != nil {
		return 0, fmt.Errorf("number the purchase order: %w", err)
	}
	n := 0
	if len(last) > 0 {
		fmt.Sscanf(strings.TrimPrefix(last[0], "PO-"), "%d", &n)
	}
	return n + 1, nil
}

// poNumber writes a PO number: PO-000123.
func poNumber(n int) string { return fmt.Sprintf("PO-%06d", n) }
