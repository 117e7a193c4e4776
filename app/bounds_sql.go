package app

import (
	"fmt"
	"strconv"
	"strings"

	"clockwork/data"
)

// boundReceipts makes a report's SQL read every received quantity as at most MaxQty, so
// that no sum of them can overflow even over rows an older Clockwork let in unchecked
// (check lists those rows). e writes the smaller of two values in its engine's SQL.
func boundReceipts(e data.ReportSQL, sql string) string {
	bound := func(col string) string { return e.Least(col, strconv.Itoa(MaxQty)) }
	return strings.NewReplacer(
		"rl.qty_accepted", bound("rl.qty_accepted"), "rl.qty_rejected", bound("rl.qty_rejected"),
		"rl2.qty_accepted", bound("rl2.qty_accepted"), "pl.qty_accepted", bound("pl.qty_accepted"),
	).Replace(sql)
}

// boundsCheck is one kind of stored row beyond the bounds of input.
type boundsCheck struct {
	table, what, where string
}

// boundsChecks are the quantities and amounts every report adds up.
var boundsChecks = []boundsCheck{
	{"order_lines", "a quantity or unit price", fmt.Sprintf("qty < 0 OR qty > %d OR unit_price < 0 OR unit_price > %d", MaxQty, MaxMoney)},
	{"po_lines", "a quantity or unit cost", fmt.Sprintf("qty < 0 OR qty > %d OR unit_cost < 0 OR unit_cost > %d OR qty_accepted < 0 OR qty_rejected < 0", 2*MaxQty, MaxMoney)},
	{"receipt_lines", "a received quantity", fmt.Sprintf("qty_accepted < 0 OR qty_accepted > %d OR qty_rejected < 0 OR qty_rejected > %d", MaxQty, MaxQty)},
	{"leftovers", "a quantity of spare stock", fmt.Sprintf("qty < 0 OR qty > %d", MaxQty)},
	{"return_lines", "a returned quantity", fmt.Sprintf("qty < 0 OR qty > %d", MaxQty)},
	{"offers", "a unit cost", fmt.Sprintf("unit_cost < 0 OR unit_cost > %d", MaxMoney)},
}

// boundsProblems lists stored rows whose quantities or amounts lie beyond what input now
// takes (an older Clockwork let them in): reports read them bounded, but they are wrong.
func (a *App) boundsProblems() ([]string, error) {
	var out []string
	for _, c := range boundsChecks {
		var ids []uint
		if err := a.db.Raw("SELECT id FROM " + c.table + " WHERE " + c.where + " ORDER BY id LIMIT 20").Scan(&ids).Error; err != nil {
			return nil, fmt.Errorf("look for %s beyond bounds: %w", c.table, err)
		}
		for _, id := range ids {
			out = append(out, fmt.Sprintf("%s: row %d holds %s beyond what Clockwork takes (at most %d units, %s): "+
				"restore a backup from before it was entered, or ask for help", c.table, id, c.what, MaxQty, MaxMoney))
		}
	}
	return out, nil
}
