package app

import (
	"fmt"
	"slices"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// ReceiveLine is what arrived for one PO line: units accepted, units refused and why.
type ReceiveLine struct {
	POLineID uint
	Accepted int
	Rejected int
	Reason   data.RejectReason // needed when Rejected > 0
}

// ReceiveInput is one delivery checked in against a purchase order.
type ReceiveInput struct {
	At    time.Time // when the goods arrived; zero means now
	Note  string
	Lines []ReceiveLine
	Force bool // take a delivery far beyond what was ordered (see FarBeyond)
}

// receivablePO are the PO statuses that can take a delivery.
var receivablePO = []data.POStatus{data.POSent, data.POAcknowledged, data.POPartiallyReceived}

// Receive records a delivery against a purchase order (DESIGN 4): accepted units fill their
// lines, units beyond a line's quantity (and every unit of a surplus line) become spare stock,
// rejected units stay owed by the supplier. Lines that are complete are received, orders whose
// every line is received become ready, and the PO becomes partially received or received.
// Bad input writes nothing.
func (a *App) Receive(poID uint, in ReceiveInput) (ReceiveResult, error) {
	return a.receive(poID, in.At, in.Note, in.Force, func(tx *gorm.DB, po data.PurchaseOrder) ([]ReceiveLine, error) {
		return in.Lines, nil
	})
}

// ReceiveAll records that every unit still owed on the purchase order arrived as ordered.
func (a *App) ReceiveAll(poID uint, at time.Time) (ReceiveResult, error) {
	return a.receive(poID, at, "", true, func(tx *gorm.DB, po data.PurchaseOrder) ([]ReceiveLine, error) {
		var lines []ReceiveLine
		for _, l := range po.Lines {
			if open := l.Qty - l.QtyAccepted; open > 0 {
				lines = append(lines, ReceiveLine{POLineID: l.ID, Accepted: open})
			}
		}
		return lines, nil
	})
}

// receive is every way of recording one delivery: in one transaction it reads the PO,
// lets linesOf say what arrived on which of its lines, checks that and writes it. A zero
// at is now.
func (a *App) receive(poID uint, at time.Time, note string, force bool, linesOf func(*gorm.DB, data.PurchaseOrder) ([]ReceiveLine, error)) (ReceiveResult, error) {
	if at.IsZero() {
		at = a.Now()
	}
	if err := a.checkHappened("at", at); err != nil {
		return ReceiveResult{}, err
	}
	var res ReceiveResult
	err := a.write(func(tx *gorm.DB) error {
		po, err := receivingPO(tx, poID)
		if err != nil {
			return err
		}
		lines, err := linesOf(tx, po)
		if err != nil {
			return err
		}
		if err := checkReceiveLines(po, lines); err != nil {
			return err
		}
		if err := checkDeliveryBounds(po, lines, force); err != nil {
			return err
		}
		res, err = a.applyReceipt(tx, po, ReceiveInput{At: at, Note: note, Lines: lines})
		return err
	})
	if err != nil {
		return res, fmt.Errorf("receive purchase order %d: %w", poID, err)
	}
	return res, nil
}

// receivingPO reads a purchase order with its lines and checks that it can take a delivery.
func receivingPO(tx *gorm.DB, poID uint) (data.PurchaseOrder, error) {
	var po data.PurchaseOrder
	if err := tx.Preload("Lines", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).First(&po, poID).Error; err != nil {
		return po, notFound(err, "purchase order")
	}
	return po, checkReceivable(po)
}

// checkReceivable says why a purchase order can take no delivery, if it can't.
func checkReceivable(po data.PurchaseOrder) error {
	switch {
	case po.Status == data.PODraft:
		return invalid("po", "%s has not been sent to the supplier yet: send it before receiving goods", po.Number)
	case po.Status == data.POReceived:
		return invalid("po", "%s is already received in full", po.Number)
	case !slices.Contains(receivablePO, po.Status):
		return invalid("po", "%s is %s: it takes no more deliveries", po.Number, po.Status)
	}
	return nil
}

// checkReceiveLines lists every problem with the quantities entered.
func checkReceiveLines(po data.PurchaseOrder, lines []ReceiveLine) error {
	var ps problems
	seen := map[uint]bool{}
	total := 0
	for i, l := range lines {
		field := fmt.Sprintf("lines[%d]", i)
		pl := poLineByID(po.Lines, l.POLineID)
		switch {
		case pl == nil:
			ps.add(field, "line %d is not on %s", l.POLineID, po.Number)
			continue
		case seen[l.POLineID]:
			ps.add(field, "%s is entered twice: enter each line once", pl.SKU)
		case l.Accepted < 0 || l.Rejected < 0:
			ps.add(field, "%s: quantities cannot be negative (accepted %d, rejected %d)", pl.SKU, l.Accepted, l.Rejected)
		case l.Rejected > 0 && !slices.Contains(data.RejectReasons, l.Reason):
			ps.add(field, "%s: say why %d were rejected (%s)", pl.SKU, l.Rejected, joinReasons())
		}
		seen[l.POLineID] = true
		total += max(l.Accepted, 0) + max(l.Rejected, 0)
	}
	if len(ps) == 0 && total == 0 {
		ps.add("lines", "nothing was entered as arrived on %s", po.Number)
	}
	if len(ps) == 0 {
		return checkDeliveryBounds(po, lines, true)
	}
	return ps.err()
}

func poLineByID(lines []data.POLine, id uint) *data.POLine {
	for i := range lines {
		if lines[i].ID == id {
			return &lines[i]
		}
	}
	return nil
}

func joinReasons() string {
	s := ""
	for i, r := range data.RejectReasons {
		if i > 0 {
			s += ", "
		}
		s += string(r)
	}
	return s
}

// applyReceipt writes a checked delivery and works out what it changed.
func (a *App) applyReceipt(tx *gorm.DB, po data.PurchaseOrder, in ReceiveInput) (ReceiveResult, error) {
	rc := data.Receipt{PurchaseOrderID: po.ID, ReceivedAt: in.At.UTC(), Note: in.Note}
	if err := tx.Create(&rc).Error; err != nil {
		return ReceiveResult{}, fmt.Errorf("record receipt: %w", err)
	}
	var orderLines []uint
	rls := make([]data.ReceiptLine, 0, len(in.Lines))
	for _, l := range in.Lines {
		if l.Accepted == 0 && l.Rejected == 0 {
			continue
		}
		pl := poLineByID(po.Lines, l.POLineID)
		rl := data.ReceiptLine{ReceiptID: rc.ID, POLineID: pl.ID, QtyAccepted: l.Accepted, QtyRejected: l.Rejected}
		if l.Rejected > 0 {
			rl.RejectReason = l.Reason
		}
		rls = append(rls, rl)
		if pl.QtyAccepted+pl.QtyRejected == 0 && po.SentAt != nil {
			a.noteFirstReceipt(po.SupplierID, *po.SentAt, in.At)
		}
		if err := receiveOnLine(tx, pl, l); err != nil {
			return ReceiveResult{}, err
		}
		if pl.OrderLineID != nil && pl.QtyAccepted >= pl.Qty {
			orderLines = append(orderLines, *pl.OrderLineID)
		}
	}
	if err := tx.CreateInBatches(rls, 100).Error; err != nil {
		return ReceiveResult{}, fmt.Errorf("record the receipt's lines: %w", err)
	}
	if err := settlePO(tx, &po); err != nil {
		return ReceiveResult{}, err
	}
	orderIDs, err := markLinesReceived(tx, orderLines)
	if err != nil {
		return ReceiveResult{}, err
	}
	if err := updateOrderStatus(tx, orderIDs...); err != nil {
		return ReceiveResult{}, err
	}
	// Only orders whose lines arrived can stop being at risk: the PO's expected day is the same.
	if len(orderIDs) > 0 {
		if err := setAtRisk(tx, orderIDs); err != nil {
			return ReceiveResult{}, err
		}
	}
	return receiveResult(tx, po, orderIDs)
}

// receiveOnLine adds a delivery to its PO line; accepted units beyond what the line ordered
// become spare stock of the product.
func receiveOnLine(tx *gorm.DB, pl *data.POLine, l ReceiveLine) error {
	before := pl.QtyAccepted
	pl.QtyAccepted += l.Accepted
	pl.QtyRejected += l.Rejected
	err := tx.Model(pl).Updates(map[string]any{"qty_accepted": pl.QtyAccepted, "qty_rejected": pl.QtyRejected}).Error
	if err != nil {
		return fmt.Errorf("update %s: %w", pl.SKU, err)
	}
	need := pl.Qty
	if pl.OrderLineID == nil {
		need = 0 // a surplus line serves no order: all of it is spare
	}
	extra := max(pl.QtyAccepted-need, 0) - max(before-need, 0)
	if extra <= 0 {
		return nil
	}
	productID, err := productOfPOLine(tx, pl)
	if err != nil || productID == 0 {
		return err
	}
	left := data.Leftover{ProductID: productID, Qty: extra, Source: data.LeftoverSurplus, POLineID: &pl.ID}
	if err := tx.Create(&left).Error; err != nil {
		return fmt.Errorf("keep %d × %s as spare stock: %w", extra, pl.SKU, err)
	}
	return nil
}

// productOfPOLine is the catalog product a PO line buys (0 when its SKU is not in the catalog).
func productOfPOLine(tx *gorm.DB, pl *data.POLine) (uint, error) {
	var ids []uint
	err := tx.Raw(`SELECT COALESCE((SELECT product_id FROM offers WHERE id = ?),
		(SELECT id FROM products WHERE sku = ?), 0)`, pl.OfferID, pl.SKU).Scan(&ids).Error
	if err != nil {
		return 0, fmt.Errorf("find the product of %s: %w", pl.SKU, err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	return ids[0], nil
}

// settlePO sets the PO's status from its lines: received once every line has all it ordered.
func settlePO(tx *gorm.DB, po *data.PurchaseOrder) error {
	st := data.POReceived
	for _, l := range po.Lines {
		if l.QtyAccepted < l.Qty {
			st = data.POPartiallyReceived
		}
	}
	if st == po.Status {
		return nil
	}
	po.Status = st
	if err := tx.Model(&data.PurchaseOrder{}).Where("id = ?", po.ID).Update("status", st).Error; err != nil {
		return fmt.Errorf("mark %s %s: %w", po.Number, st, err)
	}
	return nil
}

// markLinesReceived sets the given customer lines received (those still ordered) and
// returns the orders they belong to.
func markLinesReceived(tx *gorm.DB, lineIDs []uint) ([]uint, error) {
	if len(lineIDs) == 0 {
		return nil, nil
	}
	err := tx.Model(&data.OrderLine{}).Where("id IN ? AND state IN ?", lineIDs,
		[]data.LineState{data.LineOrdered, data.LineOnDraftPO}).Update("state", data.LineReceived).Error
	if err != nil {
		return nil, fmt.Errorf("mark order lines received: %w", err)
	}
	var orderIDs []uint
	if err := tx.Model(&data.OrderLine{}).Where("id IN ?", lineIDs).Distinct().Pluck("order_id", &orderIDs).Error; err != nil {
		return nil, fmt.Errorf("find orders of received lines: %w", err)
	}
	return orderIDs, nil
}
