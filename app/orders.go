package app

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// OrderInput is a customer order as it comes in, from an import or typed by hand.
type OrderInput struct {
	Channel   data.Channel
	Number    string // "" on a manual order: the next M-0001 style number is given
	PlacedAt  time.Time
	Customer  string
	Email     string
	Phone     string
	ShipTo    data.Address
	Subtotal  data.Money // 0: the sum of the lines
	Shipping  data.Money
	Tax       data.Money
	Total     data.Money // 0: subtotal + shipping + tax
	Note      string     // customer note or gift message
	Gift      bool
	Cancelled bool // cancelled in the web shop before it reached Clockwork
	// CancelledAt is when the web shop cancelled it (zero: when it reaches Clockwork).
	CancelledAt time.Time
	// Held: not paid yet in the web shop; stored, but not bought until released.
	Held bool
	// Discount (already out of Subtotal), Fees (gift wrap, handling: part of Total) and
	// what the fees were called.
	Discount, Fees data.Money
	FeeNames       string
	// Currency and Original: the order's own currency and amounts (as the customer paid
	// them) when an import converted them into the shop's currency.
	Currency string
	Original OriginalAmounts
	// The web shop's own id of the order and its payment and fulfillment status.
	PlatformID, PlatformStatus, PlatformFulfillment string
	Lines                                           []LineInput
	row                                             int // its ImportResult.Rows index + 1 on a preview; 0: none
}

// OriginalAmounts are an order's amounts in its own currency, before an import converted them.
type OriginalAmounts struct {
	Subtotal, Discount, Shipping, Tax, Fees, Total data.Money
}

// LineInput is one line of an incoming order.
type LineInput struct {
	SKU       string
	Title     string
	Qty       int
	UnitPrice data.Money
	// OriginalUnitPrice is UnitPrice in the order's own currency, when an import converted it.
	OriginalUnitPrice data.Money
	// Fulfilled: the web shop shipped it already; NoShipping: it needs none (a gift card).
	// Neither is bought.
	Fulfilled, NoShipping bool
}

// MaxLineQty bounds a line's quantity: more is a typing or export mistake.
const MaxLineQty = MaxQty

// ErrDuplicateOrder means an order with the same channel and number is already stored.
var ErrDuplicateOrder = errors.New("order already imported")

// CheckManualOrder lists everything wrong with an order typed in by hand, field by field,
// without storing it: the New order form calls it as the user types.
func CheckManualOrder(in OrderInput) []Problem {
	in.Channel = data.ChannelManual
	if in.PlacedAt.IsZero() {
		in.PlacedAt = time.Now()
	}
	ps := in.check()
	in.checkAddress(&ps)
	return ps
}

// check tidies the input and lists everything wrong with it.
func (in *OrderInput) check() problems {
	var ps problems
	in.Number = strings.TrimSpace(in.Number)
	in.Customer = strings.TrimSpace(in.Customer)
	in.Email = strings.TrimSpace(in.Email)
	if in.Channel == "" {
		in.Channel = data.ChannelManual
	}
	if in.Number == "" && in.Channel != data.ChannelManual {
		ps.add("number", "the order needs a number")
	}
	if in.PlacedAt.IsZero() {
		ps.add("placed at", "the order needs the date it was placed")
	}
	if in.Email != "" {
		if addr, err := mail.ParseAddress(in.Email); err != nil || addr.Address != in.Email || !strings.Contains(in.Email, ".") {
			ps.add("email", "%q is not an e-mail address like name@example.com", in.Email)
		}
	}
	if len(in.Lines) == 0 {
		ps.add("lines", "the order needs at least one line")
	}
	for i, l := range in.Lines {
		checkLine(&ps, i+1, l)
	}
	if in.Subtotal < 0 || in.Shipping < 0 || in.Tax < 0 || in.Total < 0 || in.Discount < 0 || in.Fees < 0 {
		ps.add("totals", "subtotal, shipping, tax and total cannot be negative")
	}
	in.checkBounds(&ps)
	return ps
}

