package cli_test

import (
	"bytes"
	"clockwork/app/apptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/cli"
	"clockwork/data"
)

// run runs a command line against the database at db and returns exit code and output.
func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := cli.Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	if db != "" {
		args = append([]string{"--db", db}, args...)
	}
	code := cli.Run(args, env)
	return code, out.String(), errOut.String()
}

func TestUsageErrorsExitTwo(t *testing.T) {
	db := newShop(t)
	for _, args := range [][]string{
		{}, {"frobnicate"}, {"orders", "--colour", "red"}, {"orders", "extra"}, {"backup"}, {"demo", "--orders", "many"},
	} {
		code, _, stderr := run(t, db, args...)
		if code != cli.ExitUsage || !strings.Contains(stderr, "usage: clockwork") {
			t.Errorf("%v: exit %d, stderr %q; want 2 with usage", args, code, stderr)
		}
	}
	if code, _, stderr := run(t, "", "--verbose", "orders"); code != cli.ExitUsage || !strings.Contains(stderr, "--verbose") {
		t.Errorf("unknown global flag: exit %d %q", code, stderr)
	}
}

func TestHelpListsCommands(t *testing.T) {
	code, out, _ := run(t, "", "help")
	for _, want := range []string{"demo", "orders", "shop", "backup", "check", "--db PATH", "Exit codes"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("help (exit %d) lacks %q:\n%s", code, want, out)
		}
	}
	code, out, _ = run(t, "", "help", "shop")
	if code != 0 || !strings.Contains(out, "-accent") || !strings.Contains(out, "-logo") {
		t.Errorf("help shop (exit %d):\n%s", code, out)
	}
}

func TestDatabaseFromEnvironment(t *testing.T) {
	db := newShop(t)
	var out, errOut bytes.Buffer
	env := cli.Env{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string {
		if k == "CLOCKWORK_DB" {
			return db
		}
		return ""
	}}
	if code := cli.Run([]string{"check"}, env); code != 0 {
		t.Fatalf("check: %d %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), db) {
		t.Errorf("check did not use CLOCKWORK_DB: %q", out.String())
	}
}

func TestDemoIsRepeatableAndSound(t *testing.T) {
	// The demo's history runs up to the hour it is made in: two runs either side of the
	// hour differ in their last hour, so then the pair is made again.
	for attempt := 0; ; attempt++ {
		hour := time.Now().Truncate(time.Hour)
		docs := demoTwice(t)
		if attempt == 0 && !time.Now().Truncate(time.Hour).Equal(hour) {
			continue
		}
		if docs[0] != docs[1] {
			t.Error("the same seed gave different shops")
		}
		checkDemoJSON(t, docs[0])
		return
	}
}

// demoTwice makes the demo with the same seed in two databases and returns their orders --json.
func demoTwice(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	var docs []string
	var dbs []string
	for _, name := range []string{"a.db", "b.db"} {
		db := apptest.Location(t, filepath.Join(dir, name))
		dbs = append(dbs, db)
		if code, _, stderr := run(t, db, "demo", "--orders", "2000", "--seed", "7"); code != 0 {
			t.Fatalf("demo: exit %d: %s", code, stderr)
		}
		code, out, stderr := run(t, db, "orders", "--json")
		if code != 0 {
			t.Fatalf("orders --json: %d %s", code, stderr)
		}
		docs = append(docs, out)
		if code, _, stderr := run(t, db, "check"); code != 0 {
			t.Errorf("check on the demo: exit %d: %s", code, stderr)
		}
		if apptest.OnServer() {
			continue
		}
		info, err := os.Stat(db)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("database mode %v %v, want 0600", info.Mode(), err)
		}
	}
	if code, _, stderr := run(t, dbs[0], "demo", "--orders", "10"); code != cli.ExitBadInput || !strings.Contains(stderr, "already holds") {
		t.Errorf("demo on a full database: exit %d %q, want 3", code, stderr)
	}
	return docs
}

