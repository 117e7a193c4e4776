package app

import (
	"fmt"

	"clockwork/data"

	"gorm.io/gorm"
)

// draftLineOf reads a PO line and its PO, refusing unless the PO is still a draft: once
// sent, its quantities and costs are what the supplier was told.
func draftLineOf(tx *gorm.DB, lineID uint) (data.POLine, data.PurchaseOrder, error) {
	var l data.POLine
	if err := tx.First(&l, lineID).Error; err != nil {
		return l, data.PurchaseOrder{}, notFound(err, "purchase order line")
	}
	var po data.PurchaseOrder
	if err := tx.First(&po, l.PurchaseOrderID).Error; err != nil {
		return l, po, notFound(err, "purchase order")
	}
	if po.Status != data.PODraft {
		return l, po, invalid("po", "%s has been sent (%s): its lines are locked; close it short or cancel it to buy differently", po.Number, statusWords(po.Status))
	}
	return l, po, nil
}

// UpdatePOLine changes the quantity and unit cost of a line on a draft. A line serving a
// customer needs at least the units the customer ordered.
func (a *App) UpdatePOLine(lineID uint, qty int, unitCost data.Money) error {
	var ps problems
	if qty < 1 {
		ps.add("qty", "%d: order at least 1 unit, or remove the line", qty)
	}
	if unitCost < 0 {
		ps.add("unit_cost", "%s: a cost cannot be negative", unitCost)
	}
	if qty > MaxQty {
		ps.qty("qty", qty)
	}
	if unitCost > MaxMoney {
		ps.money("unit_cost", unitCost)
	}
	if err := ps.err(); err != nil {
		return err
	}
	err := a.write(func(tx *gorm.DB) error {
		l, po, err := draftLineOf(tx, lineID)
		if err != nil {
			return err
		}
		if l.OrderLineID != nil {
			var ol data.OrderLine
			if err := tx.Select("qty").First(&ol, *l.OrderLineID).Error; err != nil {
				return notFound(err, "order line")
			}
			if qty < ol.Qty {
				return invalid("qty", "%d: the customer ordered %d of %s; remove the line to buy none on %s", qty, ol.Qty, l.SKU, po.Number)
			}
		}
		return tx.Model(&l).Updates(map[string]any{"qty": qty, "unit_cost": unitCost}).Error
	})
	if err != nil {
		return fmt.Errorf("change purchase order line %d: %w", lineID, err)
	}
	return nil
}

// RemovePOLine takes a line off a draft: its order line goes back to unpurchased, the
// offer's surplus is worked out again, and a draft left empty is deleted.
func (a *App) RemovePOLine(lineID uint) error {
	loc, now := a.Location(), a.Now()
	err := a.write(func(tx *gorm.DB) error {
		l, po, err := draftLineOf(tx, lineID)
		if err != nil {
			return err
		}
		if err := tx.Delete(&l).Error; err != nil {
			return err
		}
		var orders []uint
		if l.OrderLineID != nil {
			var ol data.OrderLine
			if err := tx.Select("id", "order_id").First(&ol, *l.OrderLineID).Error; err != nil {
				return notFound(err, "order line")
			}
			if err := setLineStates(tx, []uint{ol.ID}, data.LineUnpurchased); err != nil {
				return err
			}
			orders = []uint{ol.OrderID}
			if err := resurplus(tx, po.ID, l.OfferID); err != nil {
				return err
			}
		}
		if err := dropIfEmpty(tx, po.ID); err != nil {
			return err
		}
		return afterReopen(tx, &a.shared.leads, loc, now, orders)
	})
	if err != nil {
		return fmt.Errorf("remove purchase order line %d: %w", lineID, err)
	}
	return nil
}

