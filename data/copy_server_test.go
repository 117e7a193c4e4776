package data

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"clockwork/data/testdb"
)

// serverLocation is a new, empty database on the test server, dropped when the test ends, or
// a skip when no server is named.
func serverLocation(t *testing.T) string {
	t.Helper()
	if os.Getenv(testdb.ServerEnv) == "" {
		t.Skipf("needs a PostgreSQL server: set %s to a postgres:// URL whose role may create databases (make test does)", testdb.ServerEnv)
	}
	return testdb.Location(t, "")
}

// stamp is a time as JSON writes it.
var stamp = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)`)

// toMicroseconds writes every time in rows to the microsecond, in UTC: PostgreSQL keeps
// times to the microsecond (the driver cuts the rest off), SQLite to the nanosecond.
func toMicroseconds(rows string) string {
	return stamp.ReplaceAllStringFunc(rows, func(s string) string {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return s
		}
		return t.Truncate(time.Microsecond).UTC().Format(time.RFC3339Nano)
	})
}

// TestCopyShopThroughServer moves a shop with rows in every table to PostgreSQL and backs it up
// from there into a new SQLite file: every row arrives on both, the server's id sequences
// continue after the copied ids, and a second copy into the server is refused.
func TestCopyShopThroughServer(t *testing.T) {
	location := serverLocation(t)
	src, _ := openTemp(t)
	fillEveryTable(t, src)
	server, err := Open(location)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(server)
	if _, err := CopyShop(server, src); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "back.db")
	if err := BackupTo(server, out); err != nil {
		t.Fatal(err)
	}
	back, err := OpenExisting(out)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(back)
	want := tableRows(t, src)
	for name, db := range map[string]map[string]string{"server": tableRows(t, server), "backup": tableRows(t, back)} {
		for table, rows := range want {
			if got := toMicroseconds(db[table]); got != toMicroseconds(rows) {
				t.Errorf("%s on the %s:\n%s\nwant\n%s", table, name, got, toMicroseconds(rows))
			}
		}
	}
	for _, m := range []any{&Supplier{Name: "After the move", Status: SupplierActive}, &ColumnMap{Kind: "catalog", HeaderKey: "x", Columns: "sku=x"}} {
		if err := server.Create(m).Error; err != nil {
			t.Errorf("a new row after the move: %v (the id sequence is behind the copied ids)", err)
		}
	}
	if _, err := CopyShop(server, src); !errors.Is(err, ErrHoldsShop) {
		t.Error("a second copy into the server's shop was not refused")
	}
}

// TestRestoreOnServer puts a backup file back over a shop on the server that moved on since:
// the rows are the backup's again, the file is unchanged, and new rows get fresh ids.
func TestRestoreOnServer(t *testing.T) {
	src, _ := openTemp(t)
	fillEveryTable(t, src)
	server, err := Open(serverLocation(t))
	if err != nil {
		t.Fatal(err)
	}
	defer Close(server)
	if _, err := CopyShop(server, src); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "back.db")
	if err := BackupTo(server, out); err != nil {
		t.Fatal(err)
	}
	want := tableRows(t, server)
	before, _ := os.ReadFile(out)
	if err := server.Create(&Supplier{Name: "Added later", Status: SupplierActive}).Error; err != nil {
		t.Fatal(err)
	}
	if err := server.Exec("DELETE FROM returns").Error; err != nil {
		t.Fatal(err)
	}
	if err := RestoreFrom(server, out); err != nil {
		t.Fatal(err)
	}
	got := tableRows(t, server)
	for table, rows := range want {
		if got[table] != rows {
			t.Errorf("%s after the restore:\n%s\nwant\n%s", table, got[table], rows)
		}
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Error("restoring changed the backup file")
	}
	if err := server.Create(&Supplier{Name: "After the restore", Status: SupplierActive}).Error; err != nil {
		t.Errorf("a new supplier after the restore: %v", err)
	}
}
