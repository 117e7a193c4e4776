package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// SendOptions are what the owner may say when sending a purchase order.
type SendOptions struct {
	// Promised is a ship date the supplier gave; "" promises the sent day + the longest
	// quoted lead days of the PO's offers.
	Promised data.Day
}

// SendPO sends a draft: it locks the promised date, marks its order lines ordered and writes
// the po_sent event. WritePOPDF then makes the PDF for the supplier.
func (a *App) SendPO(id uint) (data.PurchaseOrder, error) { return a.SendPOWith(id, SendOptions{}) }

// SendPOWith is SendPO with options.
func (a *App) SendPOWith(id uint, opt SendOptions) (data.PurchaseOrder, error) {
	today, now := a.Today(), a.Now().UTC()
	if opt.Promised != "" {
		if _, err := data.ParseDay(string(opt.Promised)); err != nil {
			return data.PurchaseOrder{}, invalid("promised", "%v", err)
		}
		if opt.Promised < today {
			return data.PurchaseOrder{}, invalid("promised", "%s is in the past; give the day the supplier promised to ship", opt.Promised)
		}
		var ps problems
		if a.day(&ps, "promised", opt.Promised); len(ps) > 0 {
			return data.PurchaseOrder{}, ps.err()
		}
	}
	var po data.PurchaseOrder
	err := a.write(func(tx *gorm.DB) error {
		sent, err := sendDrafts(tx, data.NewTxSQL(context.Background(), tx, &a.shared.stmts), []uint{id}, today, now, opt.Promised)
		if err == nil {
			po = sent[0]
		}
		return err
	})
	if err != nil {
		return po, fmt.Errorf("send purchase order %d: %w", id, err)
	}
	return po, nil
}

// lockPO reads a PO and refuses it unless it is in one of the given statuses.
func lockPO(tx *gorm.DB, id uint, allowed ...data.POStatus) (data.PurchaseOrder, error) {
	var po data.PurchaseOrder
	if err := tx.First(&po, id).Error; err != nil {
		return po, notFound(err, "purchase order")
	}
	return po, checkPOStatus(po, allowed...)
}

// checkPOStatus says why an action cannot be done on po in its status, if it can't.
func checkPOStatus(po data.PurchaseOrder, allowed ...data.POStatus) error {
	for _, s := range allowed {
		if po.Status == s {
			return nil
		}
	}
	return invalid("status", "%s is %s; this can only be done when it is %s", po.Number, statusWords(po.Status), joinPOStatuses(allowed))
}

func statusWords(s data.POStatus) string { return strings.ReplaceAll(string(s), "_", " ") }

