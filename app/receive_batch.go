package app

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// Parcel is one delivery against a purchase order: the lines as Receive takes them, or
// none for everything still owed (as ReceiveAll).
type Parcel struct {
	POID  uint
	At    time.Time // when it arrived; zero means now
	Lines []ReceiveLine
}

// ReceiveParcelsResult says what several deliveries changed.
type ReceiveParcelsResult struct {
	Received []string  // numbers of the POs that took a parcel, in the order given
	Ready    []string  // orders that became ready to pack, oldest first (by 500)
	Refused  []Problem // POs that could take no delivery (a draft, closed, cancelled, received): nothing written for them
}

// ReceiveParcels records several deliveries, each as Receive (or, without lines,
// ReceiveAll) does for one: a receipt per parcel at its own time, accepted units on their
// lines, spare units kept, POs received or partly received, orders whose every line arrived
// ready to pack. It writes them together, a statement for many rows, in one transaction.
// A parcel for a PO that can take no delivery, or with lines Receive would refuse, is
// refused and listed with nothing written for it; the others are received.
func (a *App) ReceiveParcels(parcels []Parcel) (ReceiveParcelsResult, error) {
	var res ReceiveParcelsResult
	now := a.Now()
	err := a.write(func(tx *gorm.DB) error {
		res = ReceiveParcelsResult{}
		ids := make([]uint, len(parcels))
		for i, p := range parcels {
			ids[i] = p.POID
		}
		pos, err := readPOsByID(tx.Preload("Lines", func(db *gorm.DB) *gorm.DB { return db.Order("id") }), ids)
		if err != nil {
			return err
		}
		var b receiptBatch
		for _, ar := range parcels {
			po := pos[ar.POID]
			if po == nil {
				res.Refused = append(res.Refused, Problem{Field: "po", Message: fmt.Sprintf("purchase order %d does not exist", ar.POID)})
				continue
			}
			err := checkReceivable(*po)
			if err == nil && ar.Lines == nil && !owesAnything(*po) {
				err = invalid("po", "nothing is owed on %s", po.Number)
			}
			if err == nil && ar.Lines != nil {
				err = checkReceiveLines(*po, ar.Lines)
			}
			if err != nil {
				var bad *InputError
				if !errors.As(err, &bad) {
					return err
				}
				res.Refused = append(res.Refused, bad.Problems...)
				continue
			}
			at := ar.At
			if at.IsZero() {
				at = now
			}
			if ar.Lines == nil {
				err = a.batchReceipt(tx, &b, po, at)
			} else {
				err = a.batchPartReceipt(tx, &b, po, at, ar.Lines)
			}
			if err != nil {
				return err
			}
			res.Received = append(res.Received, po.Number)
		}
		if res.Ready, err = b.write(tx); err != nil {
			return fmt.Errorf("receive %d purchase orders: %w", len(res.Received), err)
		}
		return nil
	})
	return res, err
}

// receiptBatch collects the rows of complete deliveries to write together.
type receiptBatch struct {
	receipts   []data.Receipt
	lines      [][]data.ReceiptLine // by receipt
	poLines    []uint               // PO lines now complete
	pos        []uint               // POs now received in full
	orderLines []uint               // customer lines that arrived
}

// batchReceipt adds the delivery of everything still owed on po; PO lines that serve no
// order (their units become spare stock) are written at once, as Receive writes them.
func (a *App) batchReceipt(tx *gorm.DB, b *receiptBatch, po *data.PurchaseOrder, at time.Time) error {
	var rls []data.ReceiptLine
	for i := range po.Lines {
		pl := &po.Lines[i]
		open := pl.Qty - pl.QtyAccepted
		if open <= 0 {
			continue
		}
		rls = append(rls, data.ReceiptLine{POLineID: pl.ID, QtyAccepted: open})
		if pl.QtyAccepted+pl.QtyRejected == 0 && po.SentAt != nil {
			a.noteFirstReceipt(po.SupplierID, *po.SentAt, at)
		}
		if pl.OrderLineID == nil {
			if err := receiveOnLine(tx, pl, ReceiveLine{POLineID: pl.ID, Accepted: open}); err != nil {
				return err
			}
			continue
		}
		pl.QtyAccepted = pl.Qty
		b.poLines = append(b.poLines, pl.ID)
		b.orderLines = append(b.orderLines, *pl.OrderLineID)
	}
	b.receipts = append(b.receipts, data.Receipt{PurchaseOrderID: po.ID, ReceivedAt: at.UTC()})
	b.lines = append(b.lines, rls)
	if po.Status != data.POReceived {
		b.pos = append(b.pos, po.ID)
	}
	po.Status = data.POReceived // a later parcel for it in this batch is refused
	return nil
}

