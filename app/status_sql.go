package app

import (
	"strings"

	"clockwork/data"
)

// sqlIn is statuses as an SQL list of literals, "('sent', 'acknowledged')", built from the
// model's constants so that SQL and Go always name the same statuses.
func sqlIn[S ~string](ss ...S) string {
	quoted := make([]string, len(ss))
	for i, s := range ss {
		quoted[i] = sqlText(s)
	}
	return "(" + strings.Join(quoted, ", ") + ")"
}

// sqlText is one of the model's constants as an SQL literal (they hold no quotes).
func sqlText[S ~string](s S) string { return "'" + string(s) + "'" }

// waitingLineStates are the states of an order line waiting for its goods.
var waitingLineStates = []data.LineState{data.LineOnDraftPO, data.LineOrdered}
