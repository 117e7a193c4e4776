package data

import (
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// ShopProblems lists what is wrong with the shop beyond what the engine's own integrity and
// foreign key checks find: the shop's details must be one row, and on a server every id
// sequence must be past the ids in use and every foreign key the models declare in force.
func ShopProblems(db *gorm.DB) ([]string, error) {
	var problems []string
	var shops int64
	if err := db.Model(&Shop{}).Count(&shops).Error; err != nil {
		return nil, fmt.Errorf("count shops: %w", err)
	}
	if shops != 1 {
		problems = append(problems, fmt.Sprintf("shops: %d rows, want exactly one (the shop's own details)", shops))
	}
	if !onPostgres(db) {
		return problems, nil
	}
	keys, err := foreignKeysInForce(db)
	if err != nil {
		return nil, err
	}
	problems = append(problems, keys...)
	for _, m := range Models() {
		table, err := TableName(db, m)
		if err != nil {
			return nil, err
		}
		seq, err := sequenceProblem(db, table)
		if err != nil {
			return nil, err
		}
		problems = append(problems, seq...)
	}
	return problems, nil
}

// sequenceProblem says when a table's id sequence would hand out an id already in use (a
// copy that did not move it on), so that adding a row would fail.
func sequenceProblem(db *gorm.DB, table string) ([]string, error) {
	var seq *string
	if err := db.Raw("SELECT pg_get_serial_sequence(?, 'id')", table).Row().Scan(&seq); err != nil {
		return nil, fmt.Errorf("find the id sequence of %s: %w", table, err)
	}
	if seq == nil {
		return []string{fmt.Sprintf("%s: its ids come from no sequence, so stations cannot add rows", table)}, nil
	}
	var last, largest int64
	var called bool
	if err := db.Raw("SELECT last_value, is_called FROM "+*seq).Row().Scan(&last, &called); err != nil {
		return nil, fmt.Errorf("read the id sequence of %s: %w", table, err)
	}
	if err := db.Raw(fmt.Sprintf("SELECT COALESCE(MAX(id), 0) FROM %q", table)).Row().Scan(&largest); err != nil {
		return nil, fmt.Errorf("read the largest id of %s: %w", table, err)
	}
	next := last
	if called {
		next++
	}
	if next > largest {
		return nil, nil
	}
	return []string{fmt.Sprintf("%s: the next new id would be %d, but ids up to %d are in use, so adding one would fail: "+
		"have the server's administrator run SELECT setval('%s', %d)", table, next, largest, *seq, largest)}, nil
}

// foreignKeysInForce lists the foreign keys the models declare that the server lacks or has
// not validated: without them it would let rows point at rows that do not exist.
func foreignKeysInForce(db *gorm.DB) ([]string, error) {
	var rows []struct {
		Table, Name string
		Validated   bool
	}
	err := db.Raw(`SELECT conrelid::regclass::text AS table, conname AS name, convalidated AS validated
		FROM pg_constraint WHERE contype = 'f'`).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read the foreign keys: %w", err)
	}
	have := map[string]bool{}
	for _, r := range rows {
		have[r.Table+"."+r.Name] = r.Validated
	}
	want, err := declaredForeignKeys(db)
	if err != nil {
		return nil, err
	}
	var problems []string
	for _, c := range want {
		validated, ok := have[c.Schema.Table+"."+c.Name]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("%s: the foreign key %s is missing, so rows could point at %s that do not exist", c.Schema.Table, c.Name, c.ReferenceSchema.Table))
		case !validated:
			problems = append(problems, fmt.Sprintf("%s: the foreign key %s is not validated, so some rows may point at %s that do not exist", c.Schema.Table, c.Name, c.ReferenceSchema.Table))
		}
	}
	return problems, nil
}

// declaredForeignKeys are the foreign keys the models' relations declare, each once, in
// Models order.
func declaredForeignKeys(db *gorm.DB) ([]*schema.Constraint, error) {
	var out []*schema.Constraint
	seen := map[string]bool{}
	for _, m := range Models() {
		sch, err := parseModel(db, m)
		if err != nil {
			return nil, err
		}
		for _, rel := range sch.Relationships.Relations {
			c := rel.ParseConstraint()
			if c == nil || seen[c.Schema.Table+"."+c.Name] {
				continue
			}
			seen[c.Schema.Table+"."+c.Name] = true
			out = append(out, c)
		}
	}
	return out, nil
}
