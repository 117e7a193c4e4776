package cli_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app/apptest"
	"clockwork/app/cli"
)

// TestSharedDatabasePasswordNeverPrinted: a station's commands on a shared database, the
// password given once in --db or CLOCKWORK_DB: nothing they print holds it, the location is
// shown masked, and a wrong password is refused in words.
func TestSharedDatabasePasswordNeverPrinted(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("CLOCKWORK_NO_KEYRING", "1")
	st := apptest.NewStation(t)
	db := st.URL(st.Password, "")
	code, out, stderr := run(t, db, "init")
	if code != cli.ExitOK || !strings.Contains(out, ":****@") {
		t.Fatalf("init: exit %d %q %q", code, out, stderr)
	}
	var all []string
	for _, args := range [][]string{
		{"shop", "--name", "Linden & Loom", "--json"}, {"supplier", "add", "Acme", "--status", "active"},
		{"suppliers", "--json"}, {"orders", "--json"}, {"check"}, {"--version"},
		{"backup", "--out", filepath.Join(t.TempDir(), "copy.db")},
	} {
		code, out, stderr := run(t, db, args...)
		if code != cli.ExitOK {
			t.Errorf("%v: exit %d %s", args, code, stderr)
		}
		all = append(all, out, stderr)
	}
	if got := strings.Join(all, "\n"); strings.Contains(got, st.Password) || !strings.Contains(got, st.User+":****@") {
		t.Errorf("the output shows the password, or not the masked location:\n%s", got)
	}
	// Given once, the password is kept: the URL without it works, from CLOCKWORK_DB too.
	var stdout, errOut bytes.Buffer
	env := cli.Env{Stdout: &stdout, Stderr: &errOut, Getenv: func(k string) string {
		if k == "CLOCKWORK_DB" {
			return st.URL("", "")
		}
		return ""
	}}
	if code := cli.Run([]string{"shop", "--json"}, env); code != cli.ExitOK || !strings.Contains(stdout.String(), "Linden & Loom") {
		t.Errorf("CLOCKWORK_DB without the password: exit %d %q %q", code, stdout.String(), errOut.String())
	}
	wrong := "not-" + st.Password
	code, out, stderr = run(t, st.URL(wrong, ""), "orders")
	if code != cli.ExitFailed || out != "" || !strings.Contains(stderr, "refused the password") || strings.Contains(stderr, wrong) {
		t.Errorf("wrong password: exit %d %q %q", code, out, stderr)
	}
}
