package app

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// ReturnEdit changes an open return: its texts and, per line, reason, fault and disposition.
type ReturnEdit struct {
	ID      uint
	Comment string
	Note    string
	Lines   []ReturnLineEdit
}

// ReturnLineEdit is the new reason, fault and disposition of one return line.
type ReturnLineEdit struct {
	ID          uint
	Reason      data.ReturnReason
	Fault       data.Fault       // "" for the reason's default
	Disposition data.Disposition // "" while undecided
}

// UpdateReturn saves changes to a return that is not closed yet.
func (a *App) UpdateReturn(e ReturnEdit) error {
	e.Comment, e.Note = strings.TrimSpace(e.Comment), strings.TrimSpace(e.Note)
	var ps problems
	for _, l := range e.Lines {
		checkReturnChoice(&ps, l.Reason, l.Fault, l.Disposition)
	}
	if len(e.Comment) > maxReturnText || len(e.Note) > maxReturnText {
		ps.add("comment", "keep the comment and the note under %d characters each", maxReturnText)
	}
	if err := ps.err(); err != nil {
		return err
	}
	err := a.write(func(tx *gorm.DB) error {
		ret, err := openReturn(tx, e.ID, "change")
		if err != nil {
			return err
		}
		mine := map[uint]bool{}
		for _, l := range ret.Lines {
			mine[l.ID] = true
		}
		for _, l := range e.Lines {
			if !mine[l.ID] {
				return invalid("lines", "line %d is not on %s", l.ID, ret.Number)
			}
			fault := l.Fault
			if fault == "" {
				fault = data.DefaultFault(l.Reason)
			}
			err := tx.Model(&data.ReturnLine{}).Where("id = ?", l.ID).
				Updates(map[string]any{"reason": l.Reason, "fault": fault, "disposition": l.Disposition}).Error
			if err != nil {
				return err
			}
		}
		return tx.Model(&ret).Updates(map[string]any{"customer_comment": e.Comment, "internal_note": e.Note}).Error
	})
	if err != nil {
		return fmt.Errorf("save return %d: %w", e.ID, err)
	}
	return nil
}

// openReturn reads a return with its lines, refusing one that is closed.
func openReturn(tx *gorm.DB, id uint, doing string) (data.Return, error) {
	var ret data.Return
	if err := tx.Preload("Lines", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).First(&ret, id).Error; err != nil {
		return ret, notFound(err, "return")
	}
	if ret.Status == data.ReturnClosed {
		return ret, invalid("status", "%s is closed: there is nothing left to %s", ret.Number, doing)
	}
	return ret, nil
}

// ReceiveReturn records that the returned goods arrived at the shop (requested → received).
func (a *App) ReceiveReturn(id uint, at time.Time) error {
	if at.IsZero() {
		at = a.Now()
	}
	if at.After(a.Now()) {
		return invalid("at", "%s is in the future; record what has arrived", at.Format("2006-01-02 15:04"))
	}
	err := a.write(func(tx *gorm.DB) error {
		ret, err := openReturn(tx, id, "receive")
		if err != nil {
			return err
		}
		if ret.Status != data.ReturnRequested {
			return invalid("status", "%s was already received", ret.Number)
		}
		if at.Before(ret.OpenedAt) {
			return invalid("at", "%s was opened %s: the goods cannot arrive before that", ret.Number, ret.OpenedAt.Format("2006-01-02 15:04"))
		}
		return tx.Model(&ret).Updates(map[string]any{"status": data.ReturnReceived, "received_at": at.UTC()}).Error
	})
	if err != nil {
		return fmt.Errorf("receive return %d: %w", id, err)
	}
	return nil
}

// CloseResult says what closing a return did with the goods.
type CloseResult struct {
	Replacements  []uint   // new order lines that go through purchasing again
	KeptAsStock   int      // units now spare stock for the next order of the product
	SupplierIssue []string // suppliers whose log now holds the claim
}

// CloseReturn carries out every line's disposition and closes the return (received → closed):
// refund and discard only record the decision; replace adds a new unpurchased line to the
// order, so it is bought again; return_to_supplier logs an issue on the supplier that
// delivered the goods; keep_as_stock makes the units spare stock (a Leftover). A return whose
// every line was lost may close without being received: nothing comes back.
func (a *App) CloseReturn(id uint) (CloseResult, error) { return a.CloseReturnAs(id, nil) }

// CloseReturnAs decides the disposition of the return lines in choice (by return line ID;
// the others keep theirs) and closes the return, in one transaction: a return that cannot
// close keeps its old dispositions.
func (a *App) CloseReturnAs(id uint, choice map[uint]data.Disposition) (CloseResult, error) {
	var ps problems
	for _, d := range choice {
		checkReturnChoice(&ps, data.ReasonOther, "", d)
	}
	if err := ps.err(); err != nil {
		return CloseResult{}, err
	}
	var res CloseResult
	now := a.Now().UTC()
	err := a.write(func(tx *gorm.DB) error {
		ret, err := openReturn(tx, id, "close")
		if err != nil {
			return err
		}
		if err := chooseDispositions(tx, &ret, choice); err != nil {
			return err
		}
		var o data.Order
		if err := tx.Preload("Lines").First(&o, ret.OrderID).Error; err != nil {
			return notFound(err, "order")
		}
		lines := map[uint]data.OrderLine{}
		for _, l := range o.Lines {
			lines[l.ID] = l
		}
		if err := closable(ret, lines); err != nil {
			return err
		}
		for i := range ret.Lines {
			if err := dispose(tx, ret, o, lines[ret.Lines[i].OrderLineID], &ret.Lines[i], now, &res); err != nil {
				return err
			}
		}
		if err := tx.Model(&ret).Updates(map[string]any{"status": data.ReturnClosed, "closed_at": now}).Error; err != nil {
			return err
		}
		return updateOrderStatus(tx, o.ID)
	})
	if err != nil {
		return CloseResult{}, fmt.Errorf("close return %d: %w", id, err)
	}
	return res, nil
}

