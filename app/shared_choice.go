package app

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"clockwork/data"
)

// Settings → "Use a shared database…" builds a URL from a form, tests it, and makes it the
// shop this computer opens by default: the choice is a file in the data folder holding the
// URL without its password (the password goes to the keyring). --db and CLOCKWORK_DB still
// come first.

// choiceFile holds the shared database this computer opens by default, if any.
func choiceFile() (string, error) {
	dir, err := DataFolder()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "database"), nil
}

// LocalPath is the shop's file on this computer: clockwork.db in the data folder.
func LocalPath() (string, error) { return DefaultPath() }

// DefaultLocation is the shop opened when neither --db nor CLOCKWORK_DB say which: the shared
// database chosen in Settings, else the file on this computer (LocalPath).
func DefaultLocation() (string, error) {
	path, err := choiceFile()
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(path)
	if err == nil && IsShared(strings.TrimSpace(string(b))) {
		return strings.TrimSpace(string(b)), nil
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("read which database to open from %s: %w", path, err)
	}
	return LocalPath()
}

// ChooseLocation makes loc the shop this computer opens by default: a shared database's URL
// (its password, if any, is kept in the keyring, not in the file), or "" for the file on this
// computer.
func ChooseLocation(loc string) error {
	path, err := choiceFile()
	if err != nil {
		return err
	}
	if loc == "" || !IsShared(loc) {
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("go back to the file on this computer: %w", err)
		}
		return nil
	}
	s, err := parseShared(loc)
	if err != nil {
		return err
	}
	if s.password != "" {
		if _, err := keepDBPassword(s.account(), s.password); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("remember the shared database: %w", err)
	}
	if err := os.WriteFile(path, []byte(s.String()+"\n"), 0o600); err != nil {
		return fmt.Errorf("remember the shared database: %w", err)
	}
	return nil
}

// SharedForm is what Settings asks for a shared database.
type SharedForm struct {
	Host, Port, Database, User, Password string
	RequireTLS                           bool // sslmode=require; else TLS when the server offers it (prefer)
}

// URL checks the form and builds the database's URL, password included (for Open and
// ChooseLocation; never show it: Masked).
func (f SharedForm) URL() (string, error) {
	var problems []string
	host := strings.TrimSpace(f.Host)
	if host == "" || strings.ContainsAny(host, " /?#@") {
		problems = append(problems, "the server is its name or address, such as db.example.com or 192.168.1.20")
	}
	port := strings.TrimSpace(f.Port)
	if port == "" {
		port = "5432"
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		problems = append(problems, "the port is a number from 1 to 65535 (PostgreSQL's usual one is 5432)")
	}
	if strings.TrimSpace(f.Database) == "" {
		problems = append(problems, "give the database's name, such as shop")
	}
	if strings.TrimSpace(f.User) == "" {
		problems = append(problems, "give the user (the PostgreSQL role) this station connects as")
	}
	if len(problems) > 0 {
		return "", errors.New(strings.Join(problems, "; "))
	}
	u := url.URL{Scheme: "postgres", Host: net.JoinHostPort(host, port), Path: "/" + strings.TrimSpace(f.Database)}
	if f.Password != "" {
		u.User = url.UserPassword(strings.TrimSpace(f.User), f.Password)
	} else {
		u.User = url.User(strings.TrimSpace(f.User))
	}
	if f.RequireTLS {
		u.RawQuery = "sslmode=require"
	}
	return u.String(), nil
}

// ConnectionTest is what Settings' "Test connection" found.
type ConnectionTest struct {
	Shop  string // the shop's name in the database ("" when it holds none yet)
	Empty bool   // the database holds no Clockwork shop: switching creates one
}

// TestShared connects to the shared database at loc and says whether it holds a shop. A
// password in loc is not kept (ChooseLocation keeps it); errors say what to fix.
func TestShared(loc string) (ConnectionTest, error) {
	if !IsShared(loc) {
		return ConnectionTest{}, fmt.Errorf("%s is not a postgres:// URL", Masked(loc))
	}
	a, err := openShared(loc, data.OpenExisting, false)
	if errors.Is(err, data.ErrNotClockwork) {
		return ConnectionTest{Empty: true}, nil
	}
	if err != nil {
		return ConnectionTest{}, err
	}
	defer a.Close()
	shop, err := a.Shop()
	if err != nil {
		return ConnectionTest{}, err
	}
	return ConnectionTest{Shop: shop.Name}, nil
}
