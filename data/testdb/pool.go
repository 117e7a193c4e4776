package testdb

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
)

// snapshot is what an empty shop's database holds: each table's rows (as JSON) and each
// sequence's position, taken from the template once and put back into a used database.
type snapshot struct {
	tables    []string          // every table, quoted
	rows      map[string]string // table → JSON array of its rows, for tables that have any
	sequences map[string][2]any // sequence → last_value, is_called
}

// takeSnapshot reads the template at loc.
func takeSnapshot(loc string) (snapshot, error) {
	db, err := sql.Open("pgx", loc)
	if err != nil {
		return snapshot{}, err
	}
	defer db.Close()
	snap := snapshot{rows: map[string]string{}, sequences: map[string][2]any{}}
	names, err := strings1(db, "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
	if err != nil {
		return snap, err
	}
	snap.tables = names
	for _, table := range names {
		var rows sql.NullString
		if err := db.QueryRow("SELECT json_agg(t) FROM " + table + " t").Scan(&rows); err != nil {
			return snap, err
		}
		if rows.Valid {
			snap.rows[table] = rows.String
		}
	}
	seqs, err := strings1(db, "SELECT quote_ident(sequencename) FROM pg_sequences WHERE schemaname = current_schema()")
	if err != nil {
		return snap, err
	}
	for _, seq := range seqs {
		var last int64
		var called bool
		if err := db.QueryRow("SELECT last_value, is_called FROM "+seq).Scan(&last, &called); err != nil {
			return snap, err
		}
		snap.sequences[seq] = [2]any{last, called}
	}
	return snap, nil
}

// strings1 is the first column of a query's rows.
func strings1(db *sql.DB, query string) ([]string, error) {
	rows, err := db.Query(query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// restore empties the database at loc back to the snapshot, in one transaction.
func (snap snapshot) restore(loc string) error {
	db, err := sql.Open("pgx", loc)
	if err != nil {
		return err
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("TRUNCATE " + strings.Join(snap.tables, ", ") + " RESTART IDENTITY CASCADE"); err != nil {
		return err
	}
	for table, rows := range snap.rows {
		if _, err := tx.Exec("INSERT INTO "+table+" SELECT * FROM json_populate_recordset(NULL::"+table+", $1::json)", rows); err != nil {
			return fmt.Errorf("put back %s: %w", table, err)
		}
	}
	for seq, pos := range snap.sequences {
		if _, err := tx.Exec("SELECT setval($1::regclass, $2, $3)", seq, pos[0], pos[1]); err != nil {
			return fmt.Errorf("put back %s: %w", seq, err)
		}
	}
	return tx.Commit()
}

// reuse takes an emptied database from the pool ("" when there is none).
func (s *testServer) reuse() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.free) == 0 {
		return ""
	}
	name := s.free[len(s.free)-1]
	s.free = s.free[:len(s.free)-1]
	return name
}

// release empties a test's database back to the template's rows and pools it; one that does
// not empty cleanly (the test changed its tables) is dropped instead.
func (s *testServer) release(t testing.TB, name string) {
	// Connections the test left open (an App it did not close) go first.
	s.admin.Exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", name)
	if err := s.initial.restore(s.url(name)); err != nil {
		s.drop(t, name)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.free = append(s.free, name)
}
