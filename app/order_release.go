package app

import (
	"errors"
	"fmt"

	"clockwork/data"

	"gorm.io/gorm"
)

// ReleaseOrder lets purchasing buy a held order (one the web shop had not been paid for
// when it was imported) although no later import showed it paid: the owner knows better,
// e.g. a bank transfer arrived. number is the order's number as the shop shows it; with
// more than one channel using it, the most recent order is meant.
func (a *App) ReleaseOrder(number string) (data.Order, error) {
	var o data.Order
	err := a.write(func(tx *gorm.DB) error {
		err := tx.Where("number = ?", number).Order("placed_at DESC, id DESC").Take(&o).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return invalid("order", "there is no order %q: check the number as the web shop shows it (e.g. #1001)", number)
		}
		if err != nil {
			return err
		}
		switch {
		case o.Status == data.OrderCancelled:
			return invalid("order", "order %s is cancelled: there is nothing to release", o.Number)
		case !o.Held:
			return invalid("order", "order %s is not held: it is bought with the other open orders", o.Number)
		}
		o.Held = false
		return tx.Model(&o).Update("held", false).Error
	})
	if err != nil {
		return o, fmt.Errorf("release order %s: %w", number, err)
	}
	return o, nil
}
