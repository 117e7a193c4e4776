package app

import "clockwork/data"

// Policy is how purchase planning picks one offer among a product's usable ones (DESIGN 4).
type Policy string

// Purchase policies.
const (
	PolicyPreferred Policy = "preferred" // lowest priority number, then landed cost
	PolicyCheapest  Policy = "cheapest"  // landed cost
	PolicyFastest   Policy = "fastest"   // earliest arrival (p90 lead, else quoted), then landed cost
	PolicyBalanced  Policy = "balanced"  // landed cost × (1 + 0.05 × lead days) × (2 − score/100)
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
	// ExceptionLate marks a line that is bought but arrives after its order's ship-by day
	// whatever offer is chosen: it is in Plan.Late, not Plan.Exceptions.
	ExceptionLate ExceptionReason = "late"
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
	case ExceptionLate:
		return "Tell the customer, or add a faster supplier's offer"
	}
	return ""
}

// Plan is what purchasing would do now: the purchase orders it would create or extend, the
// lines spare stock serves, every line it cannot buy with the reason, and the lines that will
// arrive after their order's ship-by day whatever is chosen.
type Plan struct {
	Policy        Policy
	Today         data.Day
	POs           []PlannedPO
	FromLeftovers []PlannedLine // served from spare stock: no PO, the line counts as received
	Exceptions    []PlanException
	Late          []PlanException // bought, but no offer arrives by the order's ship-by day
	Search        string          // how the supplier for each line was chosen, in a sentence
}

// LinesToBuy counts the order lines the plan places on purchase orders.
func (p Plan) LinesToBuy() int { return p.LinesPlanned() - len(p.FromLeftovers) }

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
	DraftNumber  string // "" for a new PO (until the purchase creates it)
	Extends      bool   // the lines join the supplier's open draft
	Lines        []PlannedLine
	Surplus      []PlannedSurplus // pack-size and minimum surplus per offer, as it will stand
	Goods        data.Money       // what the plan adds in goods, surplus included
	Fee          data.Money       // the supplier's order fee, when the plan starts a new PO
	Shipping     data.Money       // the shipping charge it adds (negative: the threshold is now reached)
	Cost         data.Money       // what the plan adds to this PO: goods, fee and shipping
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
	Arrival     data.Day // expected: after the supplier's cut-off, by its p90 lead
	ShipBy      data.Day // the order's ship-by day when planned
	Why         Choice   // why this supplier; empty for a line served from spare stock
	leftovers   []leftoverTake
}

// ChoiceReason says in a word why planning chose an offer over the runner-up.
type ChoiceReason string

// Choice reasons.
const (
	ReasonOnlyOffer     ChoiceReason = "only_offer"     // no other offer can be bought
	ReasonCheaperLanded ChoiceReason = "cheaper_landed" // lower landed cost
	ReasonOnlyInTime    ChoiceReason = "only_in_time"   // the cheaper ones arrive after ship-by
	ReasonPreferred     ChoiceReason = "preferred"      // the owner's priority
	ReasonFaster        ChoiceReason = "faster"         // arrives sooner
	ReasonBalanced      ChoiceReason = "balanced"       // lead time and scorecard outweigh the cost
	ReasonNoneInTime    ChoiceReason = "none_in_time"   // nothing arrives by ship-by; chosen by policy
)

// Choice is why a line's SKU went to its supplier: the landed cost of the SKU's units there
// and at the runner-up (the rest of the plan as it stands), and the reason.
type Choice struct {
	Reason       ChoiceReason
	Cost         data.Money // landed cost of this SKU's units on the chosen PO
	RunnerUp     string     // the runner-up supplier; "" when there is none
	RunnerUpCost data.Money
	Detail       string // one sentence for the owner
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
