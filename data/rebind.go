package data

import (
	"strconv"
	"strings"
	"sync"
)

// reboundQueries remembers each query's PostgreSQL form: the same few dozen queries run for
// every row of an import.
var reboundQueries sync.Map

func rebound(query string) string {
	if q, ok := reboundQueries.Load(query); ok {
		return q.(string)
	}
	q := Rebind(query)
	reboundQueries.Store(query, q)
	return q
}

// Rebind writes a query's ? placeholders as PostgreSQL's $1, $2, … in order, leaving any ?
// inside quotes ('…' strings, "…" names) as it is.
func Rebind(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	var quote byte
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
