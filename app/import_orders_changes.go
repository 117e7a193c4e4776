package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// applyChanges brings a later export's news to stored orders, with the rules of an order
// cancel: lines cancelled or fulfilled by the web shop leave draft POs, lines on sent POs are
// flagged for the owner, goods already received become spare stock.
func applyChanges(tx *gorm.DB, now time.Time, changes []pendingChange, res *ImportResult) error {
	for _, c := range changes {
		var o data.Order
		if err := tx.Preload("Lines", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).First(&o, c.stored.ID).Error; err != nil {
			return fmt.Errorf("read order %s: %w", c.stored.Number, err)
		}
		changed := false
		for _, k := range c.kinds {
			oc, ok, err := applyChange(tx, now, &o, c.in, k)
			if err != nil {
				return fmt.Errorf("bring the web shop's change to order %s: %w", o.Number, err)
			}
			if ok {
				res.Changes = append(res.Changes, oc)
				changed = true
				for _, po := range oc.TellSuppliers {
					if !slices.Contains(res.TellSuppliers, po) {
						res.TellSuppliers = append(res.TellSuppliers, po)
					}
				}
			}
		}
		if !changed {
			res.Already++
			continue
		}
		err := tx.Model(&data.Order{}).Where("id = ?", o.ID).Updates(map[string]any{
			"platform_status": c.in.PlatformStatus, "platform_fulfillment": c.in.PlatformFulfillment}).Error
		if err != nil {
			return err
		}
		if err := updateOrderStatus(tx, o.ID); err != nil {
			return err
		}
	}
	return nil
}

// applyChange makes one change; ok is false when it turns out to change nothing.
func applyChange(tx *gorm.DB, now time.Time, o *data.Order, in OrderInput, k ChangeKind) (OrderChange, bool, error) {
	oc := OrderChange{Number: o.Number, Kind: k}
	switch k {
	case ChangeReleased:
		return oc, true, tx.Model(&data.Order{}).Where("id = ?", o.ID).Update("held", false).Error
	case ChangeCancelled:
		if slices.ContainsFunc(o.Lines, func(l data.OrderLine) bool { return l.State == data.LineShipped }) {
			return oc, false, nil // shipped already: a return, not a cancel
		}
		lines := make([]*data.OrderLine, len(o.Lines))
		for i := range o.Lines {
			lines[i] = &o.Lines[i]
		}
		if err := settleLines(tx, lines, data.LineCancelled, "cancelled in the web shop", &oc); err != nil {
			return oc, false, err
		}
		at := now.UTC()
		if !in.CancelledAt.IsZero() {
			at = in.CancelledAt.UTC()
		}
		err := tx.Model(&data.Order{}).Where("id = ?", o.ID).Updates(map[string]any{
			"status": data.OrderCancelled, "cancelled_at": at, "at_risk": false, "held": false}).Error
		return oc, true, err
	case ChangeFulfilled:
		lines := fulfilledSince(o.Lines, in.Lines)
		if len(lines) == 0 {
			return oc, false, nil
		}
		return oc, true, settleLines(tx, lines, data.LineFulfilled, "fulfilled by the web shop", &oc)
	}
	return oc, false, nil
}

// settleLines settles lines as cancel does, noting in oc how many and which POs to tell.
func settleLines(tx *gorm.DB, lines []*data.OrderLine, to data.LineState, verb string, oc *OrderChange) error {
	flat := make([]data.OrderLine, len(lines))
	for i, l := range lines {
		flat[i] = *l
	}
	pols, err := servingPOLines(tx, flat)
	if err != nil {
		return err
	}
	var cr CancelResult
	for _, l := range lines {
		if l.State.Settled() || l.State == data.LineShipped {
			continue
		}
		if err := settleLine(tx, l, pols, &cr, to, verb); err != nil {
			return err
		}
		oc.Lines++
	}
	oc.TellSuppliers = cr.TellSuppliers
	if len(cr.TellSuppliers) > 0 {
		oc.Note = "on " + strings.Join(cr.TellSuppliers, ", ") + " already sent: tell the supplier"
	}
	if cr.KeptAsStock > 0 {
		oc.Note = joinNotes(oc.Note, []string{fmt.Sprintf("%d received units kept as spare stock", cr.KeptAsStock)})
	}
	return deleteEmptyDrafts(tx, pols)
}

// fulfilledSince pairs the export's lines with the stored ones (same place and SKU, else the
// first free line with its SKU and title) and returns the stored lines the web shop has
// fulfilled (or that need no shipping) and Clockwork has not settled or shipped.
func fulfilledSince(stored []data.OrderLine, in []LineInput) []*data.OrderLine {
	used := make([]bool, len(stored))
	var out []*data.OrderLine
	for i, l := range in {
		j := -1
		if i < len(stored) && !used[i] && strings.EqualFold(stored[i].SKU, strings.TrimSpace(l.SKU)) {
			j = i
		}
		for k := 0; j < 0 && k < len(stored); k++ {
			if !used[k] && strings.EqualFold(stored[k].SKU, strings.TrimSpace(l.SKU)) && stored[k].Title == strings.TrimSpace(l.Title) {
				j = k
			}
		}
		if j < 0 {
			continue
		}
		used[j] = true
		s := &stored[j]
		if (l.Fulfilled || l.NoShipping) && !s.State.Settled() && s.State != data.LineShipped {
			out = append(out, s)
		}
	}
	return out
}
