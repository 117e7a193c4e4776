package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app/cli"
)

// TestMigrateCopiesAndCounts moves a shop into a new database: the counts of every table are
// printed, the new database answers as the old one did, and a second migrate into it is
// refused, saying what is there and what to do, with nothing changed.
func TestMigrateCopiesAndCounts(t *testing.T) {
	from := newShop(t)
	if code, _, stderr := run(t, from, "supplier", "add", "Łódź Parts", "--lead-days", "4"); code != 0 {
		t.Fatal(stderr)
	}
	to := filepath.Join(t.TempDir(), "moved.db")
	code, out, stderr := run(t, "", "migrate", "--from", from, "--to", to)
	if code != 0 {
		t.Fatalf("migrate: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"TABLE ROWS COPIED", "shops 1 1", "suppliers 1 1", "orders 0 0", "currency_rates 0 0", "the counts agree"} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("migrate printed no %q:\n%s", want, out)
		}
	}
	_, moved, _ := run(t, to, "suppliers", "--json")
	_, orig, _ := run(t, from, "suppliers", "--json")
	if moved != orig || !strings.Contains(moved, "Łódź Parts") {
		t.Errorf("suppliers after the move:\n%s\nbefore:\n%s", moved, orig)
	}

	before, _ := os.ReadFile(to)
	code, _, stderr = run(t, "", "migrate", "--from", from, "--to", to)
	if code != cli.ExitBadInput || !strings.Contains(stderr, "already holds a shop (suppliers: 1") || !strings.Contains(stderr, "new, empty database") {
		t.Errorf("migrate into a shop: exit %d, %s; want 3 saying what is there and what to do", code, stderr)
	}
	if after, _ := os.ReadFile(to); string(after) != string(before) {
		t.Error("the refused migrate changed the target")
	}
	notes := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(notes, []byte("not a shop"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "", "migrate", "--from", from, "--to", notes); code == 0 || !strings.Contains(stderr, "is not a Clockwork shop") {
		t.Errorf("migrate into a file that is no shop: exit %d, %s", code, stderr)
	}
	if b, _ := os.ReadFile(notes); string(b) != "not a shop" {
		t.Error("migrate wrote into a file that is no shop")
	}
	if code, _, stderr := run(t, "", "migrate", "--from", from); code != cli.ExitUsage || !strings.Contains(stderr, "--to") {
		t.Errorf("migrate without --to: exit %d, %s", code, stderr)
	}
}
