package app

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"clockwork/data"

	"gorm.io/gorm"
)

// InUseError refuses to delete something other records still need, and says what to do instead.
type InUseError struct {
	Thing   string // what could not be deleted
	Reason  string // what still needs it
	Instead string // what the user can do instead
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("%s cannot be deleted: %s. %s", e.Thing, e.Reason, e.Instead)
}

var cutoffPattern = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)

// CheckSupplier lists what is wrong with a supplier as typed, field by field, without
// touching the database; the window runs it on every keystroke, SaveSupplier before saving.
func CheckSupplier(s data.Supplier) []Problem {
	var ps problems
	if strings.TrimSpace(s.Name) == "" {
		ps.add("name", "the supplier needs a name")
	}
	if s.Status != "" && !validSupplierStatus(s.Status) {
		ps.add("status", "%q is not a status; use %s", s.Status, supplierStatusList())
	}
	if e := strings.TrimSpace(s.Email); e != "" && (!strings.Contains(e, "@") || strings.ContainsAny(e, " ,;")) {
		ps.add("email", "%q is not an e-mail address like orders@supplier.com", e)
	}
	if s.QuotedLeadDays < 0 || s.QuotedLeadDays > 365 {
		ps.add("quoted lead days", "%d is not between 0 and 365", s.QuotedLeadDays)
	}
	if s.PromisedFillPct < 0 || s.PromisedFillPct > 100 {
		ps.add("promised fill %", "%d is not between 0 and 100", s.PromisedFillPct)
	}
	if c := strings.TrimSpace(s.OrderCutoff); c != "" && !cutoffPattern.MatchString(c) {
		ps.add("order cut-off", "%q is not a time of day like 14:00", c)
	}
	checkTerms(&ps, s.Terms)
	for _, it := range s.Vetting.Items() {
		if a := *it.Answer; a != data.AnswerYes && a != data.AnswerNo && a != data.AnswerUnknown {
			ps.add("vetting", "%q: answer %q with yes, no or leave it unknown", it.Question, a)
		}
	}
	checkSupplierBounds(&ps, s)
	return ps
}

// SaveSupplier checks a supplier and creates it (ID 0) or updates it. Names are unique
// regardless of case. A change of status is written to the supplier's contact log.
func (a *App) SaveSupplier(s *data.Supplier) error {
	trimSupplier(s)
	if s.Status == "" {
		s.Status = data.SupplierProspect
	}
	if err := problems(CheckSupplier(*s)).err(); err != nil {
		return err
	}
	err := a.write(func(tx *gorm.DB) error {
		var clash int64
		if err := tx.Model(&data.Supplier{}).Where("LOWER(name) = LOWER(?) AND id <> ?", s.Name, s.ID).Count(&clash).Error; err != nil {
			return err
		}
		if clash > 0 {
			return invalid("name", "a supplier named %q already exists", s.Name)
		}
		if s.ID == 0 {
			return tx.Omit("Offers").Create(s).Error
		}
		var old data.Supplier
		if err := tx.Select("id", "status").First(&old, s.ID).Error; err != nil {
			return notFound(err, "supplier")
		}
		if err := tx.Omit("Offers", "LastContactAt", "CreatedAt").Save(s).Error; err != nil {
			return err
		}
		return a.noteStatus(tx, s.ID, old.Status, s.Status)
	})
	var ie *InputError
	switch {
	case errors.As(err, &ie):
		return err
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return invalid("name", "a supplier named %q already exists", s.Name)
	case err != nil:
		return fmt.Errorf("save supplier %s: %w", s.Name, err)
	}
	return nil
}

func trimSupplier(s *data.Supplier) {
	for _, f := range []*string{&s.Name, &s.Website, &s.Email, &s.Phone, &s.Portal, &s.Chat, &s.ContactPerson, &s.OrderCutoff} {
		*f = strings.TrimSpace(*f)
	}
}

// SetSupplierStatus moves a supplier to another status (blocking it, say) and logs the change.
func (a *App) SetSupplierStatus(id uint, status data.SupplierStatus) error {
	if !validSupplierStatus(status) {
		return invalid("status", "%q is not a status; use %s", status, supplierStatusList())
	}
	err := a.write(func(tx *gorm.DB) error {
		var s data.Supplier
		if err := tx.Select("id", "status").First(&s, id).Error; err != nil {
			return notFound(err, "supplier")
		}
		if err := tx.Model(&s).Update("status", status).Error; err != nil {
			return err
		}
		return a.noteStatus(tx, id, s.Status, status)
	})
	if err != nil {
		return fmt.Errorf("set status of supplier %d: %w", id, err)
	}
	return nil
}

// noteStatus writes a status change into the contact log, so the log tells the supplier's story.
func (a *App) noteStatus(tx *gorm.DB, id uint, from, to data.SupplierStatus) error {
	if from == to {
		return nil
	}
	return tx.Create(&data.SupplierEvent{SupplierID: id, At: a.Now().UTC(), Kind: data.EventNote,
		Text: fmt.Sprintf("Status changed from %s to %s.", from, to)}).Error
}

// DeleteSupplier deletes a supplier with its offers and contact log. It is refused with an
// *InUseError while purchase orders refer to the supplier: their history must stay, so the
// way to stop buying from it is to block it.
func (a *App) DeleteSupplier(id uint) error {
	err := a.write(func(tx *gorm.DB) error {
		var s data.Supplier
		if err := tx.Select("id", "name").First(&s, id).Error; err != nil {
			return notFound(err, "supplier")
		}
		var pos int64
		if err := tx.Model(&data.PurchaseOrder{}).Where("supplier_id = ?", id).Count(&pos).Error; err != nil {
			return err
		}
		if pos > 0 {
			return &InUseError{
				Thing:   s.Name,
				Reason:  fmt.Sprintf("it is on %s, whose history must stay", plural(int(pos), "purchase order", "purchase orders")),
				Instead: "Block the supplier instead: Clockwork then never buys from it again, and its record stays.",
			}
		}
		return tx.Delete(&s).Error
	})
	var inUse *InUseError
	if err != nil && !errors.As(err, &inUse) {
		return fmt.Errorf("delete supplier %d: %w", id, err)
	}
	return err
}

func validSupplierStatus(st data.SupplierStatus) bool {
	for _, x := range data.SupplierStatuses {
		if st == x {
			return true
		}
	}
	return false
}

// maxCharge bounds a supplier's charges: a million in the shop's currency is no typo-free fee.
const maxCharge = data.Money(100_000_000)

// checkTerms refuses negative or absurd charges, naming the field.
func checkTerms(ps *problems, t data.SupplierTerms) {
	for _, f := range []struct {
		name string
		v    data.Money
	}{{"order fee", t.OrderFee}, {"shipping charge", t.ShippingCharge}, {"free shipping from", t.FreeShippingThreshold}} {
		if f.v < 0 || f.v > maxCharge {
			ps.add(f.name, "%s is not between 0 and %s", f.v, maxCharge)
		}
	}
}
