package app

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// SupplierQuery asks for a page of the supplier list.
type SupplierQuery struct {
	ListQuery                     // Sort: name, status, lead, offers, vetting, last_contact
	Status    data.SupplierStatus // "" for every status
}

// SupplierRow is one line of the supplier list.
type SupplierRow struct {
	ID             uint
	Name           string
	Status         data.SupplierStatus
	Email          string
	Phone          string
	Website        string
	ContactPerson  string
	QuotedLeadDays int
	Offers         int        // active offers
	VettingYes     int        // checklist questions answered yes, of VettingTotal
	LastContact    *time.Time `gorm:"-"` // latest contact log entry other than a note; nil when none
}

// VettingTotal is how many questions the vetting checklist has (DESIGN 5.1).
var VettingTotal = len((&data.Vetting{}).Items())

// Suppliers reads one page of the supplier list.
func (a *App) Suppliers(q SupplierQuery) ([]SupplierRow, error) {
	db, err := a.supplierList(q)
	if err != nil {
		return nil, err
	}
	db = db.Select(`suppliers.id, suppliers.name, suppliers.status, suppliers.email, suppliers.phone,
		suppliers.website, suppliers.contact_person, suppliers.quoted_lead_days,
		` + offerCountSQL + ` AS offers, ` + vettingYesSQL() + ` AS vetting_yes, ` + lastContactSQL + ` AS last_contact`)
	db = q.order(db, "suppliers", supplierSorts(), "LOWER(suppliers.name)")
	var rows []struct {
		SupplierRow
		LastContactAt data.ScannedTime `gorm:"column:last_contact"`
	}
	if err := q.page(db).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list suppliers: %w", err)
	}
	out := make([]SupplierRow, len(rows))
	for i, r := range rows {
		out[i] = r.SupplierRow
		out[i].LastContact = r.LastContactAt.T
	}
	return out, nil
}

// CountSuppliers counts the suppliers the query matches (its page aside).
func (a *App) CountSuppliers(q SupplierQuery) (int, error) {
	db, err := a.supplierList(q)
	if err != nil {
		return 0, err
	}
	var n int64
	if err := db.Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count suppliers: %w", err)
	}
	return int(n), nil
}

// EachSupplier calls fn for every supplier the query matches, in its order, a page at a time.
func (a *App) EachSupplier(q SupplierQuery, fn func(SupplierRow) error) error {
	q.Limit = 500
	for q.Offset = 0; ; q.Offset += q.Limit {
		rows, err := a.Suppliers(q)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(rows) < q.Limit {
			return nil
		}
	}
}

func (a *App) supplierList(q SupplierQuery) (*gorm.DB, error) {
	db := a.db.Model(&data.Supplier{})
	if q.Status != "" {
		if !validSupplierStatus(q.Status) {
			return nil, invalid("status", "%q is not a status; use %s", q.Status, supplierStatusList())
		}
		db = db.Where("suppliers.status = ?", q.Status)
	}
	return q.search(db, "suppliers.name", "suppliers.email", "suppliers.contact_person", "suppliers.phone"), nil
}

const (
	offerCountSQL  = `(SELECT COUNT(*) FROM offers WHERE offers.supplier_id = suppliers.id AND offers.active)`
	lastContactSQL = `(SELECT MAX(supplier_events.at) FROM supplier_events WHERE supplier_events.supplier_id = suppliers.id AND supplier_events.kind <> 'note')`
)

// supplierSorts maps the list's sort keys to SQL.
func supplierSorts() map[string]string {
	status := "CASE suppliers.status"
	for i, s := range data.SupplierStatuses {
		status += fmt.Sprintf(" WHEN '%s' THEN %d", s, i)
	}
	return map[string]string{
		"name":         "LOWER(suppliers.name)",
		"status":       status + " END",
		"lead":         "suppliers.quoted_lead_days",
		"offers":       offerCountSQL,
		"vetting":      vettingYesSQL(),
		"last_contact": lastContactSQL, // no contact yet sorts first (ListQuery.order)
	}
}

// vettingYesSQL counts a supplier's yes answers in SQL. The answer columns are read from the
// model, so a question added to data.Vetting is counted without touching this.
var vettingYesSQL = sync.OnceValue(func() string {
	s, err := schema.Parse(&data.Supplier{}, &sync.Map{}, schema.NamingStrategy{})
	if err != nil {
		panic(fmt.Sprintf("read the supplier model: %v", err)) // a broken model fails every test
	}
	var terms []string
	answer := reflect.TypeOf(data.AnswerYes)
	for _, f := range s.Fields {
		if f.FieldType == answer {
			terms = append(terms, fmt.Sprintf("CASE WHEN suppliers.%s = 'yes' THEN 1 ELSE 0 END", f.DBName))
		}
	}
	return "(" + strings.Join(terms, " + ") + ")"
})

func supplierStatusList() string {
	var s []string
	for _, x := range data.SupplierStatuses {
		s = append(s, string(x))
	}
	return strings.Join(s, ", ")
}

// Supplier reads one supplier with everything the detail pane shows but its offers and log.
func (a *App) Supplier(id uint) (data.Supplier, error) {
	var s data.Supplier
	if err := a.db.First(&s, id).Error; err != nil {
		return s, fmt.Errorf("read supplier %d: %w", id, notFound(err, "supplier"))
	}
	return s, nil
}

// SupplierByName finds a supplier by name, ignoring case and surrounding spaces.
func (a *App) SupplierByName(name string) (data.Supplier, error) {
	return supplierByName(a.db, name)
}

func supplierByName(db *gorm.DB, name string) (data.Supplier, error) {
	var s data.Supplier
	err := db.Where("LOWER(name) = LOWER(?)", strings.TrimSpace(name)).First(&s).Error
	if err != nil {
		return s, fmt.Errorf("supplier %q: %w", name, notFound(err, "supplier"))
	}
	return s, nil
}
