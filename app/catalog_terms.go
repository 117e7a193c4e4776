package app

import (
	"fmt"
	"time"

	"clockwork/app/importfile"
	"clockwork/data"

	"gorm.io/gorm"
)

// takeTerms copies into the supplier the terms a price list states (each row that has them
// states the same, importfile checks); it says whether they change the supplier's.
func takeTerms(s *data.Supplier, rows []importfile.CatalogRow) bool {
	was := s.Terms
	for _, r := range rows {
		for _, t := range []struct {
			from *data.Money
			to   *data.Money
		}{{r.OrderFee, &s.Terms.OrderFee}, {r.Shipping, &s.Terms.ShippingCharge}, {r.FreeShippingFrom, &s.Terms.FreeShippingThreshold}} {
			if t.from != nil {
				*t.to = *t.from
			}
		}
	}
	return s.Terms != was
}

// saveTerms writes an existing supplier's new terms and notes them in its contact log.
func saveTerms(tx *gorm.DB, s data.Supplier, file string, now time.Time) error {
	err := tx.Model(&data.Supplier{}).Where("id = ?", s.ID).Updates(map[string]any{"order_fee": s.Terms.OrderFee,
		"shipping_charge": s.Terms.ShippingCharge, "free_shipping_threshold": s.Terms.FreeShippingThreshold}).Error
	if err != nil {
		return fmt.Errorf("set the terms of %s: %w", s.Name, err)
	}
	return tx.Create(&data.SupplierEvent{SupplierID: s.ID, At: now, Kind: data.EventNote, Text: termsNote(s.Terms, file)}).Error
}

// termsNote is the contact log's line for terms a price list set.
func termsNote(t data.SupplierTerms, file string) string {
	free := "never free"
	if t.FreeShippingThreshold > 0 {
		free = "free from " + t.FreeShippingThreshold.Plain()
	}
	return fmt.Sprintf("Terms from the price list %s: order fee %s, shipping %s, %s.", file, t.OrderFee.Plain(), t.ShippingCharge.Plain(), free)
}
