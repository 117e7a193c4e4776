package data

import (
	"fmt"

	"gorm.io/gorm"
)

// postgresEngine is a shop on a PostgreSQL server that several stations share.
type postgresEngine struct{}

// Advisory lock keys (any fixed numbers, the same on every station).
const (
	schemaLockKey = 0x436c6f636b01 // held while a station brings the schema up to date
	writeLockKey  = 0x436c6f636b02 // held by the one write transaction at a time (LockWrites)
)

// changesChannel is where every committed change is announced (NOTIFY) to the other stations.
const changesChannel = "clockwork_changes"

func (postgresEngine) Name() string { return "postgres" }

func (postgresEngine) IsFile() bool { return false }

// DataVersion counts the changes other stations committed, as heard on changesChannel by the
// listener Open started (see listen.go). Every table carries a statement trigger that NOTIFYs
// the channel; PostgreSQL delivers a notification only once its transaction commits, and
// folds the notifications of one transaction into one. Listening rather than polling a
// counter table keeps writers from queueing on one hot row.
func (postgresEngine) DataVersion(db *gorm.DB) (int64, error) {
	return heardChanges(db)
}

func (postgresEngine) readVersion(db *gorm.DB) (int, error) {
	var exists bool
	if err := db.Raw("SELECT to_regclass('clockwork_schema') IS NOT NULL").Row().Scan(&exists); err != nil {
		return 0, err
	}
	if !exists {
		return 0, nil
	}
	var v int
	err := db.Raw("SELECT COALESCE(MAX(version), 0) FROM clockwork_schema").Row().Scan(&v)
	return v, err
}

func (postgresEngine) writeVersion(tx *gorm.DB, version int) error {
	if err := tx.Exec("CREATE TABLE IF NOT EXISTS clockwork_schema (version integer NOT NULL)").Error; err != nil {
		return err
	}
	if err := tx.Exec("DELETE FROM clockwork_schema").Error; err != nil {
		return err
	}
	return tx.Exec("INSERT INTO clockwork_schema (version) VALUES (?)", version).Error
}

func (postgresEngine) FullScan(table string) string { return table }

// JoinDistinct sorts the values, so the text is the same whichever row comes first.
func (postgresEngine) JoinDistinct(expr string) string {
	return "string_agg(DISTINCT " + expr + ", ',' ORDER BY " + expr + ")"
}

func (postgresEngine) CaseBlindLike() string { return "ILIKE" }

// writeWait is how long one attempt at the write lock waits before giving up with
// lock_not_available (IsBusy): the App then tries again, telling the user it waits.
const writeWait = "5s"

// LockWrites makes write transactions take turns across every station, as SQLite's single
// writer does for a file: each holds the shop's advisory lock from its first statement to its
// commit. Chosen over row locks or SERIALIZABLE with retries because every read-modify-write
// of the shop's rules (stock, PO lines, order status, receipts, PO and RMA numbers) is then
// safe as written, with nothing to remember at each place that reads before it writes, and
// no transaction ever runs twice (a retry would repeat its side effects, such as the lead-time
// history it notes). Under READ COMMITTED each statement after the lock sees every change the
// previous holder committed, so a receipt entered on two stations for the same PO line is
// counted against what the first one left. The cost is that writes do not overlap; a shop's
// writes are short (a long import holds the others back, as it does on SQLite), and reads and
// reports never wait for the lock.
func (postgresEngine) LockWrites(tx *gorm.DB) error {
	if err := tx.Exec("SET LOCAL lock_timeout = '" + writeWait + "'").Error; err != nil {
		return err
	}
	if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", writeLockKey).Error; err != nil {
		return err
	}
	// The rest of the transaction waits for locks as usual (a big import's index rebuild
	// waits for a report that is reading the table).
	return tx.Exec("SET LOCAL lock_timeout TO DEFAULT").Error
}

// lockSchema makes stations that open the shop at the same moment migrate one after another;
// each step then reads the version again and skips what another station has done.
func (postgresEngine) lockSchema(tx *gorm.DB) error {
	return tx.Exec("SELECT pg_advisory_xact_lock(?)", schemaLockKey).Error
}

// foreignKeysOff leaves them on: PostgreSQL alters tables in place, nothing cascades.
func (postgresEngine) foreignKeysOff(*gorm.DB) (restore func(), err error) { return func() {}, nil }

// foreignKeyProblems finds none: PostgreSQL checks every foreign key as each row is written
// (a migration never turns them off), so no row can point at a missing one.
func (postgresEngine) foreignKeyProblems(*gorm.DB) ([]string, error) { return nil, nil }

// integrityProblems asks the server to read every table through; PostgreSQL checks its pages'
// checksums and structure as it reads, and reports damage as an error.
func (postgresEngine) integrityProblems(db *gorm.DB) ([]string, error) {
	var problems []string
	for _, table := range tableNames(db) {
		var n int64
		if err := db.Raw("SELECT count(*) FROM " + table).Row().Scan(&n); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", table, err))
		}
	}
	return problems, nil
}

// afterStep gives every table the trigger that announces its changes (see DataVersion); a
// migration that adds a table gets it too.
func (postgresEngine) afterStep(tx *gorm.DB) error {
	err := tx.Exec(`CREATE OR REPLACE FUNCTION clockwork_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('` + changesChannel + `', COALESCE(current_setting('clockwork.station', true), ''));
	RETURN NULL;
END $$`).Error
	if err != nil {
		return err
	}
	for _, table := range tableNames(tx) {
		if err := tx.Exec("DROP TRIGGER IF EXISTS clockwork_notify ON " + table).Error; err != nil {
			return err
		}
		err := tx.Exec("CREATE TRIGGER clockwork_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON " + table +
			" FOR EACH STATEMENT EXECUTE FUNCTION clockwork_notify()").Error
		if err != nil {
			return err
		}
	}
	return nil
}

// tableNames lists the tables of Models (those that exist), by their names in the database.
func tableNames(db *gorm.DB) []string {
	var names []string
	for _, m := range Models() {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(m); err == nil && db.Migrator().HasTable(stmt.Schema.Table) {
			names = append(names, stmt.Schema.Table)
		}
	}
	return names
}

func (postgresEngine) secondaryIndexes(t *TxSQL, tables []string) ([]index, error) {
	in, args := inList(tables)
	return readIndexes(t, `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
		AND tablename IN (`+in+`) AND indexdef NOT LIKE 'CREATE UNIQUE%' ORDER BY indexname`, args...)
}

// BigCache has nothing to do: the server's cache is the server's (shared_buffers).
func (postgresEngine) BigCache(*gorm.DB, int) (restore func()) { return func() {} }

// reserveIDs takes n values of the table's id sequence (nextval never hands one out twice,
// whatever other stations do at the same time; unused ones are simply skipped).
func (postgresEngine) reserveIDs(t *TxSQL, table string, _ uint, n int) ([]uint, error) {
	rows, err := t.Query("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)", table, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]uint, 0, n)
	for rows.Next() {
		var id uint
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
