package data

import (
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// ErrNewerSchema means the database was written by a newer Clockwork than this one.
var ErrNewerSchema = errors.New("this database was written by a newer version of Clockwork")

// ErrNotClockwork means the file is not a database Clockwork can read.
var ErrNotClockwork = errors.New("this file is not a Clockwork database")

// migration is one forward-only schema step. To change the schema, append a step: never
// edit or reorder a released one. Adding a column is AutoMigrate of the changed model
// (it only adds what is missing, so it is harmless on databases created later).
type migration struct {
	name string
	// rebuild marks steps that make SQLite rebuild tables; they run with foreign keys off
	// (a rebuild with them on can cascade-delete rows), then foreign_key_check. PostgreSQL
	// alters tables in place and keeps its foreign keys on.
	rebuild bool
	up      func(tx *gorm.DB) error
}

var migrations = []migration{
	{name: "create tables", up: func(tx *gorm.DB) error {
		if err := tx.AutoMigrate(Models()...); err != nil {
			return err
		}
		shop := NewShop()
		return tx.Create(&shop).Error
	}},
	{name: "orders keep the web shop's state, money and currency; column maps and rates", up: func(tx *gorm.DB) error {
		return tx.AutoMigrate(&Order{}, &ColumnMap{}, &CurrencyRate{})
	}},
	{name: "supplier terms: order fee, shipping charge, free-shipping threshold", up: func(tx *gorm.DB) error {
		return tx.AutoMigrate(&Supplier{})
	}},
	{name: "converted orders keep their lines and charges in the currency the customer paid", up: func(tx *gorm.DB) error {
		if err := addColumns(tx, &Order{}, "OriginalSubtotal", "OriginalDiscount", "OriginalShipping", "OriginalTax", "OriginalFees"); err != nil {
			return err
		}
		return addColumns(tx, &OrderLine{}, "OriginalUnitPrice")
	}},
}

// addColumns adds the model's fields as columns where they are missing (a database created
// with this schema has them already), with an ALTER TABLE ADD COLUMN every engine takes.
func addColumns(tx *gorm.DB, model any, fields ...string) error {
	m := tx.Migrator()
	for _, f := range fields {
		if m.HasColumn(model, f) {
			continue
		}
		if err := m.AddColumn(model, f); err != nil {
			return fmt.Errorf("add %s: %w", f, err)
		}
	}
	return nil
}

// SchemaVersion is the schema version this build of Clockwork writes.
func SchemaVersion() int { return len(migrations) }

// StoredVersion reads the schema version stored in the database.
func StoredVersion(db *gorm.DB) (int, error) {
	v, err := EngineOf(db).readVersion(db)
	if err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

func migrate(db *gorm.DB, steps []migration) error {
	have, err := StoredVersion(db)
	if err != nil {
		return ErrNotClockwork
	}
	if have > len(steps) {
		return fmt.Errorf("%w (schema %d; this version knows up to %d). Open it with the newer Clockwork; nothing was changed", ErrNewerSchema, have, len(steps))
	}
	for v := have; v < len(steps); v++ {
		if err := runStep(db, v+1, steps[v]); err != nil {
			return err
		}
	}
	return nil
}

func runStep(db *gorm.DB, version int, m migration) error {
	e := EngineOf(db)
	if m.rebuild {
		restore, err := e.foreignKeysOff(db)
		if err != nil {
			return err
		}
		defer restore()
	}
	err := db.Transaction(func(tx *gorm.DB) error {
		if err := e.lockSchema(tx); err != nil {
			return err
		}
		if have, err := e.readVersion(tx); err != nil {
			return err
		} else if have >= version {
			return nil // another station took this step while this one waited
		}
		if err := m.up(tx); err != nil {
			return err
		}
		if problems, err := ForeignKeyProblems(tx); err != nil {
			return err
		} else if len(problems) > 0 {
			return fmt.Errorf("foreign keys broken: %v", problems)
		}
		if err := e.afterStep(tx); err != nil {
			return err
		}
		return e.writeVersion(tx, version)
	})
	if err != nil {
		return fmt.Errorf("migrate to schema %d (%s): %w", version, m.name, err)
	}
	return nil
}

// ForeignKeyProblems lists rows that point at rows that do not exist.
func ForeignKeyProblems(db *gorm.DB) ([]string, error) {
	return EngineOf(db).foreignKeyProblems(db)
}

// IntegrityProblems runs the engine's integrity check and lists what it found (none when sound).
func IntegrityProblems(db *gorm.DB) ([]string, error) {
	return EngineOf(db).integrityProblems(db)
}
