package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// SKUDelivery is what arrived of one SKU — ours or the supplier's — in a supplier's box,
// whichever customer orders it serves.
type SKUDelivery struct {
	SKU      string
	Accepted int
	Rejected int
	Reason   data.RejectReason // needed when Rejected > 0
}

// ReceiveBySKUInput is one delivery entered per SKU.
type ReceiveBySKUInput struct {
	At    time.Time // zero means now
	Note  string
	SKUs  []SKUDelivery
	Force bool // take a delivery far beyond what was ordered (see FarBeyond)
}

// ReceiveBySKU records a delivery entered per SKU (DESIGN 4): accepted units fill the SKU's
// open lines on the PO oldest customer order first (placed at, then order number), a surplus
// line last; units beyond all of them become spare stock; rejected units are recorded on the
// first line that was still open. Bad input writes nothing.
func (a *App) ReceiveBySKU(poID uint, in ReceiveBySKUInput) (ReceiveResult, error) {
	return a.receive(poID, in.At, in.Note, in.Force, func(tx *gorm.DB, po data.PurchaseOrder) ([]ReceiveLine, error) {
		order, err := fifoLineOrder(tx, po.ID)
		if err != nil {
			return nil, err
		}
		return spreadBySKU(po, order, in.SKUs)
	})
}

// fifoLineOrder is the PO's line IDs oldest customer order first, surplus lines last.
func fifoLineOrder(tx *gorm.DB, poID uint) ([]uint, error) {
	var ids []uint
	err := tx.Raw(`SELECT po_lines.id FROM po_lines
		LEFT JOIN order_lines ON order_lines.id = po_lines.order_line_id
		LEFT JOIN orders ON orders.id = order_lines.order_id
		WHERE po_lines.purchase_order_id = ?
		ORDER BY orders.id IS NULL, orders.placed_at, orders.number, po_lines.id`, poID).Scan(&ids).Error
	if err != nil {
		return nil, fmt.Errorf("order the PO's lines: %w", err)
	}
	return ids, nil
}

// spreadBySKU turns per-SKU quantities into per-line ones, in the order given.
func spreadBySKU(po data.PurchaseOrder, order []uint, skus []SKUDelivery) ([]ReceiveLine, error) {
	var ps problems
	var out []ReceiveLine
	at := map[uint]int{} // PO line ID → index in out
	seen := map[string]bool{}
	for i, d := range skus {
		field := fmt.Sprintf("skus[%d]", i)
		sku := strings.TrimSpace(d.SKU)
		lines := linesForSKU(po, order, sku)
		switch {
		case len(lines) == 0:
			ps.add(field, "%q is not on %s: check the SKU on the packing list", sku, po.Number)
			continue
		case seen[strings.ToLower(sku)]:
			ps.add(field, "%s is entered twice: enter each SKU once", sku)
			continue
		case d.Accepted < 0 || d.Rejected < 0:
			ps.add(field, "%s: quantities cannot be negative (accepted %d, rejected %d)", sku, d.Accepted, d.Rejected)
			continue
		case d.Accepted > MaxQty || d.Rejected > MaxQty:
			ps.qty(field+" "+sku, max(d.Accepted, d.Rejected))
			continue
		case d.Rejected > 0 && !slices.Contains(data.RejectReasons, d.Reason):
			ps.add(field, "%s: say why %d were rejected (%s)", sku, d.Rejected, joinReasons())
			continue
		}
		seen[strings.ToLower(sku)] = true
		for _, l := range fillFIFO(lines, d) {
			if j, ok := at[l.POLineID]; ok {
				out[j].Accepted += l.Accepted
				out[j].Rejected += l.Rejected
				if l.Rejected > 0 {
					out[j].Reason = l.Reason
				}
				continue
			}
			at[l.POLineID] = len(out)
			out = append(out, l)
		}
	}
	return out, ps.err()
}

// linesForSKU are the PO's lines whose SKU or supplier SKU is sku, in FIFO order.
func linesForSKU(po data.PurchaseOrder, order []uint, sku string) []*data.POLine {
	var out []*data.POLine
	for _, id := range order {
		l := poLineByID(po.Lines, id)
		if l != nil && sku != "" && (strings.EqualFold(l.SKU, sku) || strings.EqualFold(l.SupplierSKU, sku)) {
			out = append(out, l)
		}
	}
	return out
}

// fillFIFO spreads one SKU's delivery over its lines: accepted units fill open lines in turn,
// the rest go on the last line (spare stock); rejected units go on the first open line.
func fillFIFO(lines []*data.POLine, d SKUDelivery) []ReceiveLine {
	out := make([]ReceiveLine, len(lines))
	firstOpen := -1
	left := d.Accepted
	for i, l := range lines {
		out[i].POLineID = l.ID
		open := l.Qty - l.QtyAccepted
		if open <= 0 {
			continue
		}
		if firstOpen < 0 {
			firstOpen = i
		}
		take := min(open, left)
		out[i].Accepted = take
		left -= take
	}
	out[len(out)-1].Accepted += left
	if d.Rejected > 0 {
		r := max(firstOpen, 0)
		out[r].Rejected, out[r].Reason = d.Rejected, d.Reason
	}
	var kept []ReceiveLine
	for _, l := range out {
		if l.Accepted > 0 || l.Rejected > 0 {
			kept = append(kept, l)
		}
	}
	return kept
}
