package data

// PostgreSQL stores moments as timestamptz and days as text. date_part gives the epoch as a
// double (exact to the microsecond for these years), cheaper than EXTRACT's numeric.

func (postgresEngine) Epoch(col string) string {
	return "CAST(FLOOR(date_part('epoch', " + col + ")) AS BIGINT)"
}

func (postgresEngine) DayNumber(col string) string {
	return "(CAST(NULLIF(" + col + ", '') AS DATE) - DATE '1970-01-01')"
}

func (postgresEngine) Least(a, b string) string { return "LEAST(" + a + ", " + b + ")" }

// Within compares timestamps directly: an index on col serves it, and it is exact.
func (postgresEngine) Within(col, fromE, toE, _, _ string) string {
	return col + " >= to_timestamp(" + fromE + ") AND " + col + " < to_timestamp(" + toE + ")"
}

func (postgresEngine) Materialized() string { return "NOT MATERIALIZED" }

func (postgresEngine) NotIndexed() string { return "" }

func (postgresEngine) JoinInOrder() string { return "JOIN" }
