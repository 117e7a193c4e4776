package cli_test

import (
	"clockwork/app/apptest"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

// TestVersionNeverCreatesTheDatabase asks for the version before the shop exists and after:
// the first line names the version, the others the folder and schema, and asking creates nothing.
func TestVersionNeverCreatesTheDatabase(t *testing.T) {
	defer func(v string) { app.Version = v }(app.Version)
	app.Version = "1.2.3"
	apptest.SQLiteOnly(t, "a database file that is not there yet")
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	for _, args := range [][]string{{"--version"}, {"version"}, {"-version"}} {
		code, out, stderr := run(t, db, args...)
		if code != 0 || !strings.HasPrefix(out, "Clockwork 1.2.3\n") || !strings.Contains(out, "data folder: "+dir) || !strings.Contains(out, "not created yet") {
			t.Errorf("%v before the shop exists: exit %d\n%s%s", args, code, out, stderr)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatalf("asking for the version made %s (%v)", db, err)
	}
	createShop(t, db)
	if code, _, stderr := run(t, db, "shop", "--name", "Linden & Loom"); code != 0 {
		t.Fatal(stderr)
	}
	code, out, _ := run(t, db, "--version")
	if want := fmt.Sprintf("%s (schema %d)", db, data.SchemaVersion()); code != 0 || !strings.Contains(out, want) {
		t.Errorf("--version on a shop: exit %d, want %q in\n%s", code, want, out)
	}
	if code, _, _ := run(t, "", "--version", "extra"); code != 2 {
		t.Errorf("--version extra: exit %d, want 2", code)
	}
}
