package app

import (
	"errors"
	"slices"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// resetCounts clears what a store counts, so that a retried transaction counts afresh.
func (r *ImportResult) resetCounts() {
	r.Imported, r.Held, r.Cancelled, r.Converted, r.SkippedFulfilled, r.Already = 0, 0, 0, 0, 0, 0
	r.Changes, r.TellSuppliers, r.UnknownLines, r.UnknownSKUs = nil, nil, 0, nil
}

// count adds a newly imported order to the result: held, cancelled, or with lines to map.
func (r *ImportResult) count(o data.Order, unknown map[string]bool) {
	r.Imported++
	if o.Currency != "" {
		r.Converted++
	}
	if o.Status == data.OrderCancelled {
		r.Cancelled++
		return
	}
	if o.Held {
		r.Held++
	}
	for _, l := range o.Lines {
		if l.ProductID == nil && !l.State.Settled() {
			r.UnknownLines++
			unknown[skuOrTitle(l)] = true
		}
	}
}

// mark sets the kind of an order's preview row, if it has one.
func (r *ImportResult) mark(in OrderInput, k RowKind) {
	if in.row > 0 {
		r.Rows[in.row-1].Kind = k
	}
}

// progressEvery is how many orders go by between progress reports and cancellation checks.
const progressEvery = 250

// fulfilledEntirely says the web shop has nothing left for Clockwork in an order: every line
// fulfilled there or needing no shipping, and not cancelled.
func fulfilledEntirely(in OrderInput) bool {
	if in.Cancelled || len(in.Lines) == 0 {
		return false
	}
	for _, l := range in.Lines {
		if !l.Fulfilled && !l.NoShipping {
			return false
		}
	}
	return true
}

// storeOrders adds the new orders in tx and brings the web shop's changes to the orders
// stored before, counting everything into res. Orders the web shop fulfilled entirely are
// not stored: they are history Clockwork had no part in.
func storeOrders(tx *gorm.DB, q *data.TxSQL, leads *leadHistory, now time.Time, loc *time.Location, orders []OrderInput, res *ImportResult, progress func(done, total int)) error {
	w, err := newOrderWriter(q, leads, now, loc, true)
	if err != nil {
		return err
	}
	var again []OrderInput // orders of the file stored before: read what a change needs of them
	for _, in := range orders {
		if w.stored[orderKey{in.Channel, in.Number}] {
			again = append(again, in)
		}
	}
	stored, err := readStoredOrders(tx, again)
	if err != nil {
		return err
	}
	unknown := map[string]bool{}
	var later []pendingChange
	for i, in := range orders {
		if i%progressEvery == 0 {
			if err := q.Context().Err(); err != nil {
				return err
			}
			if progress != nil {
				progress(i, len(orders))
			}
		}
		if s, ok := stored[orderKey{in.Channel, in.Number}]; ok {
			if c := s.changesFrom(in); len(c.kinds) > 0 {
				later = append(later, c)
			} else {
				res.Already++
			}
			res.mark(in, RowAlready) // or changed: told apart by the changes made
			continue
		}
		if fulfilledEntirely(in) {
			res.SkippedFulfilled++
			res.mark(in, RowSkipped)
			continue
		}
		o, err := w.add(in)
		if errors.Is(err, ErrDuplicateOrder) {
			res.Already++
			res.mark(in, RowAlready)
			continue
		}
		if err != nil {
			return err
		}
		res.count(o, unknown)
		res.mark(in, kindOfNew(o))
	}
	if err := w.flush(); err != nil {
		return err
	}
	if err := applyChanges(tx, now, later, res); err != nil {
		return err
	}
	for sku := range unknown {
		res.UnknownSKUs = append(res.UnknownSKUs, sku)
	}
	slices.Sort(res.UnknownSKUs)
	if progress != nil {
		progress(len(orders), len(orders))
	}
	return nil
}

// storedOrder is what an import compares of an order stored before.
type storedOrder struct {
	ID      uint
	Channel data.Channel
	Number  string
	Status  data.OrderStatus
	Held    bool
}

// readStoredOrders reads the stored orders with the channel and number of any of orders.
func readStoredOrders(tx *gorm.DB, orders []OrderInput) (map[orderKey]storedOrder, error) {
	byChannel := map[data.Channel][]string{}
	for _, in := range orders {
		byChannel[in.Channel] = append(byChannel[in.Channel], in.Number)
	}
	out := map[orderKey]storedOrder{}
	for ch, numbers := range byChannel {
		for start := 0; start < len(numbers); start += idBatch {
			var rows []storedOrder
			err := tx.Model(&data.Order{}).Select("id, channel, number, status, held").
				Where("channel = ? AND number IN ?", ch, numbers[start:min(start+idBatch, len(numbers))]).Scan(&rows).Error
			if err != nil {
				return nil, err
			}
			for _, r := range rows {
				out[orderKey{r.Channel, r.Number}] = r
			}
		}
	}
	return out, nil
}

// pendingChange is a stored order and what a later export says changed about it.
type pendingChange struct {
	stored storedOrder
	in     OrderInput
	kinds  []ChangeKind
}

// done says an order is past what a web shop's change can alter in Clockwork.
func (s storedOrder) done() bool {
	switch s.Status {
	case data.OrderCancelled, data.OrderShipped, data.OrderReturned, data.OrderPartiallyReturned:
		return true
	}
	return false
}

// changesFrom lists what the export says changed since: cancelled, paid (released), lines
// fulfilled by the web shop (checked against the stored lines when applied).
func (s storedOrder) changesFrom(in OrderInput) pendingChange {
	c := pendingChange{stored: s, in: in}
	if s.done() {
		return c
	}
	if in.Cancelled {
		c.kinds = append(c.kinds, ChangeCancelled)
		return c
	}
	if s.Held && !in.Held {
		c.kinds = append(c.kinds, ChangeReleased)
	}
	if slices.ContainsFunc(in.Lines, func(l LineInput) bool { return l.Fulfilled || l.NoShipping }) {
		c.kinds = append(c.kinds, ChangeFulfilled)
	}
	return c
}
