package data

import "time"

// ReturnStatus is where a return stands.
type ReturnStatus string

// Return statuses.
const (
	ReturnRequested ReturnStatus = "requested"
	ReturnReceived  ReturnStatus = "received"
	ReturnClosed    ReturnStatus = "closed"
)

// ReturnReason is why the customer sent something back.
type ReturnReason string

// Return reasons (DESIGN section 3).
const (
	ReasonChangedMind      ReturnReason = "changed_mind"
	ReasonOrderedWrong     ReturnReason = "ordered_wrong"
	ReasonNotAsDescribed   ReturnReason = "not_as_described"
	ReasonAddressError     ReturnReason = "address_error"
	ReasonDamagedInTransit ReturnReason = "damaged_in_transit"
	ReasonLost             ReturnReason = "lost"
	ReasonLate             ReturnReason = "late"
	ReasonDefective        ReturnReason = "defective"
	ReasonWrongItemSent    ReturnReason = "wrong_item_sent"
	ReasonOther            ReturnReason = "other"
)

// Fault is who caused a return.
type Fault string

// Faults.
const (
	FaultCustomer Fault = "customer"
	FaultShop     Fault = "shop"
	FaultCarrier  Fault = "carrier"
	FaultSupplier Fault = "supplier"
	FaultUnknown  Fault = "unknown"
)

// ReturnReasons lists every reason with its default fault, in the order they are offered.
var ReturnReasons = []struct {
	Reason ReturnReason
	Fault  Fault
}{
	{ReasonChangedMind, FaultCustomer}, {ReasonOrderedWrong, FaultCustomer},
	{ReasonNotAsDescribed, FaultShop}, {ReasonAddressError, FaultShop},
	{ReasonDamagedInTransit, FaultCarrier}, {ReasonLost, FaultCarrier},
	{ReasonLate, FaultSupplier}, {ReasonDefective, FaultSupplier}, {ReasonWrongItemSent, FaultSupplier},
	{ReasonOther, FaultUnknown},
}

// DefaultFault is who a reason blames unless the owner says otherwise.
func DefaultFault(r ReturnReason) Fault {
	for _, rf := range ReturnReasons {
		if rf.Reason == r {
			return rf.Fault
		}
	}
	return FaultUnknown
}

// Disposition is what happens to returned units.
type Disposition string

// Dispositions.
const (
	DispositionRefund           Disposition = "refund"
	DispositionReplace          Disposition = "replace"
	DispositionReturnToSupplier Disposition = "return_to_supplier"
	DispositionKeepAsStock      Disposition = "keep_as_stock"
	DispositionDiscard          Disposition = "discard"
)

// Dispositions lists them in the order they are offered.
var Dispositions = []Disposition{DispositionRefund, DispositionReplace, DispositionReturnToSupplier, DispositionKeepAsStock, DispositionDiscard}

// Return is a customer sending items back (an RMA).
type Return struct {
	Base
	Number          string `gorm:"not null;uniqueIndex"` // RMA-0001
	OrderID         uint   `gorm:"not null;index"`
	Order           *Order
	OpenedAt        time.Time    `gorm:"not null;index"`
	Status          ReturnStatus `gorm:"size:16;not null;index"`
	CustomerComment string
	InternalNote    string
	ReceivedAt      *time.Time
	ClosedAt        *time.Time
	Lines           []ReturnLine `gorm:"constraint:OnDelete:CASCADE"`
}

// ReturnLine is units of one order line coming back, traced to the PO line that delivered them.
type ReturnLine struct {
	Base
	ReturnID    uint `gorm:"not null;index"`
	OrderLineID uint `gorm:"not null;index"`
	OrderLine   *OrderLine
	POLineID    *uint   `gorm:"index"`
	POLine      *POLine `gorm:"constraint:OnDelete:SET NULL"`
	Qty         int
	Reason      ReturnReason `gorm:"size:24"`
	Fault       Fault        `gorm:"size:16"`
	Disposition Disposition  `gorm:"size:24"`
	// ReplacementLineID is the new order line a `replace` disposition created.
	ReplacementLineID *uint
}
