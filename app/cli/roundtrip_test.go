package cli_test

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
	"clockwork/data"
)

// scriptedShop is the README's whole-shop script (testdata/scripted-shop at the module root).
const scriptedShop = "../../testdata/scripted-shop"

// roundTripLists are what the shop's people read: they must say the same on every copy.
var roundTripLists = [][]string{
	{"orders", "--json"}, {"po", "list", "--json"}, {"returns", "--json"},
	{"scorecard", "--json", "--from", "2026-11-01", "--to", "2026-12-01"},
}

// TestRoundTripThroughPostgreSQL runs the scripted shop (catalogs and orders imported, bought,
// received, shipped, an item returned) on SQLite, moves it to PostgreSQL with clockwork
// migrate, backs the server's shop up into a new SQLite file, and reads the lists on all
// three: they are byte for byte the same. The station connects with a password: it is in
// neither the backup file nor any list.
func TestRoundTripThroughPostgreSQL(t *testing.T) {
	if os.Getenv(apptest.ServerEnv) == "" {
		t.Skipf("needs a PostgreSQL server: set %s to a postgres:// URL whose role may create databases (make test does)", apptest.ServerEnv)
	}
	dir := t.TempDir()
	local, back := filepath.Join(dir, "shop.db"), filepath.Join(dir, "back.db")
	runScript(t, local, dir)
	server, password := withPasswordRole(t, apptest.Location(t, ""))

	migrated := mustRun(t, "", "migrate", "--from", local, "--to", server)
	for _, want := range []string{"orders", "returns", "the counts agree"} {
		if !strings.Contains(migrated, want) {
			t.Errorf("migrate printed no %q:\n%s", want, migrated)
		}
	}
	var out, errOut bytes.Buffer
	again := cli.Run([]string{"migrate", "--from", local, "--to", server}, cli.Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }})
	if again != cli.ExitBadInput || !strings.Contains(errOut.String(), "already holds a shop") || strings.Contains(errOut.String()+out.String(), password) {
		t.Errorf("a second migrate into the server: exit %d, %s (want refused, without the password)", again, errOut.String())
	}
	mustRun(t, server, "backup", "--out", back)
	for _, db := range []string{server, back} {
		if out := mustRun(t, db, "check"); !strings.Contains(out, ": ok") || strings.Contains(out, password) {
			t.Errorf("check: %s", out)
		}
	}
	for _, list := range roundTripLists {
		want := mustRun(t, local, list...)
		for _, db := range []string{server, back} {
			got := mustRun(t, db, list...)
			if got != want {
				t.Errorf("%s differs from the SQLite shop's:\n%s\nwant:\n%s", strings.Join(list, " "), got, want)
			}
			if strings.Contains(got, password) {
				t.Errorf("%s shows the password", strings.Join(list, " "))
			}
		}
	}
	if b, err := os.ReadFile(back); err != nil || len(b) == 0 || bytes.Contains(b, []byte(password)) {
		t.Errorf("the backup file (%d bytes, %v) is empty or holds the password", len(b), err)
	}
}

// runScript runs every clockwork command of the scripted shop's shop.sh on db, in this process.
func runScript(t *testing.T, db, out string) {
	t.Helper()
	script, err := os.ReadFile(filepath.Join(scriptedShop, "shop.sh"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(script), "\\\n", " ")
	text = strings.NewReplacer(`"$here/`, `"`+scriptedShop+"/", `"$out/`, `"`+out+"/").Replace(text)
	n := 0
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(line, "cw "); ok {
			mustRun(t, db, shellWords(t, rest)...)
			n++
		}
	}
	if n < 20 {
		t.Fatalf("the script ran only %d commands", n)
	}
}

// shellWords splits a command line as sh would for the script's simple quoting.
func shellWords(t *testing.T, line string) []string {
	var words []string
	var word strings.Builder
	quote, inWord := rune(0), false
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			word.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words, inWord = append(words, word.String()), false
				word.Reset()
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		t.Fatalf("unclosed quote in %q", line)
	}
	if inWord {
		words = append(words, word.String())
	}
	return words
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
	for _, q := range []string{"CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'", "ALTER DATABASE " + name + " OWNER TO " + role} {
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

// mustRun runs one command line in this process against db ("" for none) and returns what it
// printed, failing the test when it fails.
func mustRun(t *testing.T, db string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if db != "" {
		args = append([]string{"--db", db}, args...)
	}
	env := cli.Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	if code := cli.Run(args, env); code != 0 {
		shown := make([]string, len(args))
		for i, a := range args {
			shown[i] = data.ShowLocation(a)
		}
		t.Fatalf("clockwork %s: exit %d: %s", strings.Join(shown, " "), code, errOut.String())
	}
	return out.String()
}
