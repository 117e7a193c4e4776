package app

import (
	"fmt"
	"strings"

	"clockwork/data"
)

// ProductWithSKU reads the catalog product sold under sku (exactly, around spaces); an
// unknown SKU is bad input naming it.
func (a *App) ProductWithSKU(sku string) (data.Product, error) {
	sku = strings.TrimSpace(sku)
	var found []data.Product
	if err := a.db.Where("sku = ?", sku).Limit(1).Find(&found).Error; err != nil {
		return data.Product{}, fmt.Errorf("find product %s: %w", sku, err)
	}
	if len(found) == 0 {
		return data.Product{}, invalid("sku", "no product has SKU %q; add it first", sku)
	}
	return found[0], nil
}
