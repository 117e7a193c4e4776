package importfile

import (
	"strings"
	"time"
)

// payment is what a platform's order status says about money.
type payment int

const (
	paymentUnknown payment = iota // no status, or one that says nothing about payment
	paymentPaid
	paymentHeld // not paid yet: pending, authorized, on-hold
	paymentVoid // refunded, voided, cancelled, failed: nothing to buy
)

// paymentOf reads a status cell of any platform: Shopify's Financial Status, WooCommerce's
// order status (with or without its "wc-" prefix), Amazon's and Etsy's order states. A
// date in the cell (eBay's "Paid On Date", Etsy's "Date Paid") means paid.
func paymentOf(s string) payment {
	n := strings.TrimPrefix(normalize(s), "wc")
	switch n {
	case "":
		return paymentUnknown
	case "paid", "partiallyrefunded", "processing", "completed", "complete", "shipped", "unshipped",
		"partiallyshipped", "delivered", "succeeded", "captured", "fulfilled":
		return paymentPaid
	case "pending", "authorized", "authorised", "onhold", "unpaid", "partiallypaid", "awaitingpayment",
		"pendingpayment", "checkoutdraft", "draft", "expired", "pendingavailability":
		return paymentHeld
	case "refunded", "voided", "void", "cancelled", "canceled", "failed", "declined", "trash":
		return paymentVoid
	}
	if isDate(s) {
		return paymentPaid
	}
	return paymentUnknown
}

// fulfilledStatus says a fulfillment cell means shipped: Shopify's "fulfilled", WooCommerce's
// "completed", Amazon's "Shipped", or a date (eBay's "Shipped On Date", Etsy's "Date Posted").
// "partial", "unfulfilled", "pending" and empty are not.
func fulfilledStatus(s string) bool {
	switch strings.TrimPrefix(normalize(s), "wc") {
	case "fulfilled", "shipped", "completed", "complete", "delivered", "yes", "true":
		return true
	case "":
		return false
	}
	return isDate(s)
}

// cancelledStatus says a fulfillment cell means the order was cancelled: Squarespace's
// fulfillment status is Pending, Fulfilled or Canceled, and its export lists the cancelled
// orders too when the owner picks every status.
func cancelledStatus(s string) bool {
	switch normalize(s) {
	case "canceled", "cancelled":
		return true
	}
	return false
}

// isDate says a cell holds a date (any layout parseTime reads).
func isDate(s string) bool {
	if len(s) < 6 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	_, err := parseTime(s, time.UTC, dayOrder(0))
	return err == nil
}

// needsShipping reads a "requires shipping" cell: only an explicit no says no.
func needsShipping(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "false", "no", "n", "0", "virtual", "digital":
		return false
	}
	return true
}

// status fills an order's platform state from its status, fulfillment and cancel cells and
// its lines: cancelled (with the file's time), held, fulfilled.
func (p *orderParser) status(d *draft) {
	v, o := &d.vals, &d.order
	o.SourceID, o.SourceStatus, o.SourceFulfillment = v[oID], v[oStatus], v[oFulfillment]
	pay := paymentOf(v[oStatus])
	o.Cancelled = v[oCancelledAt] != "" || pay == paymentVoid || cancelledStatus(v[oFulfillment])
	o.Held = pay == paymentHeld && !o.Cancelled
	if s := v[oCancelledAt]; s != "" && isDate(s) {
		if t, err := parseTime(s, p.loc, p.dates); err == nil {
			o.CancelledAt = t
		}
	}
	whole := fulfilledStatus(v[oFulfillment]) || isWooCompleted(p, v[oStatus])
	all := len(o.Lines) > 0
	for i := range o.Lines {
		l := &o.Lines[i]
		l.Fulfilled = l.Fulfilled || whole
		all = all && (l.Fulfilled || l.NoShipping)
	}
	o.Fulfilled = all && !o.Cancelled
}

// isWooCompleted says a WooCommerce order status is "completed": WooCommerce has no
// fulfillment column, its status says the order went out.
func isWooCompleted(p *orderParser, s string) bool {
	return p.spec.channel == "woocommerce" && strings.TrimPrefix(normalize(s), "wc") == "completed"
}
