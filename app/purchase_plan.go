package app

import (
	"fmt"
	"sort"

	"clockwork/data"
)

// Policy is how purchase planning picks one offer among a product's usable ones (DESIGN 4).
type Policy string

// Purchase policies.
const (
	PolicyPreferred Policy = "preferred" // lowest priority number, then cheapest
	PolicyCheapest  Policy = "cheapest"
	PolicyFastest   Policy = "fastest"  // lowest p90 lead time, else quoted lead days
	PolicyBalanced  Policy = "balanced" // cost × (1 + 0.05 × p90 days) × (2 − score/100)
)

// ParsePolicy reads a policy name; "" is the preferred policy.
func ParsePolicy(s string) (Policy, error) {
	if s == "" {
		return PolicyPreferred, nil
	}
	if validPolicy(s) {
		return Policy(s), nil
	}
	return "", invalid("policy", "%q is not a purchase policy; use preferred, cheapest, fastest or balanced", s)
}

// ExceptionReason says why an order line could not be planned.
type ExceptionReason string

// Exception reasons: every line planning cannot buy is reported with one of them.
const (
	ExceptionUnknownSKU   ExceptionReason = "unknown_sku"      // the SKU is not a catalog product
	ExceptionNoOffer      ExceptionReason = "no_offer"         // the product has no active offer
	ExceptionBlocked      ExceptionReason = "blocked_supplier" // only blocked, paused, prospect or very poor suppliers offer it
	ExceptionOfferExpired ExceptionReason = "offer_expired"    // its active offers are not valid today
)

// Fix says in a few words how the owner clears an exception.
func (r ExceptionReason) Fix() string {
	switch r {
	case ExceptionUnknownSKU:
		return "Map the SKU to a catalog product"
	case ExceptionNoOffer:
		return "Add a supplier's offer for the product"
	case ExceptionBlocked:
		return "Pick another supplier: add an offer or unblock the supplier"
	case ExceptionOfferExpired:
		return "Renew the offer's validity or add another offer"
	}
	return ""
}

// Plan is what purchasing would do now: the purchase orders it would create or extend, the
// lines spare stock serves, and every line it cannot buy, with the reason.
type Plan struct {
	Policy        Policy
	Today         data.Day
	POs           []PlannedPO
	FromLeftovers []PlannedLine // served from spare stock: no PO, the line counts as received
	Exceptions    []PlanException
}

// LinesPlanned counts the order lines the plan places on POs or serves from spare stock.
func (p Plan) LinesPlanned() int {
	n := len(p.FromLeftovers)
	for _, po := range p.POs {
		for _, l := range po.Lines {
			if l.OrderLineID != 0 {
				n++
			}
		}
	}
	return n
}

// Cost is what the plan adds to all purchase orders together.
func (p Plan) Cost() data.Money {
	var c data.Money
	for _, po := range p.POs {
		c += po.Cost
	}
	return c
}

// PlannedPO is one supplier's purchase order in a plan: its open draft, extended, or a new one.
type PlannedPO struct {
	SupplierID   uint
	Supplier     string
	Standing     Standing
	DraftID      uint   // the open draft the lines join; 0 for a new PO
	DraftNumber  string // "" for a new PO
	Lines        []PlannedLine
	Surplus      []PlannedSurplus // pack-size and minimum surplus per offer, as it will stand
	Cost         data.Money       // what the plan adds to this PO
	PromisedDate data.Day         // today + the longest quoted lead days of its offers
	Warning      string           // e.g. the supplier stands poor
}

// PlannedLine is one order line the plan buys (or serves from spare stock).
type PlannedLine struct {
	OrderLineID uint
	OrderID     uint
	OrderNumber string
	ProductID   uint
	SKU         string
	SupplierSKU string
	Title       string
	OfferID     uint
	Qty         int
	UnitCost    data.Money
	LeadDays    int
	leftovers   []leftoverTake
}

// PlannedSurplus is the PO line, serving no order, that rounds an offer's quantity up to its
// minimum and pack size; it becomes spare stock when received.
type PlannedSurplus struct {
	LineID      uint // the draft's existing surplus line; 0 for a new one
	OfferID     uint
	SKU         string
	SupplierSKU string
	Was, Qty    int // units before and after the plan
	UnitCost    data.Money
}

// PlanException is an order line planning cannot buy, and why.
type PlanException struct {
	OrderLineID uint
	OrderID     uint
	OrderNumber string
	SKU         string
	ProductID   uint // 0 for an unknown SKU
	Reason      ExceptionReason
	Detail      string
}

