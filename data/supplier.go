package data

import "time"

// SupplierStatus is where a supplier stands with the shop.
type SupplierStatus string

// Supplier statuses, from first contact to trusted (or shut out).
const (
	SupplierProspect SupplierStatus = "prospect"
	SupplierVetted   SupplierStatus = "vetted"
	SupplierActive   SupplierStatus = "active"
	SupplierPaused   SupplierStatus = "paused"
	SupplierBlocked  SupplierStatus = "blocked"
)

// SupplierStatuses lists the statuses in their natural order.
var SupplierStatuses = []SupplierStatus{SupplierProspect, SupplierVetted, SupplierActive, SupplierPaused, SupplierBlocked}

// Supplier is a business the shop buys from.
type Supplier struct {
	Base
	Name            string `gorm:"not null;uniqueIndex"`
	Website         string
	Email           string
	Phone           string
	Portal          string // the supplier's ordering portal
	Chat            string // chat handle or link
	ContactPerson   string
	Address         string
	Status          SupplierStatus `gorm:"size:16;not null;index"`
	QuotedLeadDays  int            // SLA: days from order to dispatch they promise
	PromisedFillPct int            // SLA: share of each order they promise to ship complete
	OrderCutoff     string         // SLA: local time of day, e.g. "14:00"
	Terms           SupplierTerms  `gorm:"embedded"`
	Vetting         Vetting        `gorm:"embedded;embeddedPrefix:vet_"`
	Notes           string
	LastContactAt   *time.Time
	Offers          []Offer `gorm:"constraint:OnDelete:CASCADE"`
}

// SupplierTerms are what a supplier charges per purchase order on top of its goods, in cents
// of the shop's currency: purchase planning counts them in an offer's landed cost.
type SupplierTerms struct {
	OrderFee              Money `gorm:"not null;default:0"` // charged on every purchase order
	ShippingCharge        Money `gorm:"not null;default:0"` // charged unless the goods reach the threshold
	FreeShippingThreshold Money `gorm:"not null;default:0"` // goods worth this or more ship free; 0: never free
}

// Shipping is the shipping charge on a purchase order whose goods are worth goods.
func (t SupplierTerms) Shipping(goods Money) Money {
	if t.FreeShippingThreshold > 0 && goods >= t.FreeShippingThreshold {
		return 0
	}
	return t.ShippingCharge
}

// Answer is a vetting answer: yes, no or unknown ("").
type Answer string

// Vetting answers.
const (
	AnswerUnknown Answer = ""
	AnswerYes     Answer = "yes"
	AnswerNo      Answer = "no"
)

// Vetting is the checklist of DESIGN 5.1: an answer and a note per question.
type Vetting struct {
	Reachable         Answer `gorm:"size:8"`
	ReachableNote     string
	ShipsReliably     Answer `gorm:"size:8"`
	ShipsReliablyNote string
	Transparent       Answer `gorm:"size:8"`
	TransparentNote   string
	SLASigned         Answer `gorm:"size:8"`
	SLASignedNote     string
	WebsiteReviewed   Answer `gorm:"size:8"`
	WebsiteNote       string
	PricingReviewed   Answer `gorm:"size:8"`
	PricingNote       string
	ReviewsChecked    Answer `gorm:"size:8"`
	ReviewsNote       string
	FacilitiesSeen    Answer `gorm:"size:8"`
	FacilitiesNote    string
}

// VettingItem is one question of the checklist with pointers into a Vetting.
type VettingItem struct {
	Question string
	Answer   *Answer
	Note     *string
}

// Items lists the checklist's questions in order, pointing into v so callers can edit it.
func (v *Vetting) Items() []VettingItem {
	return []VettingItem{
		{"Several ways to reach them", &v.Reachable, &v.ReachableNote},
		{"Ship quickly and reliably", &v.ShipsReliably, &v.ShipsReliablyNote},
		{"Transparent about product volume (warn when they can't meet demand)", &v.Transparent, &v.TransparentNote},
		{"SLA negotiable or signed", &v.SLASigned, &v.SLASignedNote},
		{"Website reviewed", &v.WebsiteReviewed, &v.WebsiteNote},
		{"Pricing reviewed", &v.PricingReviewed, &v.PricingNote},
		{"Reviews checked", &v.ReviewsChecked, &v.ReviewsNote},
		{"Facilities seen", &v.FacilitiesSeen, &v.FacilitiesNote},
	}
}

// Yes counts the questions answered yes.
func (v Vetting) Yes() int {
	n := 0
	for _, it := range v.Items() {
		if *it.Answer == AnswerYes {
			n++
		}
	}
	return n
}

// EventKind says what a supplier event records.
type EventKind string

// Supplier event kinds.
const (
	EventPOSent       EventKind = "po_sent"
	EventAcknowledged EventKind = "acknowledged"
	EventTracking     EventKind = "tracking"
	EventMessage      EventKind = "message"
	EventCall         EventKind = "call"
	EventIssue        EventKind = "issue"
	EventNote         EventKind = "note"
)

// SupplierEvent is one entry in a supplier's contact log.
type SupplierEvent struct {
	Base
	SupplierID      uint           `gorm:"not null;index:idx_event_supplier_at"`
	Supplier        *Supplier      `gorm:"constraint:OnDelete:CASCADE"`
	PurchaseOrderID *uint          `gorm:"index"`
	PurchaseOrder   *PurchaseOrder `gorm:"constraint:OnDelete:SET NULL"`
	At              time.Time      `gorm:"not null;index:idx_event_supplier_at"`
	Kind            EventKind      `gorm:"size:16;not null"`
	Channel         string         // email, phone, portal, chat, ...
	Text            string
}
