package app

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// EventInput is a contact log entry as the user writes it.
type EventInput struct {
	SupplierID uint
	Day        data.Day       // when it happened, in the shop's time zone; "" for now
	At         time.Time      // the moment, when known to the minute (it wins over Day); zero for Day
	Kind       data.EventKind // one of ManualEventKinds
	Channel    string         // how: email, phone, portal, chat, in person, ...
	Text       string
}

// ManualEventKinds are the entries a user writes by hand; purchase orders write the others.
var ManualEventKinds = []data.EventKind{data.EventMessage, data.EventCall, data.EventIssue, data.EventNote}

// EventChannels are the usual ways of reaching a supplier, offered as choices.
var EventChannels = []string{"email", "phone", "portal", "chat", "in person"}

// maxEventText bounds a log entry (a pasted e-mail fits; a pasted book does not).
const maxEventText = 20000

// SupplierEvent is one contact log entry as the log lists it.
type SupplierEvent struct {
	data.SupplierEvent
	PONumber string // the purchase order it is about, "" when none
}

// AddSupplierEvent writes an entry into a supplier's contact log. An entry for today takes
// the current time; one for an earlier day is placed at midday of that day, unless its
// exact time is given.
func (a *App) AddSupplierEvent(in EventInput) (data.SupplierEvent, error) {
	in.Text = strings.TrimSpace(in.Text)
	in.Channel = strings.TrimSpace(in.Channel)
	var ps problems
	if !validManualKind(in.Kind) {
		ps.add("kind", "%q is not a kind of entry; use message, call, issue or note", in.Kind)
	}
	if in.Text == "" {
		ps.add("text", "say what was said or what happened")
	}
	if len(in.Text) > maxEventText {
		ps.add("text", "the text is %d characters; keep it under %d", len(in.Text), maxEventText)
	}
	at, err := a.eventTime(in.Day, in.At)
	if err != nil {
		ps.add("date", "%v", err)
	}
	if err := ps.err(); err != nil {
		return data.SupplierEvent{}, err
	}
	ev := data.SupplierEvent{SupplierID: in.SupplierID, At: at, Kind: in.Kind, Channel: in.Channel, Text: in.Text}
	err = a.write(func(tx *gorm.DB) error {
		if err := tx.Select("id").First(&data.Supplier{}, in.SupplierID).Error; err != nil {
			return notFound(err, "supplier")
		}
		return tx.Create(&ev).Error
	})
	if err != nil {
		return ev, fmt.Errorf("add to the log of supplier %d: %w", in.SupplierID, err)
	}
	return ev, nil
}

func (a *App) eventTime(day data.Day, at time.Time) (time.Time, error) {
	if !at.IsZero() {
		if at.After(a.Now()) {
			return time.Time{}, fmt.Errorf("%s is in the future; log what has happened", at.In(a.Location()).Format("2006-01-02 15:04"))
		}
		return at.UTC(), nil
	}
	today := a.Today()
	if day == "" || day == today {
		return a.Now().UTC(), nil
	}
	if _, err := data.ParseDay(string(day)); err != nil {
		return time.Time{}, err
	}
	if day > today {
		return time.Time{}, fmt.Errorf("%s is in the future; log what has happened", day)
	}
	return a.TimeOn(day).UTC(), nil
}

func validManualKind(k data.EventKind) bool {
	for _, x := range ManualEventKinds {
		if k == x {
			return true
		}
	}
	return false
}

// SupplierEvents reads a page of a supplier's contact log, newest first, purchase order
// events included.
func (a *App) SupplierEvents(supplierID uint, offset, limit int) ([]SupplierEvent, error) {
	var out []SupplierEvent
	q := ListQuery{Offset: offset, Limit: limit}
	err := q.page(a.db.Model(&data.SupplierEvent{}).
		Select("supplier_events.*, COALESCE(purchase_orders.number, '') AS po_number").
		Joins("LEFT JOIN purchase_orders ON purchase_orders.id = supplier_events.purchase_order_id").
		Where("supplier_events.supplier_id = ?", supplierID).
		Order("supplier_events.at DESC, supplier_events.id DESC")).
		Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("read the log of supplier %d: %w", supplierID, err)
	}
	return out, nil
}
