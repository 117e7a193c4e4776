package app

import (
	"errors"
	"fmt"
	"strings"

	"clockwork/data"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// CheckOffer lists what is wrong with an offer as typed, field by field, without touching
// the database.
func CheckOffer(o data.Offer) []Problem { return checkOfferFields(o, true) }

func checkOfferFields(o data.Offer, needProduct bool) []Problem {
	var ps problems
	if needProduct && o.ProductID == 0 {
		ps.add("product", "the offer needs a product")
	}
	if o.SupplierID == 0 {
		ps.add("supplier", "choose the supplier making the offer")
	}
	if o.UnitCost < 0 {
		ps.add("unit cost", "%s is negative", o.UnitCost)
	}
	if o.PackSize < 1 {
		ps.add("pack size", "%d: a pack holds at least 1", o.PackSize)
	}
	if o.MinQty < 1 {
		ps.add("minimum qty", "%d: the minimum order is at least 1", o.MinQty)
	}
	if o.LeadDays < 0 || o.LeadDays > 365 {
		ps.add("lead days", "%d is not between 0 and 365", o.LeadDays)
	}
	if o.AvailableQty != nil && *o.AvailableQty < 0 {
		ps.add("available", "%d is negative; leave it empty when unknown", *o.AvailableQty)
	}
	for _, d := range []struct {
		field string
		day   data.Day
	}{{"valid from", o.ValidFrom}, {"valid to", o.ValidTo}} {
		if d.day != "" {
			if _, err := data.ParseDay(string(d.day)); err != nil {
				ps.add(d.field, "%v", err)
			}
		}
	}
	if o.ValidFrom != "" && o.ValidTo != "" && o.ValidTo < o.ValidFrom {
		ps.add("valid to", "%s is before valid from %s", o.ValidTo, o.ValidFrom)
	}
	checkOfferBounds(&ps, o)
	return ps
}

// SaveOffer checks an offer and creates it (ID 0; it goes after the product's other active
// offers, so it is preferred only when there is no other) or updates its terms. A new
// unit cost is written to the cost history; a new available quantity is dated now.
// Priority and active state change through MakePreferred and SetOfferActive.
func (a *App) SaveOffer(o *data.Offer) error {
	o.SupplierSKU = strings.TrimSpace(o.SupplierSKU)
	if err := problems(CheckOffer(*o)).err(); err != nil {
		return err
	}
	err := a.write(func(tx *gorm.DB) error {
		if err := tx.Select("id").First(&data.Supplier{}, o.SupplierID).Error; err != nil {
			return notFound(err, "supplier")
		}
		if err := tx.Select("id").First(&data.Product{}, o.ProductID).Error; err != nil {
			return notFound(err, "product")
		}
		if o.ID == 0 {
			o.Priority = 0
			if err := a.createOffer(tx, o); err != nil {
				return err
			}
			return renumberOffers(tx, o.ProductID, 0)
		}
		return a.updateOffer(tx, o)
	})
	var ie *InputError
	switch {
	case errors.As(err, &ie):
		return err
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return invalid("supplier sku", "this supplier already has an offer for the product under supplier SKU %q", o.SupplierSKU)
	case err != nil:
		return fmt.Errorf("save offer: %w", err)
	}
	return nil
}

// createOffer stores a new offer and the first entry of its cost history. Priority 0 puts
// it after the product's other offers.
func (a *App) createOffer(tx *gorm.DB, o *data.Offer) error {
	if o.Priority < 1 {
		var last int
		err := tx.Model(&data.Offer{}).Where("product_id = ?", o.ProductID).
			Select("COALESCE(MAX(priority), 0)").Scan(&last).Error
		if err != nil {
			return err
		}
		o.Priority = last + 1
	}
	if o.AvailableQty != nil && o.AvailableAt == nil {
		now := a.Now().UTC()
		o.AvailableAt = &now
	}
	o.Active = true
	if err := tx.Omit("Product", "Supplier").Create(o).Error; err != nil {
		return err
	}
	return tx.Create(&data.OfferCost{OfferID: o.ID, UnitCost: o.UnitCost, From: a.Now().UTC()}).Error
}

func (a *App) updateOffer(tx *gorm.DB, o *data.Offer) error {
	var old data.Offer
	if err := tx.First(&old, o.ID).Error; err != nil {
		return notFound(err, "offer")
	}
	if old.ProductID != o.ProductID {
		return invalid("product", "an offer stays with its product; add a new offer for the other product")
	}
	now := a.Now().UTC()
	o.Priority, o.Active, o.AvailableAt = old.Priority, old.Active, old.AvailableAt
	if !sameQty(old.AvailableQty, o.AvailableQty) {
		o.AvailableAt = &now
		if o.AvailableQty == nil {
			o.AvailableAt = nil
		}
	}
	if err := tx.Omit("Product", "Supplier", "CreatedAt").Save(o).Error; err != nil {
		return err
	}
	if old.UnitCost == o.UnitCost {
		return nil
	}
	return tx.Create(&data.OfferCost{OfferID: o.ID, UnitCost: o.UnitCost, From: now}).Error
}

func sameQty(a, b *int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// SetOfferActive withdraws an offer (planning stops using it) or brings it back; the
// product's remaining active offers keep their order, renumbered from 1.
func (a *App) SetOfferActive(id uint, active bool) error {
	err := a.write(func(tx *gorm.DB) error {
		var o data.Offer
		if err := tx.Select("id", "product_id").First(&o, id).Error; err != nil {
			return notFound(err, "offer")
		}
		if err := tx.Model(&o).Update("active", active).Error; err != nil {
			return err
		}
		return renumberOffers(tx, o.ProductID, 0)
	})
	if err != nil {
		return fmt.Errorf("change offer %d: %w", id, err)
	}
	return nil
}

// MakePreferred makes an offer its product's first choice (priority 1); the others keep
// their order behind it.
func (a *App) MakePreferred(id uint) error {
	err := a.write(func(tx *gorm.DB) error {
		var o data.Offer
		if err := tx.Preload("Supplier").First(&o, id).Error; err != nil {
			return notFound(err, "offer")
		}
		if !o.Active {
			return invalid("offer", "this offer is withdrawn; make it active before preferring it")
		}
		if o.Supplier.Status == data.SupplierBlocked {
			return invalid("offer", "%s is blocked; Clockwork does not buy from it, so it cannot be preferred", o.Supplier.Name)
		}
		return renumberOffers(tx, o.ProductID, id)
	})
	var ie *InputError
	if err != nil && !errors.As(err, &ie) {
		return fmt.Errorf("prefer offer %d: %w", id, err)
	}
	return err
}

// renumberOffers numbers a product's offers 1, 2, 3…: first (when not 0), then the other
// active ones in their current order, then the withdrawn ones.
func renumberOffers(tx *gorm.DB, productID, first uint) error {
	var ids []uint
	err := tx.Model(&data.Offer{}).Where("product_id = ?", productID).
		Order(clause.OrderBy{Expression: clause.Expr{SQL: "id = ? DESC, active DESC, priority, id", Vars: []any{first}}}).
		Pluck("id", &ids).Error
	if err != nil {
		return err
	}
	for i, id := range ids {
		if err := tx.Model(&data.Offer{}).Where("id = ?", id).Update("priority", i+1).Error; err != nil {
			return err
		}
	}
	return nil
}

// OfferCosts is an offer's cost history, newest first.
func (a *App) OfferCosts(offerID uint) ([]data.OfferCost, error) {
	var out []data.OfferCost
	err := a.db.Where("offer_id = ?", offerID).Order(`"from" DESC, id DESC`).Limit(MaxPage).Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("read cost history of offer %d: %w", offerID, err)
	}
	return out, nil
}
