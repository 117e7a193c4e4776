package app

import (
	"fmt"
	"strings"

	"clockwork/data"
)

// primeBatch is how many IDs one priming query asks for; shorter lists are padded with 0
// (no row has ID 0), so each query is prepared once per transaction.
const primeBatch = 100

// inList is "(?,?,…)" for primeBatch values and the padded arguments for ids.
func inList(ids []uint) (string, []any) {
	args := make([]any, primeBatch)
	for i := range args {
		args[i] = uint(0)
		if i < len(ids) {
			args[i] = ids[i]
		}
	}
	return "(" + strings.TrimSuffix(strings.Repeat("?,", primeBatch), ",") + ")", args
}

// primeProducts works out the preferred offer's lead days of many products at once, a
// query per hundred products, choosing as productLead does for one: active, valid today,
// from a supplier that is not blocked, lowest priority number, then cheapest.
func (p *promiser) primeProducts(ids []uint) error {
	var todo []uint
	seen := map[uint]bool{}
	for _, id := range ids {
		if _, ok := p.byProduct[id]; !ok && !seen[id] {
			seen[id] = true
			todo = append(todo, id)
		}
	}
	for start := 0; start < len(todo); start += primeBatch {
		chunk := todo[start:min(start+primeBatch, len(todo))]
		in, args := inList(chunk)
		args = append(args, data.SupplierBlocked, p.today, p.today)
		rows, err := p.sql.query(`SELECT offers.product_id, offers.supplier_id, offers.lead_days, suppliers.quoted_lead_days
			FROM offers JOIN suppliers ON suppliers.id = offers.supplier_id
			WHERE offers.product_id IN `+in+` AND offers.active AND suppliers.status <> ?
			AND (offers.valid_from = '' OR offers.valid_from <= ?) AND (offers.valid_to = '' OR offers.valid_to >= ?)
			ORDER BY offers.product_id, offers.priority, offers.unit_cost, offers.id`, args...)
		if err != nil {
			return fmt.Errorf("lead times of %d products: %w", len(chunk), err)
		}
		preferred := map[uint]offerTerms{}
		for rows.Next() {
			var id uint
			var t offerTerms
			if err := rows.Scan(&id, &t.SupplierID, &t.LeadDays, &t.QuotedLeadDays); err != nil {
				rows.Close()
				return err
			}
			if _, ok := preferred[id]; !ok {
				preferred[id] = t // the first is the preferred one
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range chunk {
			d := -1
			if t, ok := preferred[id]; ok {
				if d, err = p.termsLead(t); err != nil {
					return fmt.Errorf("lead time of product %d: %w", id, err)
				}
			}
			p.byProduct[id] = d
		}
	}
	return nil
}

// productsToPromise are the products whose preferred offer decides a promise: those of
// lines not on a purchase order yet.
func productsToPromise(lines map[uint][]promiseLine) []uint {
	var ids []uint
	for _, ls := range lines {
		for _, l := range ls {
			if l.OfferID == nil && l.ProductID != nil && l.State != data.LineCancelled {
				ids = append(ids, *l.ProductID)
			}
		}
	}
	return ids
}

// primeOffers works out many offers' lead days at once, as offerLead does for one (-1 for
// an offer that is gone).
func (p *promiser) primeOffers(ids []uint) error {
	var todo []uint
	seen := map[uint]bool{}
	for _, id := range ids {
		if _, ok := p.byOffer[id]; !ok && !seen[id] {
			seen[id] = true
			todo = append(todo, id)
		}
	}
	for start := 0; start < len(todo); start += primeBatch {
		chunk := todo[start:min(start+primeBatch, len(todo))]
		in, args := inList(chunk)
		rows, err := p.sql.query("SELECT offers.id, offers.supplier_id, offers.lead_days, suppliers.quoted_lead_days FROM offers JOIN suppliers ON suppliers.id = offers.supplier_id WHERE offers.id IN "+in, args...)
		if err != nil {
			return fmt.Errorf("lead times of %d offers: %w", len(chunk), err)
		}
		found := map[uint]offerTerms{}
		for rows.Next() {
			var id uint
			var t offerTerms
			if err := rows.Scan(&id, &t.SupplierID, &t.LeadDays, &t.QuotedLeadDays); err != nil {
				rows.Close()
				return err
			}
			found[id] = t
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range chunk {
			d := -1
			if t, ok := found[id]; ok {
				if d, err = p.termsLead(t); err != nil {
					return fmt.Errorf("lead time of offer %d: %w", id, err)
				}
			}
			p.byOffer[id] = d
		}
	}
	return nil
}

// offersToPromise are the offers chosen on purchase orders for lines still to be promised.
func offersToPromise(lines map[uint][]promiseLine) []uint {
	var ids []uint
	for _, ls := range lines {
		for _, l := range ls {
			if l.OfferID != nil && l.State != data.LineCancelled {
				ids = append(ids, *l.OfferID)
			}
		}
	}
	return ids
}