// chooseDispositions records the chosen disposition of each line of ret named in choice.
func chooseDispositions(tx *gorm.DB, ret *data.Return, choice map[uint]data.Disposition) error {
	found := 0
	for i, l := range ret.Lines {
		d, ok := choice[l.ID]
		if !ok {
			continue
		}
		found++
		ret.Lines[i].Disposition = d
		if err := tx.Model(&data.ReturnLine{}).Where("id = ?", l.ID).Update("disposition", d).Error; err != nil {
			return err
		}
	}
	if found != len(choice) {
		return invalid("lines", "a chosen line is not on %s", ret.Number)
	}
	return nil
}

func closable(ret data.Return, lines map[uint]data.OrderLine) error {
	var ps problems
	allLost := true
	for _, l := range ret.Lines {
		if l.Disposition == "" {
			ps.add("disposition", "%s: choose what happens to it (refund, replace, return to supplier, keep as stock or discard)", lines[l.OrderLineID].SKU)
		}
		allLost = allLost && l.Reason == data.ReasonLost
	}
	if ret.Status == data.ReturnRequested && !allLost {
		ps.add("status", "%s has not been received: mark the goods received first", ret.Number)
	}
	return ps.err()
}

// dispose carries out one line's disposition.
func dispose(tx *gorm.DB, ret data.Return, o data.Order, ol data.OrderLine, l *data.ReturnLine, now time.Time, res *CloseResult) error {
	switch l.Disposition {
	case data.DispositionReplace:
		repl := data.OrderLine{OrderID: ol.OrderID, ProductID: ol.ProductID, SKU: ol.SKU, Title: ol.Title,
			Qty: l.Qty, State: data.LineUnpurchased}
		if err := tx.Create(&repl).Error; err != nil {
			return fmt.Errorf("replace %s: %w", ol.SKU, err)
		}
		res.Replacements = append(res.Replacements, repl.ID)
		return tx.Model(l).Update("replacement_line_id", repl.ID).Error
	case data.DispositionKeepAsStock:
		if ol.ProductID == nil {
			return invalid("disposition", "%s is not in the catalog, so it cannot be kept as stock: add the product first or choose another disposition", ol.SKU)
		}
		left := data.Leftover{ProductID: *ol.ProductID, Qty: l.Qty, Source: data.LeftoverReturn, ReturnLineID: &l.ID}
		if err := tx.Create(&left).Error; err != nil {
			return fmt.Errorf("keep %s as stock: %w", ol.SKU, err)
		}
		res.KeptAsStock += l.Qty
	case data.DispositionReturnToSupplier:
		return claimFromSupplier(tx, ret, o, ol, *l, now, res)
	}
	return nil
}

// claimFromSupplier logs an issue on the supplier that delivered the goods, naming the RMA,
// so the claim is on record beside the supplier's other contacts.
func claimFromSupplier(tx *gorm.DB, ret data.Return, o data.Order, ol data.OrderLine, l data.ReturnLine, now time.Time, res *CloseResult) error {
	if l.POLineID == nil {
		return invalid("disposition", "%s was not bought through a purchase order, so no supplier can take it back: choose another disposition", ol.SKU)
	}
	var po struct {
		ID         uint
		Number     string
		SupplierID uint
		Supplier   string
	}
	err := tx.Raw(`SELECT po.id, po.number, po.supplier_id, s.name AS supplier FROM po_lines pl
		JOIN purchase_orders po ON po.id = pl.purchase_order_id JOIN suppliers s ON s.id = po.supplier_id
		WHERE pl.id = ?`, *l.POLineID).Scan(&po).Error
	if err != nil || po.ID == 0 {
		return fmt.Errorf("find the supplier that delivered %s: %w", ol.SKU, notFound(err, "purchase order"))
	}
	text := fmt.Sprintf("%s (order %s): %d × %s sent back to you, returned by the customer as %s.",
		ret.Number, o.Number, l.Qty, ol.SKU, strings.ReplaceAll(string(l.Reason), "_", " "))
	if ret.CustomerComment != "" {
		text += " Customer: “" + ret.CustomerComment + "”"
	}
	ev := data.SupplierEvent{SupplierID: po.SupplierID, PurchaseOrderID: &po.ID, At: now, Kind: data.EventIssue, Text: text}
	if err := tx.Create(&ev).Error; err != nil {
		return fmt.Errorf("log the claim on %s: %w", po.Supplier, err)
	}
	res.SupplierIssue = append(res.SupplierIssue, po.Supplier)
	return nil
}

// parcelLines are the lines the order's next parcel holds: those not shipped yet, so that the
// slip of a replacement lists the replacement, not what the customer already has; every line
// when all have shipped (a reprint).
func parcelLines(lines []data.OrderLine) []data.OrderLine {
	var open []data.OrderLine
	for _, l := range lines {
		if l.State != data.LineShipped {
			open = append(open, l)
		}
	}
	if len(open) == 0 {
		return lines
	}
	return open
}
