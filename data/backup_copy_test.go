package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestBackupByCopy writes a shop to a new SQLite file the way a PostgreSQL shop is backed up:
// the file opens as the same shop, is private, stands alone (no journal beside it), and an
// existing file is never replaced.
func TestBackupByCopy(t *testing.T) {
	src, _ := openTemp(t)
	fillEveryTable(t, src)
	dir := t.TempDir()
	out := filepath.Join(dir, "backup.db")
	if err := backupByCopy(src, out); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the backup folder holds %d files, want the backup alone: %v", len(entries), entries)
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v, %v; want mode 0600", info, err)
	}
	if v, err := InspectFile(out); err != nil || v != SchemaVersion() {
		t.Fatalf("inspect the backup: schema %d, %v", v, err)
	}
	back, err := OpenExisting(out)
	if err != nil {
		t.Fatal(err)
	}
	want, got := tableRows(t, src), tableRows(t, back)
	for table, rows := range want {
		if got[table] != rows {
			t.Errorf("%s in the backup:\n%s\nwant\n%s", table, got[table], rows)
		}
	}

	Close(back)

	before, _ := os.ReadFile(out)
	if err := backupByCopy(src, out); !errors.Is(err, ErrExists) {
		t.Fatalf("backup over an existing file: %v, want ErrExists", err)
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Error("the refused backup changed the existing file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a refused backup left files behind: %v", entries)
	}
}
