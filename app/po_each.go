package app

import (
	"fmt"

	"clockwork/data"
)

// EachPurchaseOrder calls fn with every purchase order the query finds, in its order, lines
// included: one page of POs and their lines at a time, so a long list never sits in memory.
func (a *App) EachPurchaseOrder(q POQuery, fn func(PORow, []POLineRow) error) error {
	q.Offset, q.Limit = 0, MaxPage
	for {
		rows, err := a.PurchaseOrders(q)
		if err != nil {
			return err
		}
		ids := make([]uint, len(rows))
		for i, r := range rows {
			ids[i] = r.ID
		}
		lines, err := a.poLines(ids)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := fn(r, lines[r.ID]); err != nil {
				return err
			}
		}
		if len(rows) < q.Limit {
			return nil
		}
		q.Offset += len(rows)
	}
}

// poLines reads the lines of the given POs with the orders they serve, by PO.
func (a *App) poLines(poIDs []uint) (map[uint][]POLineRow, error) {
	out := map[uint][]POLineRow{}
	for start := 0; start < len(poIDs); start += idBatch {
		var rows []POLineRow
		err := a.db.Model(&data.POLine{}).Select(poLineColumns).
			Joins("LEFT JOIN order_lines ON order_lines.id = po_lines.order_line_id").
			Joins("LEFT JOIN orders ON orders.id = order_lines.order_id").
			Joins("LEFT JOIN offers ON offers.id = po_lines.offer_id").
			Joins("LEFT JOIN products ON products.id = offers.product_id").
			Where("po_lines.purchase_order_id IN ?", poIDs[start:min(start+idBatch, len(poIDs))]).
			Order("po_lines.supplier_sku, po_lines.id").Scan(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("read purchase order lines: %w", err)
		}
		for _, r := range rows {
			out[r.PurchaseOrderID] = append(out[r.PurchaseOrderID], r)
		}
	}
	return out, nil
}

const poLineColumns = `po_lines.*, COALESCE(products.title, order_lines.title, '') AS title,
	COALESCE(offers.product_id, 0) AS product_id, COALESCE(orders.id, 0) AS order_id, COALESCE(orders.number, '') AS order_number, COALESCE(orders.customer_name, '') AS customer`
