package data

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// serverEnv is apptest.ServerEnv (this package's own tests cannot import apptest).
const serverEnv = "CLOCKWORK_TEST_DB"

// serverLocation is a new, empty database on the test server, dropped when the test ends, or
// a skip when no server is named.
func serverLocation(t *testing.T) string {
	t.Helper()
	admin := os.Getenv(serverEnv)
	if admin == "" {
		t.Skipf("needs a PostgreSQL server: set %s to a postgres:// URL whose role may create databases (make test does)", serverEnv)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "clockwork_copy_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create a test database: %v", err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", admin); err == nil {
			db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			db.Close()
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
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
