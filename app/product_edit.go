package app

import (
	"errors"
	"fmt"
	"strings"

	"clockwork/data"

	"gorm.io/gorm"
)

// CheckProduct lists what is wrong with a product as typed (its offers aside), field by
// field, without touching the database.
func CheckProduct(p data.Product) []Problem {
	var ps problems
	if strings.TrimSpace(p.SKU) == "" {
		ps.add("sku", "the product needs a SKU: the code your shop sells it under")
	} else if len(p.SKU) > 100 || strings.ContainsAny(p.SKU, "\n\r\t") {
		ps.add("sku", "a SKU is one line of at most 100 characters")
	}
	if strings.TrimSpace(p.Title) == "" {
		ps.add("title", "the product needs a title")
	}
	if p.Price < 0 {
		ps.add("price", "%s is negative", p.Price)
	}
	if p.TrialStart != "" {
		if _, err := data.ParseDay(string(p.TrialStart)); err != nil {
			ps.add("trial start", "%v", err)
		}
	}
	return ps
}

// SaveProduct checks a product and creates it (ID 0) with the offers it carries, or updates
// the product alone (offers change through SaveOffer). A trial product without a start
// date starts today.
func (a *App) SaveProduct(p *data.Product) error {
	p.SKU = strings.TrimSpace(p.SKU)
	p.Title = strings.TrimSpace(p.Title)
	if p.Trial && p.TrialStart == "" {
		p.TrialStart = a.Today()
	}
	ps := problems(CheckProduct(*p))
	if p.ID != 0 && len(p.Offers) > 0 {
		ps.add("offers", "change the offers of a saved product one by one")
	}
	for i := range p.Offers {
		p.Offers[i].ProductID = p.ID
		ps = append(ps, checkOfferFields(p.Offers[i], false)...)
	}
	if err := ps.err(); err != nil {
		return err
	}
	err := a.write(func(tx *gorm.DB) error {
		if p.ID == 0 {
			return a.createProduct(tx, p)
		}
		if err := tx.Select("id").First(&data.Product{}, p.ID).Error; err != nil {
			return notFound(err, "product")
		}
		return tx.Omit("Offers", "CreatedAt").Save(p).Error
	})
	var ie *InputError
	switch {
	case errors.As(err, &ie):
		return err
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return invalid("sku", "a product with SKU %q already exists", p.SKU)
	case err != nil:
		return fmt.Errorf("save product %s: %w", p.SKU, err)
	}
	return nil
}

func (a *App) createProduct(tx *gorm.DB, p *data.Product) error {
	offers := p.Offers
	p.Offers = nil
	defer func() { p.Offers = offers }()
	active := p.Active
	if err := tx.Omit("Offers").Create(p).Error; err != nil {
		return err
	}
	if !active { // gorm writes the column's default (true) in place of a false value
		p.Active = false

		if err := tx.Model(p).Update("active", false).Error; err != nil {
			return err
		}
	}
	for i := range offers {
		offers[i].ProductID = p.ID
		if err := a.createOffer(tx, &offers[i]); err != nil {
			return err
		}
	}
	return nil
}

// SetProductActive takes a product out of the catalog (orders for it are no longer
// planned) or puts it back.
func (a *App) SetProductActive(id uint, active bool) error {
	return a.updateProduct(id, map[string]any{"active": active})
}

// SetTrial marks a product as being tested from start ("" for today), or ends the trial.
func (a *App) SetTrial(id uint, trial bool, start data.Day) error {
	if !trial {
		return a.updateProduct(id, map[string]any{"trial": false, "trial_start": ""})
	}
	if start == "" {
		start = a.Today()
	}
	if _, err := data.ParseDay(string(start)); err != nil {
		return invalid("trial start", "%v", err)
	}
	return a.updateProduct(id, map[string]any{"trial": true, "trial_start": start})
}

func (a *App) updateProduct(id uint, fields map[string]any) error {
	err := a.write(func(tx *gorm.DB) error {
		res := tx.Model(&data.Product{}).Where("id = ?", id).Updates(fields)
		if res.Error == nil && res.RowsAffected == 0 {
			return notFound(gorm.ErrRecordNotFound, "product")
		}
		return res.Error
	})
	if err != nil {
		return fmt.Errorf("change product %d: %w", id, err)
	}
	return nil
}
