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
	checkProductBounds(&ps, p)
	return ps
}

// SaveProduct checks a product and creates it (ID 0) with the offers it carries, or updates
// the product alone (offers change through SaveOffer): SKU, title, price, whether it is
// active (an inactive product is no longer bought for) and whether it is on trial, from a
// start date (today when none is given).
func (a *App) SaveProduct(p *data.Product) error {
	p.SKU = strings.TrimSpace(p.SKU)
	p.Title = strings.TrimSpace(p.Title)
	switch {
	case p.Trial && p.TrialStart == "":
		p.TrialStart = a.Today()
	case !p.Trial:
		p.TrialStart = ""
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