// MovePOLine moves a customer's line from its draft to another offer of the same product,
// onto that supplier's open draft (or a new one); both drafts' surplus is worked out again.
// It returns the PO the line is now on.
func (a *App) MovePOLine(lineID, offerID uint) (data.PurchaseOrder, error) {
	loc, now, today := a.Location(), a.Now(), a.Today()
	var to data.PurchaseOrder
	err := a.write(func(tx *gorm.DB) error {
		l, from, err := draftLineOf(tx, lineID)
		if err != nil {
			return err
		}
		if l.OrderLineID == nil {
			return invalid("line", "the surplus line of %s follows the lines it rounds up; move those instead", l.SKU)
		}
		var ol data.OrderLine
		if err := tx.Select("id", "order_id", "product_id").First(&ol, *l.OrderLineID).Error; err != nil {
			return notFound(err, "order line")
		}
		var o planOffer
		err = tx.Table("offers").Select("offers.*, suppliers.name AS supplier_name, suppliers.status AS supplier_status").
			Joins("JOIN suppliers ON suppliers.id = offers.supplier_id").Where("offers.id = ?", offerID).Take(&o).Error
		if err != nil {
			return notFound(err, "offer")
		}
		if ol.ProductID == nil || o.ProductID != *ol.ProductID {
			return invalid("offer", "that offer is for another product than %s", l.SKU)
		}
		if ok, why := o.usable(today, a.shared.leads.veryPoor.ratings()); !ok {
			return invalid("offer", "%s's offer cannot be bought from: %s", o.SupplierName, why.Fix())
		}
		if to, err = draftFor(tx, o.SupplierID); err != nil {
			return err
		}
		var oldOffer *uint // Updates below writes the new offer into l, pointer and all
		if l.OfferID != nil {
			id := *l.OfferID
			oldOffer = &id
		}
		err = tx.Model(&l).Updates(map[string]any{"purchase_order_id": to.ID, "offer_id": o.ID, "supplier_sku": o.SupplierSKU,
			"unit_cost": o.UnitCost, "quoted_unit_cost": o.UnitCost}).Error
		if err != nil {
			return err
		}
		if err := resurplus(tx, from.ID, oldOffer); err != nil {
			return err
		}
		if err := resurplus(tx, to.ID, &o.ID); err != nil {
			return err
		}
		if err := dropIfEmpty(tx, from.ID); err != nil {
			return err
		}
		return setPromises(tx, &a.shared.leads, loc, now, []uint{ol.OrderID})
	})
	if err != nil {
		return to, fmt.Errorf("move purchase order line %d: %w", lineID, err)
	}
	return to, nil
}

// draftFor is the supplier's newest open draft, or a new one.
func draftFor(tx *gorm.DB, supplierID uint) (data.PurchaseOrder, error) {
	var po data.PurchaseOrder
	err := tx.Where("supplier_id = ? AND status = ?", supplierID, data.PODraft).Order("id DESC").Limit(1).Find(&po).Error
	if err != nil || po.ID != 0 {
		return po, err
	}
	n, err := nextPONumber(tx)
	if err != nil {
		return po, err
	}
	po = data.PurchaseOrder{Number: poNumber(n), SupplierID: supplierID, Status: data.PODraft}
	return po, tx.Create(&po).Error
}

// resurplus works out again the surplus line rounding an offer up on a draft.
func resurplus(tx *gorm.DB, poID uint, offerID *uint) error {
	if offerID == nil {
		return nil
	}
	var o data.Offer
	if err := tx.Select("id", "min_qty", "pack_size").First(&o, *offerID).Error; err != nil {
		return notFound(err, "offer")
	}
	var rows []data.POLine
	if err := tx.Where("purchase_order_id = ? AND offer_id = ?", poID, o.ID).Order("id").Find(&rows).Error; err != nil {
		return err
	}
	need := 0
	var s PlannedSurplus
	for _, r := range rows {
		switch {
		case r.OrderLineID != nil:
			need += r.Qty
			s.SKU, s.SupplierSKU, s.UnitCost = r.SKU, r.SupplierSKU, r.UnitCost
		case s.LineID == 0:
			s.LineID, s.Was = r.ID, r.Qty
		}
	}
	s.OfferID = o.ID
	if need > 0 {
		s.Qty = roundQty(need, o.MinQty, o.PackSize) - need
	}
	if s.Qty == s.Was {
		return nil
	}
	return setSurplus(tx, poID, s)
}

// dropIfEmpty deletes a draft with no line serving a customer left (surplus lines go with it).
func dropIfEmpty(tx *gorm.DB, poID uint) error {
	var n int64
	if err := tx.Model(&data.POLine{}).Where("purchase_order_id = ? AND order_line_id IS NOT NULL", poID).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if err := tx.Where("purchase_order_id = ?", poID).Delete(&data.POLine{}).Error; err != nil {
		return err
	}
	return tx.Where("id = ? AND status = ?", poID, data.PODraft).Delete(&data.PurchaseOrder{}).Error
}
