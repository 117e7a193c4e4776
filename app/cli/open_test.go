package cli_test

import (
	"bytes"
	"clockwork/app/apptest"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/cli"

	_ "github.com/mattn/go-sqlite3"
)

// newShop creates an empty shop in a fresh folder (as the window or clockwork init would), or
// in a fresh database on the test server (apptest.NewLocation), and returns its location.
func newShop(t *testing.T) string {
	t.Helper()
	return createShop(t, apptest.NewLocation(t))
}

func createShop(t *testing.T, path string) string {
	t.Helper()
	a, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	return path
}

// TestCommandsCreateNoShop: a command on a path with no shop fails, names the path, says how
// to make one and creates nothing, not even the folder.
func TestCommandsCreateNoShop(t *testing.T) {
	apptest.SQLiteOnly(t, "a missing database file")
	dir := filepath.Join(t.TempDir(), "typo")
	db := filepath.Join(dir, "typo.db")
	for _, args := range [][]string{{"orders"}, {"check"}, {"shop", "--name", "X"}, {"po", "list"}, {"suppliers", "--json"}} {
		code, stdout, stderr := run(t, db, args...)
		if code != cli.ExitFailed || stdout != "" || !strings.Contains(stderr, "no Clockwork shop at "+db) || !strings.Contains(stderr, "clockwork init") {
			t.Errorf("%v: exit %d %q %q; want 1 saying there is no shop", args, code, stdout, stderr)
		}
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a command created %s (%v)", dir, err)
	}
}

// TestCommandsLeaveOtherFilesAlone: a SQLite file of another program, a text file and an
// empty file are refused with the same bytes and mode they had, and no -wal/-shm beside them.
func TestCommandsLeaveOtherFilesAlone(t *testing.T) {
	apptest.SQLiteOnly(t, "files that are not a shop")
	dir := t.TempDir()
	other := filepath.Join(dir, "contacts.sqlite")
	db, err := sql.Open("sqlite3", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Ada')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	os.Chmod(other, 0o644)
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("not a shop\n"), 0o640)
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o664)
	for _, path := range []string{other, text, empty} {
		before, _ := os.ReadFile(path)
		info, _ := os.Stat(path)
		for _, args := range [][]string{{"orders"}, {"shop", "--name", "X"}, {"check"}} {
			code, _, stderr := run(t, path, args...)
			if code != cli.ExitFailed || !strings.Contains(stderr, "is not a Clockwork shop") {
				t.Errorf("%s %v: exit %d %q; want 1, not a Clockwork shop", filepath.Base(path), args, code, stderr)
			}
		}
		after, _ := os.ReadFile(path)
		infoAfter, _ := os.Stat(path)
		if !bytes.Equal(before, after) || info.Mode() != infoAfter.Mode() {
			t.Errorf("%s changed: %d → %d bytes, mode %v → %v", filepath.Base(path), len(before), len(after), info.Mode(), infoAfter.Mode())
		}
		for _, side := range []string{"-wal", "-shm", "-journal"} {
			if _, err := os.Stat(path + side); err == nil {
				t.Errorf("%s%s was left beside it", filepath.Base(path), side)
			}
		}
	}
}