func joinPOStatuses(ss []data.POStatus) string {
	words := make([]string, len(ss))
	for i, s := range ss {
		words[i] = statusWords(s)
	}
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

func logPOEvent(tx *gorm.DB, po data.PurchaseOrder, at time.Time, kind data.EventKind, channel, text string) error {
	id := po.ID
	ev := data.SupplierEvent{SupplierID: po.SupplierID, PurchaseOrderID: &id, At: at.UTC(), Kind: kind, Channel: channel, Text: text}
	if err := tx.Create(&ev).Error; err != nil {
		return fmt.Errorf("log %s of %s: %w", kind, po.Number, err)
	}
	return nil
}

// Ack is a supplier's answer to a purchase order.
type Ack struct {
	At          time.Time // when the supplier answered; zero for now
	Expected    data.Day  // the day the supplier now expects to ship; "" keeps the promise
	SupplierRef string    // the supplier's order number
	Carrier     string    // inbound carrier
	Tracking    string    // inbound tracking number
	Channel     string    // how the answer came: email, phone, portal…; "" for email
}

// AcknowledgePO records the supplier's answer to a sent PO: the first answer makes it
// acknowledged (its time measures the supplier's responsiveness); later ones revise the
// expected date, reference and tracking.
func (a *App) AcknowledgePO(id uint, ack Ack) (data.PurchaseOrder, error) {
	now := a.Now().UTC()
	ack, err := checkAck(ack, now)
	if err == nil {
		err = a.checkAckBounds(ack)
	}
	if err != nil {
		return data.PurchaseOrder{}, err
	}
	var po data.PurchaseOrder
	err = a.write(func(tx *gorm.DB) error {
		var err error
		if po, err = lockPO(tx, id, ackablePO...); err != nil {
			return err
		}
		// Prepared statements: the demo's year records thousands of answers in one transaction.
		revised, err := recordAck(data.NewTxSQL(context.Background(), tx, &a.shared.stmts), &po, ack, now)
		if err != nil || !revised {
			return err // at risk depends on the expected (else promised) day alone
		}
		return setAtRiskForPOs(tx, po.ID)
	})
	if err != nil {
		return po, fmt.Errorf("acknowledge purchase order %d: %w", id, err)
	}
	return po, nil
}

// ackablePO are the statuses of a PO a supplier's answer can be recorded on.
var ackablePO = []data.POStatus{data.POSent, data.POAcknowledged, data.POPartiallyReceived, data.POReceived}

// checkAck tidies an answer and checks it on its own (not against its PO).
func checkAck(ack Ack, now time.Time) (Ack, error) {
	if ack.At.IsZero() {
		ack.At = now
	}
	ack.SupplierRef, ack.Carrier, ack.Tracking = strings.TrimSpace(ack.SupplierRef), strings.TrimSpace(ack.Carrier), strings.TrimSpace(ack.Tracking)
	if ack.Channel == "" {
		ack.Channel = "email"
	}
	var ps problems
	if ack.At.After(now) {
		ps.add("at", "%s is in the future; record an answer that has come", ack.At.Format("2006-01-02 15:04"))
	}
	if ack.Expected != "" {
		if _, err := data.ParseDay(string(ack.Expected)); err != nil {
			ps.add("expected", "%v", err)
		}
	}
	return ack, ps.err()
}

// recordAck stores a checked answer on po (read in the same transaction) and logs it; it
// says whether the answer revised the expected day (then the PO's orders' risk changes).
func recordAck(q *data.TxSQL, po *data.PurchaseOrder, ack Ack, now time.Time) (revised bool, err error) {
	if po.SentAt != nil && ack.At.Before(*po.SentAt) {
		return false, invalid("at", "the answer is dated before %s was sent (%s)", po.Number, po.SentAt.Format("2006-01-02 15:04"))
	}
	kind := data.EventTracking
	if po.AcknowledgedAt == nil {
		at := ack.At.UTC()
		po.AcknowledgedAt, kind = &at, data.EventAcknowledged
	}
	if po.Status == data.POSent {
		po.Status = data.POAcknowledged
	}
	revised = ack.Expected != "" && ack.Expected != po.ExpectedDate
	setIf(&po.ExpectedDate, ack.Expected)
	setIf(&po.SupplierRef, ack.SupplierRef)
	setIf(&po.Carrier, ack.Carrier)
	setIf(&po.Tracking, ack.Tracking)
	_, err = q.Exec(`UPDATE purchase_orders SET status = ?, acknowledged_at = ?, expected_date = ?, supplier_ref = ?,
			carrier = ?, tracking = ?, updated_at = ? WHERE id = ?`,
		po.Status, po.AcknowledgedAt, po.ExpectedDate, po.SupplierRef, po.Carrier, po.Tracking, now, po.ID)
	if err != nil {
		return false, fmt.Errorf("record the answer to %s: %w", po.Number, err)
	}
	_, err = q.Exec(insertSQL("supplier_events", eventColumns, 1), now, now, po.SupplierID, po.ID, ack.At.UTC(), kind, ack.Channel, ackText(*po, ack))
	if err != nil {
		return false, fmt.Errorf("log %s of %s: %w", kind, po.Number, err)
	}
	return revised, nil
}

var eventColumns = []string{"created_at", "updated_at", "supplier_id", "purchase_order_id", "at", "kind", "channel", "text"}

func setIf[T ~string](dst *T, v T) {
	if v != "" {
		*dst = v
	}
}

func ackText(po data.PurchaseOrder, ack Ack) string {
	parts := []string{po.Number + " confirmed"}
	if ack.Expected != "" {
		parts = append(parts, "expected "+string(ack.Expected))
	}
	if ack.SupplierRef != "" {
		parts = append(parts, "their ref "+ack.SupplierRef)
	}
	if ack.Tracking != "" {
		parts = append(parts, strings.TrimSpace("tracking "+ack.Carrier+" "+ack.Tracking))
	}
	return strings.Join(parts, ", ")
}
