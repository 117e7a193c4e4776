package views

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// sharedFormOf opens Settings → Use a shared database… and returns the dialog, with the
// switch caught instead of opening a window.
func sharedFormOf(t *testing.T) (*sharedDialog, *[]string) {
	t.Helper()
	s, _, _ := newTestShell(t)
	v := settingsOf(s)
	var switched []string
	v.shared.switchTo = func(loc string) error { switched = append(switched, loc); return nil }
	test.Tap(button(t, v.root, "Use a shared database…"))
	return v.shared.form, &switched
}

func fill(d *sharedDialog, host, port, database, user, password string) {
	d.host.SetText(host)
	d.port.SetText(port)
	d.database.SetText(database)
	d.user.SetText(user)
	d.pw.SetText(password)
}

func TestSharedDatabaseFormSaysWhatToFix(t *testing.T) {
	apptest.PrivateConfig(t)
	d, switched := sharedFormOf(t)
	fill(d, "", "54x", "", "", "")
	test.Tap(d.test)
	for _, want := range []string{"server is its name or address", "port is a number", "database's name", "user"} {
		if !strings.Contains(d.status.Text, want) {
			t.Errorf("status %q lacks %q", d.status.Text, want)
		}
	}
	test.Tap(d.use)
	if len(*switched) != 0 {
		t.Errorf("switched to %v with a bad form", *switched)
	}
}

func TestSharedDatabaseUnreachableSaysSoWithoutThePassword(t *testing.T) {
	apptest.PrivateConfig(t)
	d, switched := sharedFormOf(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(l.Addr().String())
	l.Close()
	fill(d, "127.0.0.1", port, "shop", "anna", "hunter2secret")
	test.Tap(d.test)
	if !strings.Contains(d.status.Text, "cannot reach") || strings.Contains(d.status.Text, "hunter2") {
		t.Errorf("status %q", d.status.Text)
	}
	test.Tap(d.use)
	if len(*switched) != 0 || !strings.Contains(d.status.Text, "nothing was switched") {
		t.Errorf("switched %v; status %q", *switched, d.status.Text)
	}
	if d.test.Disabled() || d.use.Disabled() {
		t.Error("the buttons stay disabled after the attempt")
	}
}

// TestSharedDatabaseTestAndSwitch: against the real test server, a wrong password is refused
// in words, the right one finds the empty database, and switching remembers the URL without
// its password (which goes to the private password file).
func TestSharedDatabaseTestAndSwitch(t *testing.T) {
	folder := apptest.PrivateConfig(t)
	st := apptest.NewStation(t)
	d, switched := sharedFormOf(t)
	fill(d, st.Host, st.Port, st.Database, st.User, "not-"+st.Password)
	test.Tap(d.test)
	if !strings.Contains(d.status.Text, "refused the password") || strings.Contains(d.status.Text, st.Password) {
		t.Errorf("wrong password: %q", d.status.Text)
	}
	d.pw.SetText(st.Password)
	test.Tap(d.test)
	if !strings.Contains(d.status.Text, "Connected") || !strings.Contains(d.status.Text, "no shop yet") {
		t.Errorf("right password: %q", d.status.Text)
	}
	test.Tap(d.use)
	if len(*switched) != 1 || strings.Contains((*switched)[0], st.Password) || !strings.Contains((*switched)[0], st.Database) {
		t.Fatalf("switched to %v", *switched)
	}
	chosen, err := os.ReadFile(filepath.Join(folder, "database"))
	if err != nil || strings.Contains(string(chosen), st.Password) || !strings.Contains(string(chosen), st.User+"@") {
		t.Errorf("the remembered database: %q (%v)", chosen, err)
	}
	if loc, _ := app.DefaultLocation(); loc != (*switched)[0] {
		t.Errorf("default location %q, want the chosen %q", loc, (*switched)[0])
	}
	kept, err := os.ReadFile(filepath.Join(folder, "database-passwords"))
	if err != nil || !strings.Contains(string(kept), st.Password) {
		t.Errorf("the password was not kept: %v", err)
	}
}

// TestStartOnUnreachableSharedDatabaseOffersTheFile: at start, a shared database that does not
// answer gets a window saying so (without the password), whose button opens the file.
func TestStartOnUnreachableSharedDatabaseOffersTheFile(t *testing.T) {
	folder := apptest.PrivateConfig(t)
	test.NewTempApp(t)
	loc := "postgres://anna:hunter2secret@127.0.0.1:1/shop"
	_, err := app.Open(loc)
	if err == nil {
		t.Fatal("opened a server on port 1")
	}
	p := newStartProblem(fyne.CurrentApp(), loc, err, inline)
	p.openShop = func(a *app.App) fyne.Window {
		t.Cleanup(func() { a.Close() })
		return newShell(fyne.CurrentApp(), a, inline).win
	}
	t.Cleanup(func() {
		if p.opened == nil { // else the shop's window replaced it
			p.win.Close()
		}
	})
	for _, want := range []string{"could not open the shop on the shared database postgres://anna:****@127.0.0.1:1/shop",
		"Cannot reach", "(connection refused)", filepath.Join(folder, "clockwork.db")} {
		if !strings.Contains(p.msg.Text, want) {
			t.Errorf("the window lacks %q:\n%s", want, p.msg.Text)
		}
	}
	if strings.Contains(p.msg.Text, "hunter2") {
		t.Errorf("the window shows the password:\n%s", p.msg.Text)
	}
	test.Tap(p.retry)
	if p.opened != nil || !strings.Contains(p.msg.Text, "Cannot reach") {
		t.Errorf("try again opened %v: %s", p.opened, p.msg.Text)
	}
	test.Tap(p.local)
	if p.opened == nil {
		t.Fatalf("the file did not open: %s", p.msg.Text)
	}
	t.Cleanup(p.opened.Close)
	if _, err := os.Stat(filepath.Join(folder, "clockwork.db")); err != nil {
		t.Errorf("the file on this computer: %v", err)
	}
}
