package data

import "time"

// POStatus is where a purchase order stands with its supplier.
type POStatus string

// Purchase order statuses (DESIGN section 1).
const (
	PODraft             POStatus = "draft"
	POSent              POStatus = "sent"
	POAcknowledged      POStatus = "acknowledged"
	POPartiallyReceived POStatus = "partially_received"
	POReceived          POStatus = "received"
	POCancelled         POStatus = "cancelled"
	POClosedShort       POStatus = "closed_short"
)

// POStatuses lists the statuses in workflow order.
var POStatuses = []POStatus{PODraft, POSent, POAcknowledged, POPartiallyReceived, POReceived, POClosedShort, POCancelled}

// PurchaseOrder is what the shop buys from one supplier in one go.
type PurchaseOrder struct {
	Base
	Number         string `gorm:"not null;uniqueIndex"` // PO-000123
	SupplierID     uint   `gorm:"not null;index"`
	Supplier       *Supplier
	Status         POStatus `gorm:"size:24;not null;index"`
	SentAt         *time.Time
	AcknowledgedAt *time.Time
	PromisedDate   Day `gorm:"size:10;index"` // locked when sent
	ExpectedDate   Day `gorm:"size:10"`       // revised by the supplier
	SupplierRef    string
	Carrier        string // inbound
	Tracking       string // inbound
	ShippingCost   Money
	Notes          string
	ClosedAt       *time.Time // closed short or cancelled
	Lines          []POLine   `gorm:"constraint:OnDelete:CASCADE"`
}

// POLine is one SKU and quantity on a purchase order, serving at most one customer order line.
type POLine struct {
	Base
	PurchaseOrderID uint `gorm:"not null;index"`
	PurchaseOrder   *PurchaseOrder
	OrderLineID     *uint      `gorm:"index"` // nil: surplus for pack size or minimum, becomes a Leftover
	OrderLine       *OrderLine `gorm:"constraint:OnDelete:SET NULL"`
	OfferID         *uint      `gorm:"index"`
	Offer           *Offer     `gorm:"constraint:OnDelete:SET NULL"`
	SKU             string     `gorm:"index"`
	SupplierSKU     string     `gorm:"index"`
	Qty             int
	UnitCost        Money
	QuotedUnitCost  Money // the offer's cost when the PO was made
	QtyAccepted     int
	QtyRejected     int
}

// RejectReason says why received units were refused.
type RejectReason string

// Reject reasons.
const (
	RejectDamaged      RejectReason = "damaged"
	RejectWrongItem    RejectReason = "wrong_item"
	RejectQuality      RejectReason = "quality"
	RejectMissingParts RejectReason = "missing_parts"
)

// RejectReasons lists the reasons in the order they are offered.
var RejectReasons = []RejectReason{RejectDamaged, RejectWrongItem, RejectQuality, RejectMissingParts}

// Receipt is one delivery checked in against a purchase order.
type Receipt struct {
	Base
	PurchaseOrderID uint `gorm:"not null;index"`
	PurchaseOrder   *PurchaseOrder
	ReceivedAt      time.Time `gorm:"not null;index"`
	Note            string
	Lines           []ReceiptLine `gorm:"constraint:OnDelete:CASCADE"`
}

// ReceiptLine is what arrived for one PO line in one delivery.
type ReceiptLine struct {
	Base
	ReceiptID    uint `gorm:"not null;index"`
	POLineID     uint `gorm:"not null;index"`
	POLine       *POLine
	QtyAccepted  int
	QtyRejected  int
	RejectReason RejectReason `gorm:"size:16"`
}