// checkDemoJSON checks the demo's orders --json holds what DESIGN 8 lists.
func checkDemoJSON(t *testing.T, doc string) {
	t.Helper()
	if n := strings.Count(doc, `"number"`); n != 2000 {
		t.Errorf("orders --json holds %d orders, want 2000", n)
	}
	for _, want := range []string{`"channel": "shopify"`, `"ship_to": {`, `"total_cents":`, `"unit_price_cents":`, `"state": "unpurchased"`} {
		if !strings.Contains(doc, want) {
			t.Errorf("orders --json lacks %s", want)
		}
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	db, out := newShop(t), filepath.Join(dir, "copy.db")
	if code, _, stderr := run(t, db, "shop", "--name", "Дмитрий's Ελληνικά"); code != 0 {
		t.Fatal(stderr)
	}
	if code, stdout, stderr := run(t, db, "backup", "--out", out); code != 0 || !strings.Contains(stdout, out) {
		t.Fatalf("backup: %d %q %q", code, stdout, stderr)
	}
	if code, _, stderr := run(t, out, "check"); code != 0 {
		t.Errorf("the backup is not sound: %s", stderr)
	}
	if code, stdout, _ := run(t, out, "shop", "--json"); code != 0 || !strings.Contains(stdout, `"name": "Дмитрий's Ελληνικά"`) {
		t.Errorf("backup holds %q", stdout)
	}
	if code, _, stderr := run(t, db, "backup", "--out", out); code != cli.ExitBadInput || !strings.Contains(stderr, "already exists") {
		t.Errorf("backup over an existing file: %d %q", code, stderr)
	}
}

func TestCheckReportsProblems(t *testing.T) {
	apptest.SQLiteOnly(t, "a row planted with SQLite's foreign keys switched off; a server enforces them, and data's TestShopProblemsOnServer checks them there")
	db := newShop(t)
	a, err := app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	raw, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	raw.Exec("PRAGMA foreign_keys = OFF")
	raw.Exec("INSERT INTO order_lines (order_id, sku, qty, state) VALUES (777, 'X', 1, 'unpurchased')")
	data.Close(raw)
	code, _, stderr := run(t, db, "check")
	if code != cli.ExitFailed || !strings.Contains(stderr, "order_lines") {
		t.Errorf("check: exit %d %q; want 1 naming order_lines", code, stderr)
	}
}

func TestShopCommand(t *testing.T) {
	dir := t.TempDir()
	db := newShop(t)
	code, _, stderr := run(t, db, "shop", "--name", "Linden & Loom", "--accent", "#2f6f62", "--paper", "4x6",
		"--thanks", "Danke {first_name}!", "--address", `Karl-Heine-Straße 42\n04229 Leipzig`, "--handling-days", "2", "--logo", "../../assets/logo.png")
	if code != 0 {
		t.Fatalf("shop set: %d %s", code, stderr)
	}
	code, out, _ := run(t, db, "shop", "--json")
	for _, want := range []string{`"name": "Linden & Loom"`, `"accent_color": "#2F6F62"`, `"paper": "4x6"`, `"has_logo": true`,
		`"handling_days": 2`, `"address": "Karl-Heine-Straße 42\n04229 Leipzig"`} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("shop --json lacks %s:\n%s", want, out)
		}
	}
	huge := filepath.Join(dir, "huge.png")
	os.WriteFile(huge, make([]byte, app.MaxLogoBytes+10), 0o600)
	bad := [][]string{
		{"--accent", "teal"}, {"--paper", "a5"}, {"--handling-days", "two"}, {"--logo", huge},
		{"--logo", filepath.Join(dir, "missing.png")}, {"--name", ""},
	}
	for _, args := range bad {
		code, _, stderr := run(t, db, append([]string{"shop"}, args...)...)
		if code != cli.ExitBadInput || stderr == "" {
			t.Errorf("shop %v: exit %d %q, want 3 with a message", args, code, stderr)
		}
	}
	_, out, _ = run(t, db, "shop", "--json")
	if !strings.Contains(out, `"accent_color": "#2F6F62"`) || !strings.Contains(out, `"has_logo": true`) {
		t.Errorf("a refused change altered the shop:\n%s", out)
	}
}