// SupplierRating is what planning knows of a supplier from its scorecard.
type SupplierRating struct {
	Standing    Standing
	Score       *float64 // 0–100; nil with nothing measured
	LeadP90Days *int     // nil unless at least MinLeadHistory lines were received
	Received    int      // lines due that have a receipt: what the rating rests on
}

// SupplierRatings reads every supplier's rating from its scorecard over the twelve months up
// to asOf: planning's standing filter and the fastest and balanced policies use them.
func (a *App) SupplierRatings(asOf data.Day) (map[uint]SupplierRating, error) {
	cards, err := a.Scorecards(LastMonths(asOf, 12))
	if err != nil {
		return nil, fmt.Errorf("rate suppliers: %w", err)
	}
	out := make(map[uint]SupplierRating, len(cards))
	for _, c := range cards {
		r := SupplierRating{Standing: c.Standing, Score: c.Score, Received: c.LeadLines}
		if c.LeadLines >= MinLeadHistory {
			r.LeadP90Days = c.LeadP90Days
		}
		out[c.SupplierID] = r
	}
	return out, nil
}

// roundQty is the quantity to order for need units under an offer's minimum and pack size.
func roundQty(need, minQty, pack int) int {
	q := max(need, minQty, 1)
	if pack > 1 && q%pack != 0 {
		q += pack - q%pack
	}
	return q
}

// usable says whether an offer can be bought from today, and if not, why.
func (o planOffer) usable(today data.Day, ratings map[uint]SupplierRating) (bool, ExceptionReason) {
	switch {
	case !o.Active:
		return false, ExceptionNoOffer
	case (o.ValidFrom != "" && o.ValidFrom > today) || (o.ValidTo != "" && o.ValidTo < today):
		return false, ExceptionOfferExpired
	case !buysFrom(o.SupplierStatus) || ratings[o.SupplierID].Standing == StandingVeryPoor:
		return false, ExceptionBlocked
	}
	return true, ""
}

// buysFrom says whether the shop orders from a supplier in this status: not from one it
// blocked or paused, nor from a prospect it has not vetted yet.
func buysFrom(s data.SupplierStatus) bool {
	return s != data.SupplierBlocked && s != data.SupplierPaused && s != data.SupplierProspect
}

// leadDays is the offer's quoted lead days, the supplier's SLA when the offer quotes none.
func (o planOffer) leadDays() int {
	if o.LeadDays > 0 {
		return o.LeadDays
	}
	return max(o.QuotedLeadDays, 0)
}

// neutralScore stands in for the score of a supplier with nothing measured yet.
const neutralScore = 50.0

// rank orders usable offers by policy: the first one is bought.
func rank(offers []planOffer, policy Policy, ratings map[uint]SupplierRating) {
	lead := func(o planOffer) float64 {
		if p := ratings[o.SupplierID].LeadP90Days; p != nil {
			return float64(*p)
		}
		return float64(o.leadDays())
	}
	balanced := func(o planOffer) float64 {
		score := neutralScore
		if s := ratings[o.SupplierID].Score; s != nil {
			score = *s
		}
		return float64(o.UnitCost) * (1 + 0.05*lead(o)) * (2 - score/100)
	}
	key := func(o planOffer) []float64 {
		base := []float64{float64(o.Priority), float64(o.UnitCost)}
		switch policy {
		case PolicyCheapest:
			return []float64{float64(o.UnitCost), float64(o.Priority)}
		case PolicyFastest:
			return append([]float64{lead(o)}, base...)
		case PolicyBalanced:
			return append([]float64{balanced(o)}, base...)
		}
		return base
	}
	sort.SliceStable(offers, func(i, j int) bool {
		ki, kj := key(offers[i]), key(offers[j])
		for n := range ki {
			if ki[n] != kj[n] {
				return ki[n] < kj[n]
			}
		}
		return offers[i].ID < offers[j].ID
	})
}

// choose picks the offer to buy a product from, or says why there is none.
func choose(offers []planOffer, today data.Day, policy Policy, ratings map[uint]SupplierRating) (*planOffer, ExceptionReason) {
	var ok []planOffer
	seen := map[ExceptionReason]bool{}
	for _, o := range offers {
		if good, why := o.usable(today, ratings); good {
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
	rank(ok, policy, ratings)
	return &ok[0], ""
}
