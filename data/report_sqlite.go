package data

import "fmt"

// SQLite stores moments as text with their offset ("2006-01-02 15:04:05.999999999-07:00");
// unixepoch() reads any offset. These fragments are the SQL the scorecards were tuned with.

func (sqliteEngine) Epoch(col string) string { return "unixepoch(" + col + ")" }

func (sqliteEngine) DayNumber(col string) string { return "(unixepoch(" + col + ") / 86400)" }

func (sqliteEngine) Least(a, b string) string { return fmt.Sprintf("MIN(%s, %s)", a, b) }

// Within compares the text first (stored moments compare as text, give or take their offset),
// which lets SQLite use an index, then the exact epoch seconds.
func (sqliteEngine) Within(col, fromE, toE, nearFrom, nearTo string) string {
	return col + " >= " + nearFrom + " AND " + col + " < " + nearTo +
		" AND unixepoch(" + col + ") >= " + fromE + " AND unixepoch(" + col + ") < " + toE
}

func (sqliteEngine) Materialized() string { return "MATERIALIZED" }

func (sqliteEngine) NotIndexed() string { return " NOT INDEXED" }

func (sqliteEngine) JoinInOrder() string { return "CROSS JOIN" }
