package data

// ReportSQL is the few pieces of report SQL that the engines spell differently: reading a
// stored moment as seconds since 1970, a stored day as a day number, the smaller
// of two values, and the hints SQLite's planner needs. Each method returns an SQL fragment
// that app/ splices into otherwise portable queries; the arguments are SQL expressions
// (columns, named parameters such as @from_e), never user input.
type ReportSQL interface {
	// Epoch is the stored moment col as whole seconds since 1970-01-01 UTC (rounded down),
	// an integer.
	Epoch(col string) string
	// DayNumber is the stored day col ("2006-01-02") as days since 1970-01-01, an integer;
	// NULL for an empty day.
	DayNumber(col string) string
	// Least is the smaller of a and b (neither NULL).
	Least(a, b string) string
	// Within tests that the stored moment col lies at or after the epoch second fromE and
	// before toE. nearFrom and nearTo are days (as text) at least a day outside those bounds,
	// which SQLite compares first so that an index on col can narrow the rows.
	Within(col, fromE, toE, nearFrom, nearTo string) string
	// NotIndexed follows a table name (and alias) in FROM to have it read straight down the
	// table rather than through an index; empty where the planner needs no such hint.
	NotIndexed() string
	// Materialized follows AS in a WITH table that a query reads whole and also row by row
	// through its id: SQLite computes it once and indexes it on the fly (MATERIALIZED);
	// PostgreSQL, which can index no WITH table, reads the base table in place through its own
	// indexes (NOT MATERIALIZED): scanning it whole per row took 27 s for 1,300 lines.
	Materialized() string
	// JoinInOrder joins the next table after the ones before it, in the order written (SQLite's
	// CROSS JOIN); elsewhere an ordinary JOIN, the planner choosing the order. It takes ON.
	JoinInOrder() string
}
