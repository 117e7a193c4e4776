package app

import (
	"errors"
	"fmt"
	"strings"

	"clockwork/data"

	"gorm.io/gorm"
)

// SaveSupplier checks a supplier and creates it (ID 0) or updates it.
func (a *App) SaveSupplier(s *data.Supplier) error {
	s.Name = strings.TrimSpace(s.Name)
	var ps problems
	if s.Name == "" {
		ps.add("name", "the supplier needs a name")
	}
	if s.Status == "" {
		s.Status = data.SupplierProspect
	}
	if !validSupplierStatus(s.Status) {
		ps.add("status", "%q is not a status; use prospect, vetted, active, paused or blocked", s.Status)
	}
	if s.QuotedLeadDays < 0 || s.QuotedLeadDays > 365 {
		ps.add("quoted lead days", "%d is not between 0 and 365", s.QuotedLeadDays)
	}
	if s.PromisedFillPct < 0 || s.PromisedFillPct > 100 {
		ps.add("promised fill %", "%d is not between 0 and 100", s.PromisedFillPct)
	}
	if err := ps.err(); err != nil {
		return err
	}
	err := a.write(func(tx *gorm.DB) error {
		return tx.Omit("Offers").Save(s).Error
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return invalid("name", "a supplier named %q already exists", s.Name)
	}
	if err != nil {
		return fmt.Errorf("save supplier %s: %w", s.Name, err)
	}
	return nil
}

func validSupplierStatus(st data.SupplierStatus) bool {
	for _, x := range data.SupplierStatuses {
		if st == x {
			return true
		}
	}
	return false
}

// SaveProduct checks a product and its offers and creates the product (ID 0) with them, or
// updates the product and saves the offers given.
func (a *App) SaveProduct(p *data.Product) error {
	p.SKU = strings.TrimSpace(p.SKU)
	p.Title = strings.TrimSpace(p.Title)
	var ps problems
	if p.SKU == "" {
		ps.add("sku", "the product needs a SKU")
	}
	if p.Title == "" {
		ps.add("title", "the product needs a title")
	}
	if p.Price < 0 {
		ps.add("price", "%s is negative", p.Price)
	}
	for i := range p.Offers {
		checkOffer(&ps, &p.Offers[i])
	}
	if err := ps.err(); err != nil {
		return err
	}
	err := a.write(func(tx *gorm.DB) error {
		if err := tx.Omit("Offers").Save(p).Error; err != nil {
			return err
		}
		for i := range p.Offers {
			p.Offers[i].ProductID = p.ID
			if err := tx.Save(&p.Offers[i]).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return invalid("sku", "a product with SKU %q already exists", p.SKU)
	}
	if err != nil {
		return fmt.Errorf("save product %s: %w", p.SKU, err)
	}
	return nil
}

func checkOffer(ps *problems, o *data.Offer) {
	if o.SupplierID == 0 {
		ps.add("supplier", "each offer needs a supplier")
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
	if o.LeadDays < 0 {
		ps.add("lead days", "%d is negative", o.LeadDays)
	}
	if o.Priority < 1 {
		o.Priority = 1
	}
	if o.ValidFrom != "" && o.ValidTo != "" && o.ValidTo < o.ValidFrom {
		ps.add("valid to", "%s is before valid from %s", o.ValidTo, o.ValidFrom)
	}
}
