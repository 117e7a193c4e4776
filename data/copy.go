package data

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// ErrHoldsShop means the database a shop was to be copied into already holds one.
var ErrHoldsShop = errors.New("the target database already holds a shop")

// TableRows is how many rows one table holds; after a copy, Copied is how many the
// target's table holds.
type TableRows struct {
	Table  string
	Rows   int64
	Copied int64
}

// CopyShop copies every row of every table (Models) from src into dst with their ids, in one
// transaction on dst, reading src in one consistent snapshot. Both must be at this
// Clockwork's schema; dst must hold no shop yet (only the empty one a new database starts
// with, which the copy replaces). It returns each table's rows, counted on both sides and
// found equal; on any error dst is left as it was.
func CopyShop(dst, src *gorm.DB) ([]TableRows, error) {
	return copyShop(dst, src, clearNewShop)
}

// copyShop is CopyShop with what to do to dst first: clear runs in dst's transaction.
func copyShop(dst, src *gorm.DB, clear func(to *gorm.DB) error) ([]TableRows, error) {
	var counts []TableRows
	err := snapshot(src, func(from *gorm.DB) error {
		return dst.Transaction(func(to *gorm.DB) error {
			if err := sameSchema(to, from); err != nil {
				return err
			}
			if err := clear(to); err != nil {
				return err
			}
			for _, m := range Models() {
				if err := copyTable(to, from, m); err != nil {
					return err
				}
			}
			if err := afterCopy(to); err != nil {
				return err
			}
			var err error
			counts, err = compareCounts(to, from)
			return err
		})
	})
	return counts, err
}

// sameSchema refuses a copy between databases of different schema versions: rows of one
// would not fit the other's tables.
func sameSchema(to, from *gorm.DB) error {
	have, err := StoredVersion(from)
	if err != nil {
		return err
	}
	want, err := StoredVersion(to)
	if err != nil {
		return err
	}
	if have != want {
		return fmt.Errorf("the source is at schema %d and the target at schema %d: open both with this Clockwork first", have, want)
	}
	return nil
}

// clearNewShop checks that db holds no shop and removes the empty one a new database starts
// with, so that the copied shop's row takes its place.
func clearNewShop(db *gorm.DB) error {
	var held []string
	for _, m := range Models() {
		table, err := TableName(db, m)
		if err != nil {
			return err
		}
		var n int64
		if err := db.Model(m).Count(&n).Error; err != nil {
			return fmt.Errorf("count %s: %w", table, err)
		}
		if table == "shops" {
			if changed, err := shopChanged(db); err != nil {
				return err
			} else if changed || n > 1 {
				held = append(held, "its own shop details")
			}
			continue
		}
		if n > 0 {
			held = append(held, fmt.Sprintf("%s: %d", strings.ReplaceAll(table, "_", " "), n))
		}
	}
	if len(held) > 0 {
		return fmt.Errorf("%w (%s)", ErrHoldsShop, strings.Join(held, ", "))
	}
	return db.Session(&gorm.Session{AllowGlobalUpdate: true}).Delete(&Shop{}).Error
}

// shopChanged says the shop row was edited after the database was made (a new database's
// row was written once, so both of its times are the same).
func shopChanged(db *gorm.DB) (bool, error) {
	var shops []Base
	if err := db.Model(&Shop{}).Select("id, created_at, updated_at").Scan(&shops).Error; err != nil {
		return false, fmt.Errorf("read shops: %w", err)
	}
	for _, s := range shops {
		if !s.CreatedAt.Equal(s.UpdatedAt) {
			return true, nil
		}
	}
	return false, nil
}

// copyTable copies one table's rows in batches, in id order. The rows are read as the
// model (so each engine's values convert) and written as column maps: GORM writes a
// struct's zero value as the column's default, which would make an inactive product active.
func copyTable(to, from *gorm.DB, model any) error {
	sch, err := parseModel(from, model)
	if err != nil {
		return err
	}
	rows := reflect.New(reflect.SliceOf(reflect.TypeOf(model).Elem()))
	write := unprepared(to.Session(&gorm.Session{SkipHooks: true, NewDB: true})).Table(sch.Table)
	ctx := from.Statement.Context
	res := from.Model(model).FindInBatches(rows.Interface(), copyBatch(len(sch.DBNames)), func(*gorm.DB, int) error {
		list := rows.Elem()
		values := make([]map[string]any, list.Len())
		for i := range values {
			row := list.Index(i)
			values[i] = make(map[string]any, len(sch.DBNames))
			for _, name := range sch.DBNames {
				values[i][name], _ = sch.FieldsByDBName[name].ValueOf(ctx, row)
			}
		}
		return write.Create(&values).Error
	})
	if res.Error != nil {
		return fmt.Errorf("copy %s: %w", sch.Table, res.Error)
	}
	return nil
}

// unprepared writes through tx's own transaction rather than GORM's prepared statements: in
// a transaction those are prepared anew for every call and kept until it ends, and a copy
// makes thousands of big INSERTs (a 100,000-order shop's backup grew to 1.8 GB that way).
func unprepared(tx *gorm.DB) *gorm.DB {
	if p, ok := tx.Statement.ConnPool.(*gorm.PreparedStmtTX); ok {
		tx.Statement.ConnPool = p.Tx
	}
	return tx
}

// copyBatch is how many rows of cols columns one INSERT carries: SQLite takes at most 32,766
// values in one statement and PostgreSQL 65,535.
func copyBatch(cols int) int {
	return max(1, min(1000, 30000/max(cols, 1)))
}

// compareCounts counts every table on both sides and fails unless they agree.
func compareCounts(to, from *gorm.DB) ([]TableRows, error) {
	want, err := CountRows(from)
	if err != nil {
		return nil, err
	}
	got, err := CountRows(to)
	if err != nil {
		return nil, err
	}
	for i := range want {
		want[i].Copied = got[i].Rows
		if got[i] != (TableRows{Table: want[i].Table, Rows: want[i].Rows}) {
			return nil, fmt.Errorf("%s: %d rows copied of %d; nothing was written", want[i].Table, got[i].Rows, want[i].Rows)
		}
	}
	return want, nil
}

// CountRows counts the rows of every table of Models, in that order.
func CountRows(db *gorm.DB) ([]TableRows, error) {
	var out []TableRows
	for _, m := range Models() {
		table, err := TableName(db, m)
		if err != nil {
			return nil, err
		}
		var n int64
		if err := db.Model(m).Count(&n).Error; err != nil {
			return nil, fmt.Errorf("count %s: %w", table, err)
		}
		out = append(out, TableRows{Table: table, Rows: n})
	}
	return out, nil
}

// TableName is the table a model is stored in.
func TableName(db *gorm.DB, model any) (string, error) {
	sch, err := parseModel(db, model)
	if err != nil {
		return "", err
	}
	return sch.Table, nil
}

func parseModel(db *gorm.DB, model any) (*schema.Schema, error) {
	stmt := &gorm.Statement{DB: db}
	if err := stmt.Parse(model); err != nil {
		return nil, fmt.Errorf("read the model %T: %w", model, err)
	}
	return stmt.Schema, nil
}
