package app

import (
	"slices"
	"strconv"
	"strings"

	"clockwork/data"
)

// planItem is the lines of one product that share the same offers to choose from (those that
// arrive by their orders' ship-by day): the unit the search moves between suppliers.
type planItem struct {
	productID uint
	lines     []planLine
	units     int
	buyable   []int // every offer the shop may buy the product through (landed.offers)
	cands     []int // those in time, narrowed by the policy, in the order ties are broken
	late      bool  // no offer arrives by ship-by: cands are every buyable offer
	pick      int   // the chosen offer, an index into cands
	why       Choice
}

func (it *planItem) offer() int { return it.cands[it.pick] }

// planner makes one plan: the offers, suppliers and items the search works over.
type planner struct {
	in       *planInput
	today    data.Day
	clock    string // now, "15:04" in the shop's time zone: against the suppliers' cut-offs
	policy   Policy
	ratings  map[uint]SupplierRating
	cost     landed
	offerIdx map[uint]int // offer ID → landed.offers
	supIdx   map[uint]int // supplier ID → landed.suppliers
	arrival  []data.Day   // by landed.offers index
	items    []*planItem
}

// lead is the days an offer takes: the supplier's p90 from history, else the quoted days.
func (p *planner) lead(o *planOffer) int {
	if d := p.ratings[o.SupplierID].LeadP90Days; d != nil {
		return *d
	}
	return o.leadDays()
}

// arrive is when goods ordered now arrive: the order goes out today, or tomorrow when it is
// past the supplier's cut-off, and takes the offer's lead.
func (p *planner) arrive(o *planOffer) data.Day {
	start := p.today
	if c := normalCutoff(o.OrderCutoff); c != "" && p.clock >= c {
		start = start.AddDays(1)
	}
	return start.AddDays(p.lead(o))
}

// normalCutoff writes a cut-off as "15:04" ("9:30" → "09:30") so it compares as text.
func normalCutoff(c string) string {
	c = strings.TrimSpace(c)
	if len(c) == 4 && c[1] == ':' {
		return "0" + c
	}
	return c
}

// weight is how much the balanced policy makes a cent of this lead and score count.
func (p *planner) weight(supplierID uint, lead int) float64 {
	if p.policy != PolicyBalanced {
		return 1
	}
	score := neutralScore
	if s := p.ratings[supplierID].Score; s != nil {
		score = *s
	}
	return (1 + 0.05*float64(lead)) * (2 - score/100)
}

// neutralScore stands in for the score of a supplier with nothing measured yet.
const neutralScore = 50.0

// offerIndex registers a buyable offer (and its supplier) with the landed cost.
func (p *planner) offerIndex(o *planOffer) int {
	if i, ok := p.offerIdx[o.ID]; ok {
		return i
	}
	s, ok := p.supIdx[o.SupplierID]
	if !ok {
		s = len(p.cost.suppliers)
		p.supIdx[o.SupplierID] = s
		sup := landedSupplier{id: o.SupplierID, terms: o.terms(), weight: p.weight(o.SupplierID, p.supplierLead(o))}
		if d, ok := p.in.drafts[o.SupplierID]; ok {
			sup.hasDraft = true
			for _, r := range p.in.draftRows[d.ID] {
				sup.draftGoods += r.UnitCost * data.Money(r.Qty)
			}
		}
		p.cost.suppliers = append(p.cost.suppliers, sup)
	}
	lo := landedOffer{offer: o, supplier: s, weight: p.weight(o.SupplierID, p.lead(o))}
	if d, ok := p.in.drafts[o.SupplierID]; ok {
		for _, r := range p.in.draftRows[d.ID] {
			if r.OfferID != nil && *r.OfferID == o.ID {
				lo.draftTotal += r.Qty
				if r.OrderLineID != nil {
					lo.draftUnits += r.Qty
				}
			}
		}
	}
	i := len(p.cost.offers)
	p.offerIdx[o.ID] = i
	p.cost.offers = append(p.cost.offers, lo)
	p.arrival = append(p.arrival, p.arrive(o))
	return i
}

// supplierLead is the supplier's own lead for weighing its charges: p90, else its SLA.
func (p *planner) supplierLead(o *planOffer) int {
	if d := p.ratings[o.SupplierID].LeadP90Days; d != nil {
		return *d
	}
	return max(o.QuotedLeadDays, 0)
}

// addItems groups a product's lines to buy by the offers that arrive in time for them.
func (p *planner) addItems(pid uint, lines []planLine, buyable []int) {
	byKey := map[string]*planItem{}
	for _, l := range lines {
		var inTime []int
		for _, o := range buyable {
			if l.ShipBy == "" || p.arrival[o] <= l.ShipBy {
				inTime = append(inTime, o)
			}
		}
		key := offerKey(inTime)
		it, ok := byKey[key]
		if !ok {
			it = &planItem{productID: pid, buyable: buyable, cands: inTime}
			if len(inTime) == 0 {
				it.late, it.cands = true, slices.Clone(buyable)
			}
			p.narrow(it)
			byKey[key] = it
			p.items = append(p.items, it)
		}
		it.lines = append(it.lines, l)
		it.units += l.Qty
	}
}

// narrow keeps the candidates the policy allows: the owner's first choice for preferred, the
// earliest arrival for fastest; cheapest and balanced leave every one to the landed cost.
func (p *planner) narrow(it *planItem) {
	var key func(o int) int
	switch p.policy {
	case PolicyPreferred:
		key = func(o int) int { return p.cost.offers[o].offer.Priority }
	case PolicyFastest:
		key = func(o int) int { return p.today.DaysUntil(p.arrival[o]) }
	default:
		return
	}
	best := key(it.cands[0])
	for _, o := range it.cands[1:] {
		best = min(best, key(o))
	}
	it.cands = slices.DeleteFunc(it.cands, func(o int) bool { return key(o) != best })
}

// offerKey names a set of offers, to group lines that choose among the same ones.
func offerKey(offers []int) string {
	var b strings.Builder
	for _, o := range offers {
		b.WriteString(strconv.Itoa(o))
		b.WriteByte(',')
	}
	return b.String()
}
