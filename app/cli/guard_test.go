package cli_test

import (
	"bytes"
	"clockwork/app/apptest"
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"clockwork/app/cli"
	"clockwork/data"
)

// TestDamagedShopRefusesWrites: once check finds the file damaged, every write is refused
// with the way to restore from backups/, and the file is not written to.
func TestDamagedShopRefusesWrites(t *testing.T) {
	apptest.SQLiteOnly(t, "a damaged database file")
	db := newShop(t)
	raw, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 400 {
		raw.Exec("INSERT INTO suppliers (name, status) VALUES (?, 'active')", fmt.Sprintf("Supplier %04d with a longish name", i))
	}
	raw.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	data.Close(raw)
	damagePage(t, db)
	code, _, stderr := run(t, db, "check")
	if code != cli.ExitFailed {
		t.Fatalf("check on a damaged shop: exit %d %q", code, stderr)
	}
	before, _ := os.ReadFile(db)
	code, _, stderr = run(t, db, "shop", "--name", "Still here")
	if code != cli.ExitFailed || !strings.Contains(stderr, "damaged") || !strings.Contains(stderr, "backups") {
		t.Errorf("write to a damaged shop: exit %d %q; want 1 saying how to restore from backups", code, stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the damaged shop was written to")
	}
}

// damagePage overwrites the middle of the file's second-to-last page, where the suppliers'
// rows and index lie.
func damagePage(t *testing.T, path string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := bytes.Repeat([]byte{0xA5}, 900)
	for off := int64(8192); off+4096 < info.Size(); off += 4096 * 3 {
		f.WriteAt(junk, off+100)
	}
}

// TestWriterWaitsForAnother: a command that finds another Clockwork writing says so on
// stderr, waits, and succeeds once the other is done.
func TestWriterWaitsForAnother(t *testing.T) {
	apptest.SQLiteOnly(t, "SQLite's write lock, taken by a raw connection to the file")
	db := newShop(t)
	other, err := sql.Open("sqlite3", "file:"+db+"?_busy_timeout=0")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(6 * time.Second) // past the first busy timeout of 5 s
		conn.ExecContext(context.Background(), "COMMIT")
	}()
	code, _, stderr := run(t, db, "shop", "--name", "Waited")
	if code != 0 || !strings.Contains(stderr, "another Clockwork is writing to this shop; waiting") {
		t.Fatalf("shop while another writes: exit %d %q; want 0 after saying it waits", code, stderr)
	}
	if strings.Contains(stderr, "database is locked") {
		t.Errorf("SQLite's own words reached the user: %q", stderr)
	}
}