// checkAddress asks a typed-in order for what a parcel needs: someone to send it to, and
// where. Imports are not held to it: a web shop's pickup or cancelled order may have none.
func (in *OrderInput) checkAddress(ps *problems) {
	if in.Customer == "" && strings.TrimSpace(in.ShipTo.Name) == "" {
		ps.add("customer", "give the customer's name")
	}
	if strings.TrimSpace(in.ShipTo.Address1) == "" {
		ps.add("address", "give the street address to ship to")
	}
	if strings.TrimSpace(in.ShipTo.City) == "" {
		ps.add("city", "give the city to ship to")
	}
	if strings.TrimSpace(in.ShipTo.Country) == "" {
		ps.add("country", "give the country to ship to")
	}
}

func checkLine(ps *problems, n int, l LineInput) {
	if strings.TrimSpace(l.SKU) == "" && strings.TrimSpace(l.Title) == "" {
		ps.add(fmt.Sprintf("line %d", n), "give a SKU or a title")
	}
	if l.Qty < 1 {
		ps.add(fmt.Sprintf("line %d qty", n), "%d: the quantity must be at least 1", l.Qty)
	} else if l.Qty > MaxLineQty {
		ps.add(fmt.Sprintf("line %d qty", n), "%d: a quantity over %d is surely a mistake", l.Qty, MaxLineQty)
	}
	if l.UnitPrice < 0 {
		ps.add(fmt.Sprintf("line %d price", n), "%s is negative", l.UnitPrice)
	}
}

// AddOrder checks and stores a new order with its lines (state unpurchased, or cancelled for
// an order cancelled in the web shop), linking each line to the catalog product with its SKU
// and the customer with its e-mail, and promising a ship-by day (DESIGN 4). A manual order
// without a number, or without a placing time, gets the next number and the current time.
func (a *App) AddOrder(in OrderInput) (data.Order, error) {
	if in.PlacedAt.IsZero() && (in.Channel == "" || in.Channel == data.ChannelManual) {
		in.PlacedAt = a.Now()
	}
	if err := in.check().err(); err != nil {
		return data.Order{}, err
	}
	var o data.Order
	loc := a.Location() // read before the transaction: the database has one connection
	err := a.write(func(tx *gorm.DB) error {
		if in.Number == "" {
			n, err := nextManualNumber(tx)
			if err != nil {
				return err
			}
			in.Number = n
		}
		w, err := newOrderWriter(data.NewTxSQL(context.Background(), tx, &a.shared.stmts), &a.shared.leads, a.Now(), loc, false)
		if err != nil {
			return err
		}
		if o, err = w.add(in); err != nil {
			return err
		}
		return w.flush()
	})
	if err != nil {
		return data.Order{}, fmt.Errorf("add order %s: %w", in.Number, err)
	}
	return o, nil
}

// AddManualOrder stores an order the owner typed in: channel manual, the next M-0001 style
// number, placed now, and it must say who to ship to and where.
func (a *App) AddManualOrder(in OrderInput) (data.Order, error) {
	in.Channel, in.Number, in.Cancelled = data.ChannelManual, "", false
	in.PlacedAt = a.Now()
	if err := problems(CheckManualOrder(in)).err(); err != nil {
		return data.Order{}, err
	}
	return a.AddOrder(in)
}

// NextManualNumber is the number the next order typed in by hand will get, e.g. "M-0042".
func (a *App) NextManualNumber() (string, error) {
	return nextManualNumber(a.db)
}

func nextManualNumber(db *gorm.DB) (string, error) {
	var last []string
	err := db.Model(&data.Order{}).Where("channel = ? AND number LIKE 'M-%'", data.ChannelManual).
		Order("length(number) DESC, number DESC").Limit(1).Pluck("number", &last).Error
	if err != nil {
		return "", fmt.Errorf("find the last manual order number: %w", err)
	}
	n := 0
	if len(last) > 0 {
		fmt.Sscanf(strings.TrimPrefix(last[0], "M-"), "%d", &n)
	}
	return fmt.Sprintf("M-%04d", n+1), nil
}

