package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"gorm.io/gorm"
)

func openTemp(t *testing.T) (*gorm.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { Close(db) })
	return db, path
}

// TestOpenPragmas reads every setting of DESIGN 10 back, since the driver ignores
// misspelt DSN keys without a word.
func TestOpenPragmas(t *testing.T) {
	db, _ := openTemp(t)
	want := map[string]string{"journal_mode": "wal", "synchronous": "2", "foreign_keys": "1", "busy_timeout": "5000", "temp_store": "2"}
	for name, v := range want {
		got, err := Pragma(db, name)
		if err != nil || got != v {
			t.Errorf("PRAGMA %s = %q, %v; want %q", name, got, err, v)
		}
	}
}

// TestOpenTakesWriteLockAtBegin shows _txlock=immediate at work: while a transaction of ours
// is open, even an empty one, another connection cannot start writing.
func TestOpenTakesWriteLockAtBegin(t *testing.T) {
	db, path := openTemp(t)
	tx := db.Begin()
	if tx.Error != nil {
		t.Fatal(tx.Error)
	}
	defer tx.Rollback()
	other, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=0")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err == nil {
		conn.ExecContext(context.Background(), "ROLLBACK")
		t.Fatal("another connection could take the write lock while our transaction was open")
	}
}

func TestOpenMakesFilesPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	path := filepath.Join(dir, "shop.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s mode %o, want %o", p, got, want)
		}
	}
}

func TestOpenCreatesSchemaAndShop(t *testing.T) {
	db, _ := openTemp(t)
	if v, _ := StoredVersion(db); v != SchemaVersion() {
		t.Errorf("stored version %d, want %d", v, SchemaVersion())
	}
	for _, m := range Models() {
		if !db.Migrator().HasTable(m) {
			t.Errorf("no table for %T", m)
		}
	}
	var shop Shop
	if err := db.First(&shop).Error; err != nil || shop.Paper != PaperA4 || shop.Weights.Sum() != 100 {
		t.Errorf("default shop %+v, %v", shop, err)
	}
}

func TestOpenRefusesNewerSchemaAndLeavesItAlone(t *testing.T) {
	db, path := openTemp(t)
	if err := db.Exec("PRAGMA user_version = 99").Error; err != nil {
		t.Fatal(err)
	}
	Close(db)
	before, _ := os.ReadFile(path)
	_, err := Open(path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open = %v, want ErrNewerSchema", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the newer database was changed")
	}
}

func TestOpenRefusesOtherFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(path, []byte("these are my notes, not a database\n"), 0o600)
	if _, err := Open(path); err == nil {
		t.Fatal("opened a text file as a database")
	}
}

// TestMigrationsRunForward upgrades a database made by an older Clockwork (fewer steps),
// including a step that rebuilds a table other rows refer to: with foreign keys on, the
// rebuild's DROP TABLE would cascade-delete the children.
func TestMigrationsRunForward(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	v1 := []migration{{name: "parents and children", up: func(tx *gorm.DB) error {
		return execAll(tx, `CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT)`,
			`CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents(id) ON DELETE CASCADE)`,
			`INSERT INTO parents VALUES (1, 'a')`, `INSERT INTO children VALUES (10, 1), (11, 1)`)
	}}}
	db, err := open(path, v1)
	if err != nil {
		t.Fatal(err)
	}
	Close(db)
	v3 := append(v1,
		migration{name: "add a column", up: func(tx *gorm.DB) error {
			return tx.Exec("ALTER TABLE parents ADD COLUMN note TEXT DEFAULT ''").Error
		}},
		migration{name: "rebuild parents", rebuild: true, up: func(tx *gorm.DB) error {
			return execAll(tx, `CREATE TABLE parents_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT)`,
				`INSERT INTO parents_new SELECT id, name, note FROM parents`,
				`DROP TABLE parents`, `ALTER TABLE parents_new RENAME TO parents`)
		}},
	)
	db, err = open(path, v3)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	if v, _ := StoredVersion(db); v != 3 {
		t.Errorf("version %d after upgrade, want 3", v)
	}
	var children int64
	db.Raw("SELECT count(*) FROM children").Scan(&children)
	if children != 2 {
		t.Errorf("%d children survived the rebuild, want 2", children)
	}
	if fk, _ := Pragma(db, "foreign_keys"); fk != "1" {
		t.Errorf("foreign keys left %s after the rebuild", fk)
	}
}

