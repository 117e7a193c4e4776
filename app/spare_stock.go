package app

import (
	"fmt"

	"clockwork/data"

	"gorm.io/gorm"
)

// AddSpareStock puts units of a product on the shelf as spare stock (units the owner found,
// or kept from a delivery), which the next purchase plan uses before buying.
func (a *App) AddSpareStock(productID uint, qty int) error {
	if qty < 1 || qty > MaxLineQty {
		return invalid("qty", "%d: give between 1 and %d units", qty, MaxLineQty)
	}
	err := a.write(func(tx *gorm.DB) error {
		if err := tx.Select("id").First(&data.Product{}, productID).Error; err != nil {
			return notFound(err, "product")
		}
		return tx.Create(&data.Leftover{ProductID: productID, Qty: qty, Source: data.LeftoverSurplus}).Error
	})
	if err != nil {
		return fmt.Errorf("add spare stock of product %d: %w", productID, err)
	}
	return nil
}

// SpareStock is how many units of a product are on the shelf as spare stock.
func (a *App) SpareStock(productID uint) (int, error) {
	var n int
	err := a.db.Model(&data.Leftover{}).Select(fmt.Sprintf("COALESCE(SUM(CASE WHEN qty > %d THEN %d ELSE qty END), 0)", MaxQty, MaxQty)).Where("product_id = ? AND qty > 0", productID).Scan(&n).Error
	if err != nil {
		return 0, fmt.Errorf("count spare stock of product %d: %w", productID, err)
	}
	return n, nil
}
