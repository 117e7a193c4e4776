package app

import (
	"strings"

	"clockwork/data"

	"gorm.io/gorm"
)

// ListQuery asks for one page of a list: what to look for, how to sort, which rows.
type ListQuery struct {
	Search string // matched anywhere in the list's text columns, case-insensitively (ASCII)
	Sort   string // a column key the list knows; "" for its natural order
	Desc   bool
	Offset int
	Limit  int // 0 for MaxPage
	// Only narrows the list to the row with this ID (0: every row): a screen asks whether
	// the row it shows is still in the list it searched.
	Only uint
}

// MaxPage is the most rows one page of a list returns.
const MaxPage = 1000

// page applies the query's offset and limit.
func (q ListQuery) page(db *gorm.DB) *gorm.DB {
	limit := q.Limit
	if limit <= 0 || limit > MaxPage {
		limit = MaxPage
	}
	return db.Offset(max(0, q.Offset)).Limit(limit)
}

// order sorts by the SQL expression the list maps q.Sort to (fallback when unknown), then
// by id so that pages never overlap or skip rows when values tie.
func (q ListQuery) order(db *gorm.DB, table string, columns map[string]string, fallback string) *gorm.DB {
	expr, ok := columns[q.Sort]
	if !ok {
		expr = fallback
	}
	// Empty values (NULL: no offer, no contact yet) sort as the smallest on every engine, as
	// SQLite sorts them anyway; PostgreSQL would take them for the largest.
	dir, nulls := " ASC", " NULLS FIRST"
	if q.Desc {
		dir, nulls = " DESC", " NULLS LAST"
	}
	return db.Order(expr + dir + nulls + ", " + table + ".id" + dir)
}

// search narrows db to rows where any of the columns contains q.Search, and to q.Only; the
// first column names the list's table ("suppliers.name").
func (q ListQuery) search(db *gorm.DB, columns ...string) *gorm.DB {
	if table, _, ok := strings.Cut(columns[0], "."); ok && q.Only != 0 {
		db = db.Where(table+".id = ?", q.Only)
	}
	s := strings.TrimSpace(q.Search)
	if s == "" {
		return db
	}
	pattern := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s) + "%"
	var conds []string
	var args []any
	like := data.EngineOf(db).CaseBlindLike()
	for _, c := range columns {
		conds = append(conds, c+" "+like+` ? ESCAPE '\'`)
		args = append(args, pattern)
	}
	return db.Where("("+strings.Join(conds, " OR ")+")", args...)
}
