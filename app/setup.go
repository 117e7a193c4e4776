package app

import (
	"fmt"

	"clockwork/data"
)

// Setup says which of a new shop's first steps are done; Today shows the rest as next steps.
type Setup struct {
	VettedSupplier bool  // a supplier is active (added, vetted and trusted to buy from)
	PriceList      bool  // some product has a supplier's offer
	UnknownSKUs    int64 // open order lines whose SKU is not in the catalog
	Branded        bool  // the shop has its own name or logo on its documents
}

// Done says every first step is done.
func (s Setup) Done() bool {
	return s.VettedSupplier && s.PriceList && s.UnknownSKUs == 0 && s.Branded
}

// Setup reads how far the shop has come with its first steps.
func (a *App) Setup() (Setup, error) {
	var s Setup
	err := a.db.Raw(`SELECT EXISTS(SELECT 1 FROM suppliers WHERE status = ?), EXISTS(SELECT 1 FROM offers)`, data.SupplierActive).
		Row().Scan(&s.VettedSupplier, &s.PriceList)
	if err == nil {
		err = a.db.Model(&data.OrderLine{}).Joins("JOIN orders ON orders.id = order_lines.order_id").
			Where("order_lines.product_id IS NULL AND order_lines.state <> ? AND orders.status IN ?", data.LineCancelled, openOrder).
			Count(&s.UnknownSKUs).Error
	}
	if err != nil {
		return s, fmt.Errorf("read the first steps: %w", err)
	}
	shop, err := a.Shop()
	if err != nil {
		return s, err
	}
	s.Branded = len(shop.Logo) > 0 || (shop.Name != "" && shop.Name != data.NewShop().Name)
	return s, nil
}
