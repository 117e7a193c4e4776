package app

import (
	"context"
	"fmt"

	"clockwork/data"

	"gorm.io/gorm"
)

// POAnswer is a supplier's answer to one purchase order.
type POAnswer struct {
	POID uint
	Ack  Ack
}

// AcknowledgePOs records several suppliers' answers, each as AcknowledgePO does, in one
// transaction: the POs are read together and the orders of those whose expected day moved
// are re-flagged at risk once. An answer AcknowledgePO would refuse fails the batch, and
// nothing is written.
func (a *App) AcknowledgePOs(answers []POAnswer) error {
	if len(answers) == 0 {
		return nil
	}
	now := a.Now().UTC()
	acks := make([]Ack, len(answers))
	for i, an := range answers {
		ack, err := checkAck(an.Ack, now)
		if err != nil {
			return fmt.Errorf("acknowledge purchase order %d: %w", an.POID, err)
		}
		acks[i] = ack
	}
	return a.write(func(tx *gorm.DB) error {
		ids := make([]uint, len(answers))
		for i, an := range answers {
			ids[i] = an.POID
		}
		pos, err := readPOsByID(tx, ids)
		if err != nil {
			return err
		}
		q := data.NewTxSQL(context.Background(), tx, &a.shared.stmts)
		var revised []uint
		for i, an := range answers {
			po := pos[an.POID]
			if po == nil {
				return fmt.Errorf("acknowledge purchase order %d: %w", an.POID, ErrNotFound)
			}
			if err := checkPOStatus(*po, ackablePO...); err != nil {
				return fmt.Errorf("acknowledge purchase order %d: %w", an.POID, err)
			}
			moved, err := recordAck(q, po, acks[i], now)
			if err != nil {
				return fmt.Errorf("acknowledge purchase order %d: %w", an.POID, err)
			}
			if moved {
				revised = append(revised, po.ID)
			}
		}
		if len(revised) == 0 {
			return nil
		}
		return setAtRiskForPOs(tx, revised...)
	})
}

// readPOsByID reads purchase orders by ID, a batch of IDs at a time; db may preload.
func readPOsByID(db *gorm.DB, ids []uint) (map[uint]*data.PurchaseOrder, error) {
	db = db.Session(&gorm.Session{}) // each batch starts from db's preloads, not the last batch's ids
	out := make(map[uint]*data.PurchaseOrder, len(ids))
	for start := 0; start < len(ids); start += idBatch {
		var pos []data.PurchaseOrder
		if err := db.Where("id IN ?", ids[start:min(start+idBatch, len(ids))]).Find(&pos).Error; err != nil {
			return nil, fmt.Errorf("read purchase orders: %w", err)
		}
		for i := range pos {
			out[pos[i].ID] = &pos[i]
		}
	}
	return out, nil
}
