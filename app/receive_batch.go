package app

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// Arrival is a parcel that brought everything still owed on its purchase order.
type Arrival struct {
	POID uint
	At   time.Time // when it arrived; zero means now
}

// ReceiveAllOfResult says what several complete deliveries changed.
type ReceiveAllOfResult struct {
	Received []string  // numbers of the POs now received in full, in the order given
	Ready    []string  // orders that became ready to pack, oldest first (by 500)
	Refused  []Problem // POs that could take no delivery (a draft, closed, cancelled, received): nothing written for them
}

// ReceiveAllOf records several parcels that each brought everything still owed on its PO,
// as ReceiveAll does for one: a receipt per parcel at its own time, lines and POs received,
// orders whose every line arrived ready to pack. It writes them together, a statement for
// many rows, in one transaction. A PO that can take no delivery is refused and listed;
// the others are received.
func (a *App) ReceiveAllOf(arrivals []Arrival) (ReceiveAllOfResult, error) {
	var res ReceiveAllOfResult
	now := a.Now()
	err := a.write(func(tx *gorm.DB) error {
		res = ReceiveAllOfResult{}
		pos, err := readReceivingPOs(tx, arrivals)
		if err != nil {
			return err
		}
		var b receiptBatch
		for _, ar := range arrivals {
			po := pos[ar.POID]
			if po == nil {
				res.Refused = append(res.Refused, Problem{Field: "po", Message: fmt.Sprintf("purchase order %d does not exist", ar.POID)})
				continue
			}
			if err := checkReceivable(*po); err != nil {
				var bad *InputError
				if !errors.As(err, &bad) {
					return err
				}
				res.Refused = append(res.Refused, bad.Problems...)
				continue
			}
			if !owesAnything(*po) {
				res.Refused = append(res.Refused, Problem{Field: "po", Message: fmt.Sprintf("nothing is owed on %s", po.Number)})
				continue
			}
			at := ar.At
			if at.IsZero() {
				at = now
			}
			if err := a.batchReceipt(tx, &b, po, at); err != nil {
				return err
			}
			po.Status = data.POReceived // a second parcel for it in this batch is refused
			res.Received = append(res.Received, po.Number)
		}
		if res.Ready, err = b.write(tx); err != nil {
			return fmt.Errorf("receive %d purchase orders: %w", len(res.Received), err)
		}
		return nil
	})
	return res, err
}

// readReceivingPOs reads the arrivals' purchase orders with their lines, by ID.
func readReceivingPOs(tx *gorm.DB, arrivals []Arrival) (map[uint]*data.PurchaseOrder, error) {
	ids := make([]uint, len(arrivals))
	for i, ar := range arrivals {
		ids[i] = ar.POID
	}
	out := make(map[uint]*data.PurchaseOrder, len(ids))
	for start := 0; start < len(ids); start += idBatch {
		var pos []data.PurchaseOrder
		err := tx.Preload("Lines", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).
			Where("id IN ?", ids[start:min(start+idBatch, len(ids))]).Find(&pos).Error
		if err != nil {
			return nil, fmt.Errorf("read purchase orders: %w", err)
		}
		for i := range pos {
			out[pos[i].ID] = &pos[i]
		}
	}
	return out, nil
}

// receiptBatch collects the rows of complete deliveries to write together.
type receiptBatch struct {
	receipts   []data.Receipt
	lines      [][]data.ReceiptLine // by receipt
	poLines    []uint               // PO lines now complete
	pos        []uint               // POs now received
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
	return nil
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
