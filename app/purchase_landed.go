package app

import (
	"clockwork/data"
)

// roundQty is the quantity to order for need units under an offer's minimum and pack size.
func roundQty(need, minQty, pack int) int {
	q := max(need, minQty, 1)
	if pack > 1 && q%pack != 0 {
		q += pack - q%pack
	}
	return q
}

// leadDays is the offer's quoted lead days, the supplier's SLA when the offer quotes none.
func (o planOffer) leadDays() int {
	if o.LeadDays > 0 {
		return o.LeadDays
	}
	return max(o.QuotedLeadDays, 0)
}

// usable says whether the shop may buy the offer today (buyable), and if not, why.
func (o planOffer) usable(today data.Day, ratings map[uint]SupplierRating) (bool, ExceptionReason) {
	return buyable(o.Active, o.ValidFrom, o.ValidTo, o.SupplierStatus, ratings[o.SupplierID].Standing, today)
}

// landedOffer is one offer's side of the landed cost: the units the plan puts on it and what
// the supplier's open draft already holds of it.
type landedOffer struct {
	offer      *planOffer
	supplier   int // index into landed.suppliers
	units      int // units the plan buys through it
	draftUnits int // units on the draft serving orders
	draftTotal int // units on the draft, its surplus line included
	weight     float64
}

// goods is what the plan adds in goods through the offer: the units, rounded up to the
// minimum and pack size together with the draft's, less what the draft already holds.
func (o *landedOffer) goods() data.Money {
	if o.units == 0 {
		return 0
	}
	q := roundQty(o.draftUnits+o.units, o.offer.MinQty, o.offer.PackSize)
	return o.offer.UnitCost * data.Money(q-o.draftTotal)
}

// landedSupplier is one supplier's side: its charges and the goods the plan adds there.
type landedSupplier struct {
	id         uint
	terms      data.SupplierTerms
	hasDraft   bool
	draftGoods data.Money // goods already on its open draft
	goods      data.Money // goods the plan adds
	items      int        // items planned with it
	weight     float64
}

// charges is what the plan adds in order fee and shipping: nothing with no items; on the open
// draft only the change in shipping (negative when the goods now reach free shipping); on a
// new PO the fee and the shipping.
func (s *landedSupplier) charges() data.Money {
	switch {
	case s.items == 0:
		return 0
	case s.hasDraft:
		return s.terms.Shipping(s.draftGoods+s.goods) - s.terms.Shipping(s.draftGoods)
	}
	return s.terms.OrderFee + s.terms.Shipping(s.goods)
}

// landed is the whole plan's landed cost as items move between offers; the total is kept as
// the items move, so a move costs a few operations whatever the size of the plan.
type landed struct {
	offers    []landedOffer
	suppliers []landedSupplier
	money     data.Money // goods and charges, unweighted
	weighted  float64    // what the policy minimises (balanced weighs by lead and score)
}

// place adds (sign 1) or removes (sign -1) an item's units on an offer, keeping the totals.
func (l *landed) place(offer, units, sign int) {
	o := &l.offers[offer]
	s := &l.suppliers[o.supplier]
	oldGoods, oldCharges := o.goods(), s.charges()
	o.units += sign * units
	s.items += sign
	newGoods := o.goods()
	s.goods += newGoods - oldGoods
	newCharges := s.charges()
	l.money += newGoods - oldGoods + newCharges - oldCharges
	l.weighted += float64(newGoods-oldGoods)*o.weight + float64(newCharges-oldCharges)*s.weight
}

// marginal is what adding units to an offer would add to the plan, in money.
func (l *landed) marginal(offer, units int) data.Money {
	before := l.money
	l.place(offer, units, 1)
	m := l.money - before
	l.place(offer, units, -1)
	return m
}
