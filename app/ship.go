package app

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// ShipInput is one parcel handed to the carrier: the order in it and how it travels.
type ShipInput struct {
	OrderID  uint
	Carrier  string
	Service  string
	Tracking string
	At       time.Time // zero means now
}

// ShipOrders records parcels sent (DESIGN 4): a shipment per order with carrier, service and
// tracking, every line shipped and the order shipped. An order that still waits on a supplier,
// or has shipped or been cancelled, is refused naming why; then nothing is written. With
// shipping confirmations on (Settings → E-mail), each customer is then e-mailed; the outcome
// is on the order's journey and never undoes the shipping.
func (a *App) ShipOrders(parcels []ShipInput) error {
	if len(parcels) == 0 {
		return invalid("orders", "choose the orders to ship")
	}
	if err := a.checkParcelBounds(parcels); err != nil {
		return fmt.Errorf("ship: %w", err)
	}
	now := a.Now()
	err := a.write(func(tx *gorm.DB) error {
		if err := checkParcels(tx, parcels); err != nil {
			return err
		}
		return shipParcels(tx, parcels, now)
	})
	if err != nil {
		return fmt.Errorf("ship: %w", err)
	}
	a.notifyShipped(parcels)
	return nil
}

// checkParcels reads the parcels' orders and lists every reason one cannot ship.
func checkParcels(tx *gorm.DB, parcels []ShipInput) error {
	ids := make([]uint, len(parcels))
	for i, p := range parcels {
		ids[i] = p.OrderID
	}
	orders := map[uint]*data.Order{}
	for start := 0; start < len(ids); start += idBatch {
		var batch []data.Order
		if err := tx.Preload("Lines").Where("id IN ?", ids[start:min(start+idBatch, len(ids))]).Find(&batch).Error; err != nil {
			return fmt.Errorf("read orders: %w", err)
		}
		for i := range batch {
			orders[batch[i].ID] = &batch[i]
		}
	}
	var ps problems
	seen := map[uint]bool{}
	for i, p := range parcels {
		field := fmt.Sprintf("orders[%d]", i)
		o := orders[p.OrderID]
		switch {
		case o == nil:
			ps.add(field, "order %d does not exist", p.OrderID)
		case seen[p.OrderID]:
			ps.add(field, "order %s is listed twice: one parcel per order", o.Number)
		case strings.TrimSpace(p.Carrier) == "":
			ps.add(field, "order %s: enter the carrier", o.Number)
		case strings.TrimSpace(p.Tracking) == "":
			ps.add(field, "order %s: enter the tracking number", o.Number)
		default:
			if why := shipBlocker(tx, o); why != "" {
				ps.add(field, "%s", why)
			}
		}
		seen[p.OrderID] = true
	}
	return ps.err()
}

// shipBlocker says why an order cannot ship yet, naming the line still owed; "" when it can.
func shipBlocker(tx *gorm.DB, o *data.Order) string {
	switch o.Status {
	case data.OrderShipped, data.OrderReturned, data.OrderPartiallyReturned:
		return fmt.Sprintf("order %s has already shipped", o.Number)
	case data.OrderCancelled:
		return fmt.Sprintf("order %s is cancelled", o.Number)
	}
	for _, l := range o.Lines {
		if l.State == data.LineReceived || l.State.Settled() || l.State == data.LineShipped {
			continue
		}
		return fmt.Sprintf("order %s can't ship yet: %s", o.Number, waitingOn(tx, l))
	}
	return ""
}

// waitingOn says what a line not yet received waits for, e.g.
// "2 × BET-100 still owed by Acme on PO-000012".
func waitingOn(tx *gorm.DB, l data.OrderLine) string {
	what := fmt.Sprintf("%d × %s", l.Qty, skuOrTitle(l))
	var po struct{ Number, Supplier string }
	err := tx.Raw(`SELECT purchase_orders.number, suppliers.name AS supplier FROM po_lines
		JOIN purchase_orders ON purchase_orders.id = po_lines.purchase_order_id
		JOIN suppliers ON suppliers.id = purchase_orders.supplier_id
		WHERE po_lines.order_line_id = ? ORDER BY po_lines.id DESC LIMIT 1`, l.ID).Scan(&po).Error
	switch {
	case err != nil || po.Number == "" || l.State == data.LineUnpurchased:
		return what + " is not bought yet"
	case l.State == data.LineOnDraftPO:
		return fmt.Sprintf("%s is on draft %s, not yet sent to %s", what, po.Number, po.Supplier)
	}
	return fmt.Sprintf("%s still owed by %s on %s", what, po.Supplier, po.Number)
}

// shipParcels writes checked parcels in batches: their shipments, their lines and orders
// shipped (orders leaving at the same time in one statement).
func shipParcels(tx *gorm.DB, parcels []ShipInput, now time.Time) error {
	shipments := make([]data.Shipment, len(parcels))
	ids := make([]uint, len(parcels))
	byTime := map[time.Time][]uint{}
	var times []time.Time
	for i, p := range parcels {
		at := p.At
		if at.IsZero() {
			at = now
		}
		at = at.UTC()
		shipments[i] = data.Shipment{OrderID: p.OrderID, PackedAt: &at, ShippedAt: &at, Carrier: strings.TrimSpace(p.Carrier),
			Service: strings.TrimSpace(p.Service), Tracking: strings.TrimSpace(p.Tracking)}
		ids[i] = p.OrderID
		if _, ok := byTime[at]; !ok {
			times = append(times, at)
		}
		byTime[at] = append(byTime[at], p.OrderID)
	}
	if err := tx.CreateInBatches(shipments, 100).Error; err != nil {
		return fmt.Errorf("record the parcels: %w", err)
	}
	for start := 0; start < len(ids); start += idBatch {
		batch := ids[start:min(start+idBatch, len(ids))]
		err := tx.Model(&data.OrderLine{}).Where("order_id IN ? AND state = ?", batch, data.LineReceived).Update("state", data.LineShipped).Error
		if err != nil {
			return fmt.Errorf("mark the orders' lines shipped: %w", err)
		}
	}
	for _, at := range times {
		group := byTime[at]
		for start := 0; start < len(group); start += idBatch {
			batch := group[start:min(start+idBatch, len(group))]
			err := tx.Model(&data.Order{}).Where("id IN ?", batch).Updates(map[string]any{"shipped_at": at, "at_risk": false}).Error
			if err != nil {
				return fmt.Errorf("mark orders shipped: %w", err)
			}
		}
	}
	return updateOrderStatus(tx, ids...)
}

// OrderByNumber finds an order by its number as the channel shows it ("#1001"); a number
// two channels share is refused with both named.
func (a *App) OrderByNumber(number string) (data.Order, error) {
	var found []data.Order
	number = strings.TrimSpace(number)
	if err := a.db.Where("number = ?", number).Limit(2).Find(&found).Error; err != nil {
		return data.Order{}, fmt.Errorf("find order %s: %w", number, err)
	}
	switch len(found) {
	case 0:
		return data.Order{}, fmt.Errorf("order %s: %w", number, ErrNotFound)
	case 1:
		return found[0], nil
	}
	return data.Order{}, invalid("order", "%s is the number of a %s and a %s order", number, found[0].Channel, found[1].Channel)
}

// ShipCheck says why an order cannot ship yet, naming the line still owed and by whom;
// "" when it can.
func (a *App) ShipCheck(orderID uint) (string, error) {
	var o data.Order
	if err := a.db.Preload("Lines").First(&o, orderID).Error; err != nil {
		return "", notFound(err, "order")
	}
	return shipBlocker(a.db, &o), nil
}
