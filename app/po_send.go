package app

import (
	"context"
	"fmt"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// SendPOs sends several drafts at once ("Send all drafts"), each as SendPO would, in one
// transaction: all of them or none.
func (a *App) SendPOs(ids []uint) ([]data.PurchaseOrder, error) {
	today, now := a.Today(), a.Now().UTC()
	var sent []data.PurchaseOrder
	err := a.write(func(tx *gorm.DB) error {
		var err error
		sent, err = sendDrafts(tx, data.NewTxSQL(context.Background(), tx, &a.shared.stmts), ids, today, now, "")
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("send purchase orders: %w", err)
	}
	return sent, nil
}

// draftFacts are what sending a draft needs to know of its lines.
type draftFacts struct {
	Total       data.Money
	Lines       int
	ServeOrders int // lines serving a customer order
	Lead        int // the longest quoted lead days of its offers
}

// sendDrafts sends the drafts with these IDs: each gets its sent time and promised day
// (promised, or today + its longest quoted lead days), its order lines go ordered, a
// po_sent event is logged; then the orders' statuses and at-risk flags follow, once.
func sendDrafts(tx *gorm.DB, q *data.TxSQL, ids []uint, today data.Day, now time.Time, promised data.Day) ([]data.PurchaseOrder, error) {
	var currency string // the contact log writes amounts with it, as everywhere else
	if err := tx.Model(&data.Shop{}).Select("currency").Limit(1).Scan(&currency).Error; err != nil {
		return nil, fmt.Errorf("read the shop's currency: %w", err)
	}
	var pos []data.PurchaseOrder
	for start := 0; start < len(ids); start += idBatch {
		var batch []data.PurchaseOrder
		if err := tx.Where("id IN ?", ids[start:min(start+idBatch, len(ids))]).Order("id").Find(&batch).Error; err != nil {
			return nil, err
		}
		pos = append(pos, batch...)
	}
	if len(pos) < len(ids) {
		return nil, notFound(gorm.ErrRecordNotFound, "purchase order")
	}
	facts, err := readDraftFacts(tx, ids)
	if err != nil {
		return nil, err
	}
	events := make([]data.SupplierEvent, 0, len(pos))
	for i := range pos {
		po := &pos[i]
		f := facts[po.ID]
		switch {
		case po.Status != data.PODraft:
			return nil, invalid("status", "%s is %s; only a draft can be sent", po.Number, statusWords(po.Status))
		case f.ServeOrders == 0:
			return nil, invalid("po", "%s has no lines for customer orders: purchase orders first, or cancel it", po.Number)
		}
		po.Status, po.SentAt, po.PromisedDate = data.POSent, &now, promised
		if po.PromisedDate == "" {
			po.PromisedDate = today.AddDays(f.Lead)
		}
		_, err := q.Exec("UPDATE purchase_orders SET status = ?, sent_at = ?, promised_date = ?, updated_at = ? WHERE id = ?",
			po.Status, now, po.PromisedDate, now, po.ID)
		if err != nil {
			return nil, fmt.Errorf("send %s: %w", po.Number, err)
		}
		id := po.ID
		events = append(events, data.SupplierEvent{SupplierID: po.SupplierID, PurchaseOrderID: &id, At: now, Kind: data.EventPOSent, Channel: "email",
			Text: fmt.Sprintf("%s sent: %s, %s, ship by %s", po.Number, plural(f.Lines, "line", "lines"), (f.Total + po.ShippingCost).Format(currency), po.PromisedDate)})
	}
	if err := tx.CreateInBatches(&events, 200).Error; err != nil {
		return nil, fmt.Errorf("log the purchase orders sent: %w", err)
	}
	orders, err := orderLinesOrdered(tx, ids, now)
	if err != nil {
		return nil, err
	}
	if err := updateOrderStatus(tx, orders...); err != nil {
		return nil, err
	}
	return pos, setAtRisk(tx, orders)
}

func readDraftFacts(tx *gorm.DB, ids []uint) (map[uint]draftFacts, error) {
	out := make(map[uint]draftFacts, len(ids))
	for start := 0; start < len(ids); start += idBatch {
		rows, err := tx.Raw(`SELECT po_lines.purchase_order_id, COALESCE(SUM(po_lines.qty * po_lines.unit_cost), 0), COUNT(*),
			COUNT(po_lines.order_line_id),
			COALESCE(MAX(CASE WHEN offers.lead_days > 0 THEN offers.lead_days ELSE suppliers.quoted_lead_days END), 0)
			FROM po_lines JOIN purchase_orders ON purchase_orders.id = po_lines.purchase_order_id
			JOIN suppliers ON suppliers.id = purchase_orders.supplier_id
			LEFT JOIN offers ON offers.id = po_lines.offer_id
			WHERE po_lines.purchase_order_id IN ? AND po_lines.qty > 0 GROUP BY po_lines.purchase_order_id`,
			ids[start:min(start+idBatch, len(ids))]).Rows()
		if err != nil {
			return nil, fmt.Errorf("add up purchase orders: %w", err)
		}
		for rows.Next() {
			var id uint
			var f draftFacts
			if err := rows.Scan(&id, &f.Total, &f.Lines, &f.ServeOrders, &f.Lead); err != nil {
				rows.Close()
				return nil, err
			}
			f.Lead = max(f.Lead, 0)
			out[id] = f
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// orderLinesOrdered marks the order lines on the sent POs ordered and lists their orders.
func orderLinesOrdered(tx *gorm.DB, poIDs []uint, now time.Time) ([]uint, error) {
	var orders []uint
	seen := map[uint]bool{}
	for start := 0; start < len(poIDs); start += idBatch {
		batch := poIDs[start:min(start+idBatch, len(poIDs))]
		var ids []uint
		err := tx.Raw(`SELECT DISTINCT order_lines.order_id FROM po_lines JOIN order_lines ON order_lines.id = po_lines.order_line_id
			WHERE po_lines.purchase_order_id IN ?`, batch).Scan(&ids).Error
		if err != nil {
			return nil, fmt.Errorf("find the orders of the purchase orders sent: %w", err)
		}
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				orders = append(orders, id)
			}
		}
		err = tx.Exec(`UPDATE order_lines SET state = ?, updated_at = ? WHERE state = ? AND id IN
			(SELECT order_line_id FROM po_lines WHERE purchase_order_id IN ? AND order_line_id IS NOT NULL)`,
			data.LineOrdered, now, data.LineOnDraftPO, batch).Error
		if err != nil {
			return nil, fmt.Errorf("mark order lines ordered: %w", err)
		}
	}
	return orders, nil
}
