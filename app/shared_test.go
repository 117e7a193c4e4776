package app_test

import (
	"database/sql"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

// closedPort is a loopback port nothing listens on.
func closedPort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(l.Addr().String())
	l.Close()
	return port
}

func TestWrongPasswordIsRefusedWithAClearMessage(t *testing.T) {
	apptest.PrivateConfig(t)
	st := apptest.NewStation(t)
	_, err := app.Open(st.URL("not-"+st.Password, ""))
	if !errors.Is(err, data.ErrWrongPassword) {
		t.Fatalf("wrong password: %v, want ErrWrongPassword", err)
	}
	msg := err.Error()
	for _, want := range []string{"refused the password", st.User, "127.0.0.1:" + st.Port, "Settings → Use a shared database"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message lacks %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, st.Password) {
		t.Errorf("the message shows the password: %s", msg)
	}
	// Without any password the server asks for one, and the message says where to give it.
	if _, err := app.Open(st.URL("", "")); err == nil || !strings.Contains(err.Error(), "password") {
		t.Errorf("no password: %v", err)
	}
}

func TestPasswordIsKeptOutOfTheURLAndTheShop(t *testing.T) {
	folder := apptest.PrivateConfig(t)
	st := apptest.NewStation(t)
	a, err := app.Open(st.URL(st.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Path(), st.Password) || strings.Contains(a.Where(), st.Password) || !strings.Contains(a.Where(), ":****@") {
		t.Errorf("Path %q, Where %q: want no password, masked", a.Path(), a.Where())
	}
	shop, _ := a.Shop()
	shop.Name = "Linden & Loom"
	if err := a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	a.Close()
	file := filepath.Join(folder, "database-passwords")
	info, err := os.Stat(file)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the kept password's file: %v %v, want 0600", info, err)
	}
	// The next time the URL needs no password: the kept one is used.
	again, err := app.OpenExisting(st.URL("", ""))
	if err != nil {
		t.Fatalf("open without the password: %v", err)
	}
	again.Close()
	// Nowhere in the shop's tables.
	again, err = app.OpenExisting(st.URL("", ""))
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if apptest.Holds(t, again, st.Password) || !apptest.Holds(t, again, "Linden") {
		t.Error("the password is in the shop's tables (or the search does not find the shop's name)")
	}
}

func TestUnreachableServerSaysWhatToDo(t *testing.T) {
	apptest.PrivateConfig(t)
	loc := "postgres://anna:hunter2secret@127.0.0.1:" + closedPort(t) + "/shop"
	_, err := app.Open(loc)
	if !errors.Is(err, data.ErrUnreachable) {
		t.Fatalf("closed port: %v, want ErrUnreachable", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "cannot reach") || !strings.Contains(msg, "server is running") || strings.Contains(msg, "hunter2") {
		t.Errorf("message: %s", msg)
	}
}

// TestTLSRequiredIsHonoured: sslmode=require refuses a server that offers no TLS and connects
// encrypted to one that does; without sslmode the connection is encrypted when offered.
func TestTLSRequiredIsHonoured(t *testing.T) {
	apptest.PrivateConfig(t)
	noTLS := refusingTLS(t)
	_, err := app.Open("postgres://anna:hunter2secret@" + noTLS + "/shop?sslmode=require")
	if !errors.Is(err, data.ErrNoTLS) || !strings.Contains(err.Error(), "sslmode=require") || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("require on a server without TLS: %v", err)
	}
	st := apptest.NewStation(t)
	for _, query := range []string{"sslmode=require", ""} {
		db, err := sql.Open("pgx", st.URL(st.Password, query))
		if err != nil {
			t.Fatal(err)
		}
		var on, offered bool
		db.QueryRow("SELECT current_setting('ssl') = 'on'").Scan(&offered)
		err = db.QueryRow("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").Scan(&on)
		db.Close()
		if err != nil || (offered && !on) {
			t.Errorf("%q: TLS %v (server offers it: %v, %v)", query, on, offered, err)
		}
		a, err := app.Open(st.URL(st.Password, query))
		if err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		a.Close()
	}
}

// refusingTLS is a loopback address that answers a PostgreSQL client's request for TLS with
// "no", as a server without TLS does.
func refusingTLS(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			buf := make([]byte, 8)
			if _, err := c.Read(buf); err == nil {
				c.Write([]byte("N"))
			}
			c.Close()
		}
	}()
	return l.Addr().String()
}