// execAll runs statements one by one: a prepared statement holds only the first of several.
func execAll(tx *gorm.DB, stmts ...string) error {
	for _, s := range stmts {
		if err := tx.Exec(s).Error; err != nil {
			return err
		}
	}
	return nil
}

func TestFailedMigrationChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	base := []migration{{name: "t", up: func(tx *gorm.DB) error { return tx.Exec("CREATE TABLE t (x INT)").Error }}}
	db, err := open(path, base)
	if err != nil {
		t.Fatal(err)
	}
	Close(db)
	broken := append(base, migration{name: "half", up: func(tx *gorm.DB) error {
		if err := tx.Exec("CREATE TABLE u (y INT)").Error; err != nil {
			return err
		}
		return errors.New("disk on fire")
	}})
	if _, err := open(path, broken); err == nil {
		t.Fatal("a failing migration reported success")
	}
	db, err = open(path, base)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	if db.Migrator().HasTable("u") {
		t.Error("the failed step's table is there: the migration was not rolled back")
	}
}

func TestBackupAndRestore(t *testing.T) {
	db, path := openTemp(t)
	db.Create(&Supplier{Name: "Atlas Trading", Status: SupplierActive})
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := BackupTo(db, out); err != nil {
		t.Fatal(err)
	}
	if err := BackupTo(db, out); !errors.Is(err, ErrExists) {
		t.Errorf("second backup to the same file: %v, want ErrExists", err)
	}
	if v, err := InspectFile(out); err != nil || v != SchemaVersion() {
		t.Errorf("backup inspect: %d, %v", v, err)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %o", info.Mode().Perm())
	}
	db.Create(&Supplier{Name: "Later Ltd", Status: SupplierActive})
	if err := RestoreFrom(db, out); err != nil {
		t.Fatal(err)
	}
	var names []string
	db.Model(&Supplier{}).Order("name").Pluck("name", &names)
	if len(names) != 1 || names[0] != "Atlas Trading" {
		t.Errorf("after restore: %v", names)
	}
	_ = path
}

// TestOpenReaderReadsWhileAWriteIsOpen: the read-only pool reads committed rows while the
// writer holds an open transaction, and cannot write itself.
func TestOpenReaderReadsWhileAWriteIsOpen(t *testing.T) {
	db, path := openTemp(t)
	if err := db.Create(&Supplier{Name: "Łódź Supplies", Status: SupplierActive}).Error; err != nil {
		t.Fatal(err)
	}
	r, err := OpenReader(path, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(r)
	tx := db.Begin()
	defer tx.Rollback()
	if err := tx.Create(&Supplier{Name: "Uncommitted", Status: SupplierActive}).Error; err != nil {
		t.Fatal(err)
	}
	var names []string
	if err := r.Model(&Supplier{}).Pluck("name", &names).Error; err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 || names[0] != "Łódź Supplies" {
		t.Errorf("reader sees %q, want only the committed supplier", names)
	}
	if err := r.Exec("UPDATE suppliers SET name = 'x'").Error; err == nil {
		t.Error("the read-only pool could write")
	}
}

// TestOpenOddPaths: a folder named with the characters a file: URI treats specially, and
// non-ASCII, still opens, for writing and for reading.
func TestOpenOddPaths(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Zoë's shop ?#%41", "clockwork.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	if err := db.Create(&Supplier{Name: "Дмитрий & Co", Status: SupplierActive}).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the database is not where asked: %v", err)
	}
	r, err := OpenReader(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(r)
	var n int64
	if err := r.Model(&Supplier{}).Count(&n).Error; err != nil || n != 1 {
		t.Errorf("reader counts %d suppliers (%v), want 1", n, err)
	}
}