// batchPartReceipt adds a delivery of the given (checked) lines: the PO lines and the PO's
// status are written at once, as Receive writes them; the receipt and what it changed for
// the orders go with the batch.
func (a *App) batchPartReceipt(tx *gorm.DB, b *receiptBatch, po *data.PurchaseOrder, at time.Time, lines []ReceiveLine) error {
	rls := make([]data.ReceiptLine, 0, len(lines))
	for _, l := range lines {
		if l.Accepted == 0 && l.Rejected == 0 {
			continue
		}
		pl := poLineByID(po.Lines, l.POLineID)
		rl := data.ReceiptLine{POLineID: pl.ID, QtyAccepted: l.Accepted, QtyRejected: l.Rejected}
		if l.Rejected > 0 {
			rl.RejectReason = l.Reason
		}
		rls = append(rls, rl)
		if pl.QtyAccepted+pl.QtyRejected == 0 && po.SentAt != nil {
			a.noteFirstReceipt(po.SupplierID, *po.SentAt, at)
		}
		if err := receiveOnLine(tx, pl, l); err != nil {
			return err
		}
		if pl.OrderLineID != nil && pl.QtyAccepted >= pl.Qty {
			b.orderLines = append(b.orderLines, *pl.OrderLineID)
		}
	}
	b.receipts = append(b.receipts, data.Receipt{PurchaseOrderID: po.ID, ReceivedAt: at.UTC()})
	b.lines = append(b.lines, rls)
	return settlePO(tx, po)
}

// write stores the batch and returns the numbers of the orders it made ready, oldest first.
func (b *receiptBatch) write(tx *gorm.DB) ([]string, error) {
	if len(b.receipts) == 0 {
		return nil, nil
	}
	if err := tx.CreateInBatches(&b.receipts, 100).Error; err != nil {
		return nil, fmt.Errorf("record receipts: %w", err)
	}
	var rls []data.ReceiptLine
	for i, ls := range b.lines {
		for _, l := range ls {
			l.ReceiptID = b.receipts[i].ID
			rls = append(rls, l)
		}
	}
	if len(rls) > 0 {
		if err := tx.CreateInBatches(rls, 100).Error; err != nil {
			return nil, fmt.Errorf("record the receipts' lines: %w", err)
		}
	}
	for ids := range slices.Chunk(b.poLines, idBatch) {
		if err := tx.Model(&data.POLine{}).Where("id IN ?", ids).Update("qty_accepted", gorm.Expr("qty")).Error; err != nil {
			return nil, fmt.Errorf("mark PO lines received: %w", err)
		}
	}
	for ids := range slices.Chunk(b.pos, idBatch) {
		if err := tx.Model(&data.PurchaseOrder{}).Where("id IN ?", ids).Update("status", data.POReceived).Error; err != nil {
			return nil, fmt.Errorf("mark purchase orders received: %w", err)
		}
	}
	var orderIDs []uint
	for ids := range slices.Chunk(b.orderLines, idBatch) {
		got, err := markLinesReceived(tx, ids)
		if err != nil {
			return nil, err
		}
		orderIDs = append(orderIDs, got...)
	}
	slices.Sort(orderIDs)
	orderIDs = slices.Compact(orderIDs)
	if len(orderIDs) == 0 {
		return nil, nil
	}
	if err := updateOrderStatus(tx, orderIDs...); err != nil {
		return nil, err
	}
	if err := setAtRisk(tx, orderIDs); err != nil {
		return nil, err
	}
	var ready []string
	for ids := range slices.Chunk(orderIDs, idBatch) {
		var numbers []string
		err := tx.Model(&data.Order{}).Where("id IN ? AND status = ?", ids, data.OrderReady).
			Order("placed_at, number").Pluck("number", &numbers).Error
		if err != nil {
			return nil, fmt.Errorf("read orders ready to pack: %w", err)
		}
		ready = append(ready, numbers...)
	}
	return ready, nil
}

func owesAnything(po data.PurchaseOrder) bool {
	for _, l := range po.Lines {
		if l.Qty > l.QtyAccepted {
			return true
		}
	}
	return false
}