// newOrder builds the order row and its lines from checked input.
func newOrder(in OrderInput, now time.Time) data.Order {
	o := data.Order{
		Channel: in.Channel, Number: in.Number, Email: in.Email, ShipTo: trimAddress(in.ShipTo),
		PlacedAt: in.PlacedAt.UTC(), Shipping: in.Shipping, Tax: in.Tax, Total: in.Total,
		Note: strings.TrimSpace(in.Note), Gift: in.Gift, Status: data.OrderNew,
		Discount: in.Discount, Fees: in.Fees, FeeNames: in.FeeNames, Currency: in.Currency,
		OriginalTotal: in.Original.Total, OriginalSubtotal: in.Original.Subtotal, OriginalDiscount: in.Original.Discount,
		OriginalShipping: in.Original.Shipping, OriginalTax: in.Original.Tax, OriginalFees: in.Original.Fees, PlatformID: in.PlatformID, PlatformStatus: in.PlatformStatus,
		PlatformFulfillment: in.PlatformFulfillment, Held: in.Held && !in.Cancelled,
	}
	if in.Cancelled {
		t := now.UTC()
		if !in.CancelledAt.IsZero() {
			t = in.CancelledAt.UTC()
		}
		o.CancelledAt = &t
	}
	o.Lines = make([]data.OrderLine, 0, len(in.Lines))
	for _, l := range in.Lines {
		o.Subtotal += l.UnitPrice * data.Money(l.Qty)
		o.Items += l.Qty
		o.Lines = append(o.Lines, data.OrderLine{
			SKU: strings.TrimSpace(l.SKU), Title: strings.TrimSpace(l.Title), Qty: l.Qty,
			UnitPrice: l.UnitPrice, OriginalUnitPrice: l.OriginalUnitPrice, State: newLineState(in, l),
		})
	}
	o.Status = newOrderStatus(o.Lines)
	if in.Subtotal != 0 { // the shop's own figure, after its discounts
		o.Subtotal = in.Subtotal
	}
	if o.Total == 0 {
		o.Total = o.Subtotal + o.Shipping + o.Tax + o.Fees
	}
	o.CustomerName = firstNonEmpty(in.Customer, o.ShipTo.Name, o.Email)
	o.SearchText = searchText(o)
	return o
}

func trimAddress(a data.Address) data.Address {
	for _, f := range []*string{&a.Name, &a.Company, &a.Address1, &a.Address2, &a.City, &a.Province, &a.Zip, &a.Country, &a.Phone} {
		*f = strings.TrimSpace(*f)
	}
	return a
}

// searchText is what an order search looks through, lower-cased once when stored.
func searchText(o data.Order) string {
	parts := []string{o.Number, o.CustomerName, o.Email, o.ShipTo.Name}
	for _, l := range o.Lines {
		parts = append(parts, l.SKU)
	}
	return strings.ToLower(strings.Join(parts, "\x1f"))
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return strings.TrimSpace(x)
		}
	}
	return ""
}

// newLineState is where a new line starts: cancelled with its order, fulfilled when the
// web shop shipped it already, no_shipping when it needs none, else waiting to be bought.
func newLineState(in OrderInput, l LineInput) data.LineState {
	switch {
	case in.Cancelled:
		return data.LineCancelled
	case l.NoShipping:
		return data.LineNoShipping
	case l.Fulfilled:
		return data.LineFulfilled
	}
	return data.LineUnpurchased
}

// newOrderStatus is the status a new order's lines give it.
func newOrderStatus(lines []data.OrderLine) data.OrderStatus {
	f := lineFacts{states: map[data.LineState]int{}}
	for _, l := range lines {
		f.states[l.State]++
	}
	return deriveOrderStatus(f)
}
