package app

import (
	"fmt"

	"clockwork/data"

	"gorm.io/gorm"
)

// lineFacts is what an order's status is derived from: how many of its lines are in each
// state, and how many of its shipped units came back.
type lineFacts struct {
	states   map[data.LineState]int
	shipped  int // units on shipped lines
	returned int // units of those lines on returns
}

// deriveOrderStatus is the order status its lines give (DESIGN 1): cancelled when every line is;
// otherwise, over the lines not settled, new while any is unpurchased, ready when every one
// has arrived and some are not shipped, shipped when all are, purchasing in between; a
// shipped order with units returned is partially_returned, or returned when all came back.
// Lines the web shop fulfilled or that need no shipping are settled: an order of nothing
// else is shipped (by the web shop), unless its other lines are cancelled and none was
// fulfilled.
func deriveOrderStatus(f lineFacts) data.OrderStatus {
	open := 0
	for st, n := range f.states {
		if !st.Settled() {
			open += n
		}
	}
	switch {
	case open == 0 && f.states[data.LineFulfilled] > 0:
		return data.OrderShipped
	case open == 0 && f.states[data.LineCancelled] > 0:
		return data.OrderCancelled
	case open == 0 && f.states[data.LineNoShipping] > 0:
		return data.OrderShipped
	case f.states[data.LineUnpurchased] > 0:
		return data.OrderNew
	case open > 0 && f.states[data.LineShipped] == open:
		switch {
		case f.returned > 0 && f.returned >= f.shipped:
			return data.OrderReturned
		case f.returned > 0:
			return data.OrderPartiallyReturned
		}
		return data.OrderShipped
	case f.states[data.LineReceived]+f.states[data.LineShipped] == open && open > 0:
		return data.OrderReady
	case open == 0:
		return data.OrderNew
	}
	return data.OrderPurchasing
}

// updateOrderStatus stores the derived status of the given orders, in the caller's
// transaction: every use case that changes line states calls it before committing.
func updateOrderStatus(tx *gorm.DB, orderIDs ...uint) error {
	for start := 0; start < len(orderIDs); start += idBatch {
		ids := orderIDs[start:min(start+idBatch, len(orderIDs))]
		facts, err := readLineFacts(tx, ids)
		if err != nil {
			return err
		}
		// One statement per status the batch's orders take, not one per order.
		byStatus := map[data.OrderStatus][]uint{}
		for _, id := range ids {
			st := deriveOrderStatus(facts[id])
			byStatus[st] = append(byStatus[st], id)
		}
		for _, st := range data.OrderStatuses {
			if len(byStatus[st]) == 0 {
				continue
			}
			err := tx.Model(&data.Order{}).Where("id IN ? AND status <> ?", byStatus[st], st).Update("status", st).Error
			if err != nil {
				return fmt.Errorf("store the status of %d orders: %w", len(byStatus[st]), err)
			}
		}
	}
	return nil
}

func readLineFacts(tx *gorm.DB, ids []uint) (map[uint]lineFacts, error) {
	var rows []struct {
		OrderID  uint
		State    data.LineState
		Lines    int
		Units    int
		Returned int
	}
	err := tx.Raw(`SELECT order_id, state, COUNT(*) AS lines, SUM(qty) AS units,
		SUM((SELECT COALESCE(SUM(return_lines.qty), 0) FROM return_lines WHERE return_lines.order_line_id = order_lines.id)) AS returned
		FROM order_lines WHERE order_id IN ? GROUP BY order_id, state`, ids).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read order lines' states: %w", err)
	}
	out := map[uint]lineFacts{}
	for _, r := range rows {
		f, ok := out[r.OrderID]
		if !ok {
			f = lineFacts{states: map[data.LineState]int{}}
		}
		f.states[r.State] += r.Lines
		if r.State == data.LineShipped {
			f.shipped += r.Units
			f.returned += r.Returned
		}
		out[r.OrderID] = f
	}
	return out, nil
}
