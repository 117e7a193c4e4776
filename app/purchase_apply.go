package app

import (
	"fmt"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// PlanResult is what Purchase did: the plan it carried out and the POs it created or extended.
type PlanResult struct {
	Plan
	PONumbers []string // in the plan's order
	POIDs     []uint
}

// Purchase carries out the plan of PlanPurchases in one transaction: drafts are created or
// extended, their order lines go on_draft_po, lines served from spare stock count as
// received, and the orders' statuses and promise dates follow.
func (a *App) Purchase() (PlanResult, error) { return a.PurchaseWith(PlanOptions{}) }

// PurchaseWith is Purchase with options.
func (a *App) PurchaseWith(opt PlanOptions) (PlanResult, error) {
	opt, err := a.planOptions(opt)
	if err != nil {
		return PlanResult{}, err
	}
	loc, today, now := a.Location(), a.Today(), a.Now()
	var res PlanResult
	err = a.write(func(tx *gorm.DB) error {
		in, err := loadPlanInput(tx, opt.OrderIDs)
		if err != nil {
			return err
		}
		res = PlanResult{Plan: makePlan(in, today, opt.Policy, opt.Ratings)}
		return applyPlan(tx, &a.shared.leads, loc, now, &res)
	})
	if err != nil {
		return PlanResult{}, fmt.Errorf("purchase: %w", err)
	}
	return res, nil
}

func applyPlan(tx *gorm.DB, leads *leadHistory, loc *time.Location, now time.Time, res *PlanResult) error {
	next := 0
	var onDraft, orders []uint
	seen := map[uint]bool{}
	touch := func(orderID uint) {
		if !seen[orderID] {
			seen[orderID] = true
			orders = append(orders, orderID)
		}
	}
	for i := range res.POs {
		po := &res.POs[i]
		if po.DraftID == 0 {
			if next == 0 {
				n, err := nextPONumber(tx)
				if err != nil {
					return err
				}
				next = n
			}
			row := data.PurchaseOrder{Number: poNumber(next), SupplierID: po.SupplierID, Status: data.PODraft}
			if err := tx.Create(&row).Error; err != nil {
				return fmt.Errorf("create purchase order for %s: %w", po.Supplier, err)
			}
			next++
			po.DraftID, po.DraftNumber = row.ID, row.Number
		}
		if err := writePlannedLines(tx, po); err != nil {
			return err
		}
		res.PONumbers = append(res.PONumbers, po.DraftNumber)
		res.POIDs = append(res.POIDs, po.DraftID)
		for _, l := range po.Lines {
			onDraft = append(onDraft, l.OrderLineID)
			touch(l.OrderID)
		}
	}
	if err := setLineStates(tx, onDraft, data.LineOnDraftPO); err != nil {
		return err
	}
	for _, l := range res.FromLeftovers {
		if err := serveFromLeftovers(tx, l); err != nil {
			return err
		}
		touch(l.OrderID)
	}
	if len(orders) == 0 {
		return nil
	}
	if err := updateOrderStatus(tx, orders...); err != nil {
		return err
	}
	return setPromises(tx, leads, loc, now, orders)
}

// writePlannedLines adds a planned PO's lines to its draft and sets its surplus lines.
func writePlannedLines(tx *gorm.DB, po *PlannedPO) error {
	rows := make([]data.POLine, 0, len(po.Lines))
	for _, l := range po.Lines {
		ol, of := l.OrderLineID, l.OfferID
		rows = append(rows, data.POLine{PurchaseOrderID: po.DraftID, OrderLineID: &ol, OfferID: &of, SKU: l.SKU,
			SupplierSKU: l.SupplierSKU, Qty: l.Qty, UnitCost: l.UnitCost, QuotedUnitCost: l.UnitCost})
	}
	if len(rows) > 0 {
		if err := tx.CreateInBatches(&rows, 200).Error; err != nil {
			return fmt.Errorf("add lines to %s: %w", po.DraftNumber, err)
		}
	}
	for _, s := range po.Surplus {
		if err := setSurplus(tx, po.DraftID, s); err != nil {
			return fmt.Errorf("round up %s on %s: %w", s.SKU, po.DraftNumber, err)
		}
	}
	return nil
}

// setSurplus creates, resizes or deletes the PO line that rounds an offer up.
func setSurplus(tx *gorm.DB, poID uint, s PlannedSurplus) error {
	switch {
	case s.LineID != 0 && s.Qty == 0:
		return tx.Delete(&data.POLine{}, s.LineID).Error
	case s.LineID != 0:
		return tx.Model(&data.POLine{}).Where("id = ?", s.LineID).Update("qty", s.Qty).Error
	case s.Qty > 0:
		of := s.OfferID
		return tx.Create(&data.POLine{PurchaseOrderID: poID, OfferID: &of, SKU: s.SKU, SupplierSKU: s.SupplierSKU,
			Qty: s.Qty, UnitCost: s.UnitCost, QuotedUnitCost: s.UnitCost}).Error
	}
	return nil
}

// setLineStates moves order lines to a state, in batches.
func setLineStates(tx *gorm.DB, ids []uint, st data.LineState) error {
	for start := 0; start < len(ids); start += idBatch {
		err := tx.Model(&data.OrderLine{}).Where("id IN ?", ids[start:min(start+idBatch, len(ids))]).Update("state", st).Error
		if err != nil {
			return fmt.Errorf("set order lines %s: %w", st, err)
		}
	}
	return nil
}

// serveFromLeftovers takes a line's units off the shelf and marks the line received.
func serveFromLeftovers(tx *gorm.DB, l PlannedLine) error {
	for _, t := range l.leftovers {
		if err := tx.Model(&data.Leftover{}).Where("id = ?", t.ID).Update("qty", gorm.Expr("qty - ?", t.Qty)).Error; err != nil {
			return fmt.Errorf("take %s from spare stock: %w", l.SKU, err)
		}
	}
	err := tx.Model(&data.OrderLine{}).Where("id = ?", l.OrderLineID).
		Updates(map[string]any{"state": data.LineReceived, "leftover_id": l.leftovers[0].ID}).Error
	if err != nil {
		return fmt.Errorf("serve %s of order %s from spare stock: %w", l.SKU, l.OrderNumber, err)
	}
	return nil
}
