package main

import (
	"bytes"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app/apptest"
	"clockwork/app/cli"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to give the test a role with a password
)

// roundTripLists are what the shop's people read: they must say the same on every copy.
var roundTripLists = [][]string{
	{"orders", "--json"}, {"po", "list", "--json"}, {"returns", "--json"},
	{"scorecard", "--json", "--from", "2026-11-01", "--to", "2026-12-01"},
}

// TestRoundTripThroughPostgreSQL moves the scripted shop (imports, purchase, receipts,
// shipping, a return; built through package app on SQLite) to PostgreSQL with clockwork
// migrate, backs the server's shop up into a new SQLite file, and reads the lists on all
// three: they are byte for byte the same. The station connects with a password: it is in
// neither the backup file nor any list.
func TestRoundTripThroughPostgreSQL(t *testing.T) {
	if os.Getenv(apptest.ServerEnv) == "" {
		t.Skipf("needs a PostgreSQL server: set %s to a postgres:// URL whose role may create databases (make test does)", apptest.ServerEnv)
	}
	dir := t.TempDir()
	local, back := filepath.Join(dir, "shop.db"), filepath.Join(dir, "back.db")
	tellStory(t, local)
	server, password := withPasswordRole(t, apptest.Location(t, ""))

	migrated := runCLI(t, "", "migrate", "--from", local, "--to", server)
	for _, want := range []string{"orders", "returns", "the counts agree"} {
		if !strings.Contains(migrated, want) {
			t.Errorf("migrate printed no %q:\n%s", want, migrated)
		}
	}
	runCLI(t, server, "backup", "--out", back)
	for _, db := range []string{server, back} {
		if out := runCLI(t, db, "check"); !strings.Contains(out, "ok") {
			t.Errorf("check %s: %s", apptestMask(db), out)
		}
	}
	for _, list := range roundTripLists {
		want := runCLI(t, local, list...)
		for _, db := range []string{server, back} {
			got := runCLI(t, db, list...)
			if got != want {
				t.Errorf("%s on %s differs from the SQLite shop's:\n%s\nwant:\n%s", strings.Join(list, " "), apptestMask(db), got, want)
			}
			if strings.Contains(got, password) {
				t.Errorf("%s on %s shows the password", strings.Join(list, " "), apptestMask(db))
			}
		}
	}
	if b, err := os.ReadFile(back); err != nil || len(b) == 0 || bytes.Contains(b, []byte(password)) {
		t.Errorf("the backup file (%d bytes, %v) is empty or holds the password", len(b), err)
	}
}

// withPasswordRole makes a role with a password that owns the test's database and returns
// that database's URL as the role, password included, and the password.
func withPasswordRole(t *testing.T, dbURL string) (string, string) {
	t.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	role, password := name+"_station", "Pässwort-"+name[len(name)-6:]
	admin, err := sql.Open("pgx", os.Getenv(apptest.ServerEnv))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	for _, q := range []string{
		"CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'",
		"ALTER DATABASE " + name + " OWNER TO " + role,
	} {
		if _, err := admin.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", os.Getenv(apptest.ServerEnv)); err == nil {
			db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			db.Exec("DROP ROLE IF EXISTS " + role)
			db.Close()
		}
	})
	u.User = url.UserPassword(role, password)
	return u.String(), password
}

// runCLI runs one command line in this process against db ("" for none) and returns what it
// printed, failing the test when it fails.
func runCLI(t *testing.T, db string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if db != "" {
		args = append([]string{"--db", db}, args...)
	}
	env := cli.Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	if code := cli.Run(args, env); code != 0 {
		t.Fatalf("clockwork %s: exit %d: %s", strings.Join(args[min(2, len(args)):], " "), code, errOut.String())
	}
	return out.String()
}

// apptestMask names a database for a test message without its password.
func apptestMask(db string) string {
	if u, err := url.Parse(db); err == nil && u.User != nil {
		return u.Redacted()
	}
	return db
}
