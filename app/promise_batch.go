package app

import (
	"fmt"
	"strings"
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
// query per hundred products, choosing as productLead does for one among the buyable offers:
// lowest priority number, then cheapest.
func (p *promiser) primeProducts(ids []uint) error {
	return p.prime(ids, p.byProduct, "product", func(in string) string {
		return "SELECT offers.product_id, " + offerTermsCols + offerTermsFrom + " WHERE offers.product_id IN " + in +
			buyableOffer + " ORDER BY offers.product_id, " + preferredOrder
	}, buyableArgs(p.today)...)
}

// productsToPromise are the products whose preferred offer decides a promise: those of
// lines not on a purchase order yet.
func productsToPromise(lines map[uint][]promiseLine) []uint {
	var ids []uint
	for _, ls := range lines {
		for _, l := range ls {
			if l.OfferID == nil && l.ProductID != nil && !l.State.Settled() {
				ids = append(ids, *l.ProductID)
			}
		}
	}
	return ids
}

// primeOffers works out many offers' lead days at once, as offerLead does for one (-1 for
// an offer that is gone).
func (p *promiser) primeOffers(ids []uint) error {
	return p.prime(ids, p.byOffer, "offer", func(in string) string {
		return "SELECT offers.id, " + offerTermsCols + offerTermsFrom + " WHERE offers.id IN " + in
	})
}

// prime fills cache (byProduct or byOffer) for the ids it lacks, a query per hundred: query
// gives the SQL for an IN list, selecting the ID looked up then the offer's terms; the first
// row of an ID is the one that counts (for a product, the first from a supplier not rated
// very poor, as buyable says). An ID without rows gets -1.
func (p *promiser) prime(ids []uint, cache map[uint]int, what string, query func(in string) string, extra ...any) error {
	var todo []uint
	seen := map[uint]bool{}
	for _, id := range ids {
		if _, ok := cache[id]; !ok && !seen[id] {
			seen[id] = true
			todo = append(todo, id)
		}
	}
	for start := 0; start < len(todo); start += primeBatch {
		chunk := todo[start:min(start+primeBatch, len(todo))]
		in, args := inList(chunk)
		rows, err := p.sql.Query(query(in), append(args, extra...)...)
		if err != nil {
			return fmt.Errorf("lead times of %d %ss: %w", len(chunk), what, err)
		}
		first := map[uint]offerTerms{}
		for rows.Next() {
			var id uint
			var t offerTerms
			if err := rows.Scan(&id, &t.SupplierID, &t.LeadDays, &t.QuotedLeadDays); err != nil {
				rows.Close()
				return err
			}
			if _, ok := first[id]; !ok && (what != "product" || !p.leads.veryPoor.has(t.SupplierID)) {
				first[id] = t
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range chunk {
			d := -1
			if t, ok := first[id]; ok {
				if d, err = p.termsLead(t); err != nil {
					return fmt.Errorf("lead time of %s %d: %w", what, id, err)
				}
			}
			cache[id] = d
		}
	}
	return nil
}

// offersToPromise are the offers chosen on purchase orders for lines still to be promised.
func offersToPromise(lines map[uint][]promiseLine) []uint {
	var ids []uint
	for _, ls := range lines {
		for _, l := range ls {
			if l.OfferID != nil && !l.State.Settled() {
				ids = append(ids, *l.OfferID)
			}
		}
	}
	return ids
}
