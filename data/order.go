package data

import "time"

// Channel is where an order came from.
type Channel string

// Order channels.
const (
	ChannelShopify     Channel = "shopify"
	ChannelWooCommerce Channel = "woocommerce"
	ChannelEtsy        Channel = "etsy"
	ChannelAmazon      Channel = "amazon"
	ChannelEbay        Channel = "ebay"
	ChannelManual      Channel = "manual"
	ChannelGeneric     Channel = "generic"
)

// OrderStatus is derived from the order's lines and stored for fast filtering.
type OrderStatus string

// Order statuses (DESIGN section 1).
const (
	OrderNew               OrderStatus = "new"
	OrderPurchasing        OrderStatus = "purchasing"
	OrderReady             OrderStatus = "ready"
	OrderShipped           OrderStatus = "shipped"
	OrderCancelled         OrderStatus = "cancelled"
	OrderReturned          OrderStatus = "returned"
	OrderPartiallyReturned OrderStatus = "partially_returned"
)

// OrderStatuses lists the statuses in workflow order.
var OrderStatuses = []OrderStatus{OrderNew, OrderPurchasing, OrderReady, OrderShipped, OrderCancelled, OrderPartiallyReturned, OrderReturned}

// LineState is where one order line stands.
type LineState string

// Order line states (DESIGN section 1).
const (
	LineUnpurchased LineState = "unpurchased"
	LineOnDraftPO   LineState = "on_draft_po"
	LineOrdered     LineState = "ordered"
	LineReceived    LineState = "received"
	LineShipped     LineState = "shipped"
	LineCancelled   LineState = "cancelled"
	// LineFulfilled: the web shop's platform shipped it outside Clockwork; never bought.
	LineFulfilled LineState = "fulfilled"
	// LineNoShipping: it needs no shipping (a gift card, a download); never bought.
	LineNoShipping LineState = "no_shipping"
)

// Settled says a line asks nothing more of Clockwork: cancelled, fulfilled by the platform,
// or needing no shipping.
func (s LineState) Settled() bool {
	return s == LineCancelled || s == LineFulfilled || s == LineNoShipping
}

// Address is a postal address with the person or company at it.
type Address struct {
	Name     string
	Company  string
	Address1 string
	Address2 string
	City     string
	Province string
	Zip      string
	Country  string
	Phone    string
}

// Order is a customer's order as the web shop took it.
type Order struct {
	Base
	Channel    Channel `gorm:"size:16;not null;uniqueIndex:idx_order_channel_number"`
	Number     string  `gorm:"not null;uniqueIndex:idx_order_channel_number;index"`
	CustomerID *uint   `gorm:"index"`
	Customer   *Customer
	Email      string    // searched through SearchText, so it needs no index of its own
	ShipTo     Address   `gorm:"embedded;embeddedPrefix:ship_"`
	PlacedAt   time.Time `gorm:"not null;index;index:idx_order_status_placed,priority:2"`
	Subtotal   Money
	Shipping   Money
	Tax        Money
	Total      Money `gorm:"index"`
	// Discount is what the web shop took off the lines (already out of Subtotal); Fees are
	// charges beyond items, shipping and tax (gift wrap), FeeNames what the shop called them.
	Discount Money
	Fees     Money
	FeeNames string
	// Currency and OriginalTotal are the order's own currency and total when it was placed
	// in another currency than the shop's (its amounts are converted); "" and 0 otherwise.
	// The other Original amounts are its subtotal, discount, shipping, tax and fees in that
	// currency, as the customer paid them (kept from schema 4 on; 0 on orders converted
	// before).
	Currency         string `gorm:"size:3"`
	OriginalTotal    Money
	OriginalSubtotal Money `gorm:"not null;default:0"`
	OriginalDiscount Money `gorm:"not null;default:0"`
	OriginalShipping Money `gorm:"not null;default:0"`
	OriginalTax      Money `gorm:"not null;default:0"`
	OriginalFees     Money `gorm:"not null;default:0"`
	// PlatformID is the web shop's own id of the order; PlatformStatus and
	// PlatformFulfillment its payment and fulfillment status as last imported.
	PlatformID          string
	PlatformStatus      string `gorm:"size:32"`
	PlatformFulfillment string `gorm:"size:32"`
	// Held: not paid yet in the web shop (pending, authorized, on-hold), so not bought until a
	// later import shows it paid or the owner releases it.
	Held        bool
	Note        string // customer note or gift message
	Gift        bool
	Status      OrderStatus `gorm:"size:24;not null;index:idx_order_status_placed,priority:1"`
	ShipBy      Day         `gorm:"size:10;index"` // promised ship-by day
	AtRisk      bool        `gorm:"index"`
	ShippedAt   *time.Time  `gorm:"index"` // the returns step and insights read a day's shipments
	CancelledAt *time.Time
	Lines       []OrderLine `gorm:"constraint:OnDelete:CASCADE"`
	// CustomerName and Items (units ordered) are copies kept on the order so that the
	// orders list sorts by them through an index, at any size.
	CustomerName string `gorm:"index"`
	Items        int    `gorm:"index"`
	// SearchText is the lower-cased number, customer, e-mail, ship-to name and SKUs, so
	// that a search is one scan of one column.
	SearchText string
}

// OrderLine is one product (or unknown SKU) and quantity on an order.
type OrderLine struct {
	Base
	OrderID   uint `gorm:"not null;index"`
	Order     *Order
	ProductID *uint `gorm:"index"` // nil: SKU not in the catalog yet
	Product   *Product
	SKU       string `gorm:"index"`
	Title     string
	Qty       int
	UnitPrice Money
	// OriginalUnitPrice is the unit price in the order's own currency when an import
	// converted it (Order.Currency); 0 otherwise.
	OriginalUnitPrice Money     `gorm:"not null;default:0"`
	State             LineState `gorm:"size:16;not null;index"`
	// LeftoverID is set when the line was served from spare stock instead of a PO.
	LeftoverID *uint
	// Attention holds a message for the owner, e.g. "cancelled after the PO was sent: tell the supplier".
	Attention string `gorm:"index"`
}

// SKUAlias remembers that a SKU the web shop uses is a catalog product under another SKU,
// so that later imports link it without asking again.
type SKUAlias struct {
	Base
	SKU       string   `gorm:"not null;uniqueIndex"`
	ProductID uint     `gorm:"not null;index"`
	Product   *Product `gorm:"constraint:OnDelete:CASCADE"`
}

// Shipment is a parcel sent to the customer.
type Shipment struct {
	Base
	OrderID   uint   `gorm:"not null;index"`
	Order     *Order `gorm:"constraint:OnDelete:CASCADE"`
	PackedAt  *time.Time
	ShippedAt *time.Time
	Carrier   string
	Service   string
	Tracking  string `gorm:"index"`
	Cost      Money
	// CustomerMail is what became of the shipping confirmation e-mail, shown on the order's
	// journey: to whom and its Message-ID, or why it was not sent; "" when none was due.
	CustomerMail string
}
