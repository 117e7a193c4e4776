package app

import (
	"fmt"
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"clockwork/data"
)

// A shop's data lives either in a SQLite file on this computer (a one-laptop shop) or, for a
// shop whose several stations share one database, in a PostgreSQL database named by a URL:
// postgres://anna@server:5432/shop. Either is the shop's location, given by --db,
// CLOCKWORK_DB or Settings. A URL may carry a password: it is taken out of the URL and kept
// in the keyring (db_password.go), and every location Clockwork prints is Masked.

// IsShared says loc names a shared PostgreSQL database (a postgres:// URL), not a file.
func IsShared(loc string) bool { return data.IsServerURL(loc) }

// Masked is loc fit to print: a URL's password, in the user part or as a parameter, is
// replaced by **** (data.ShowLocation). It does not need loc to be a valid URL.
func Masked(loc string) string { return data.ShowLocation(loc) }

// sharedDB is a shared database's URL taken apart: where it is, and the password given with
// it, if any (which the URL itself no longer holds).
type sharedDB struct {
	url      *url.URL
	password string
}

// parseShared reads a postgres:// URL. Its error names the URL masked, never with its password.
func parseShared(loc string) (sharedDB, error) {
	u, err := url.Parse(loc)
	if err != nil {
		return sharedDB{}, fmt.Errorf("%s is not a database address Clockwork can read: write it as "+
			"postgres://USER@HOST:PORT/DATABASE (in a password, write @ as %%40, : as %%3A, / as %%2F and %% as %%25)", Masked(loc))
	}
	s := sharedDB{url: u}
	if p, ok := u.User.Password(); ok {
		s.password = p
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if p := q.Get("password"); p != "" {
		s.password = p
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	if s.database() == "" {
		return sharedDB{}, fmt.Errorf("%s names no database: add it after the server, as in postgres://USER@HOST:5432/shop", s)
	}
	return s, nil
}

// String is the URL without its password.
func (s sharedDB) String() string { return s.url.String() }

// database is the database's name on the server.
func (s sharedDB) database() string { return strings.TrimPrefix(s.url.Path, "/") }

// user is the PostgreSQL role the station connects as: the URL's, else (as PostgreSQL's own
// tools do) the name of the user logged in on this computer.
func (s sharedDB) user() string {
	if name := s.url.User.Username(); name != "" {
		return name
	}
	if name := s.url.Query().Get("user"); name != "" {
		return name
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}

// server is host:port as a person would write it ("localhost" when the URL names a socket).
func (s sharedDB) server() string {
	host, port := s.url.Hostname(), s.url.Port()
	if host == "" {
		host = s.url.Query().Get("host")
	}
	if host == "" {
		host = "localhost"
	}
	if port == "" {
		port = s.url.Query().Get("port")
	}
	if port == "" {
		port = "5432"
	}
	return host + ":" + port
}

// account names the password in the keyring: the role at the server (a PostgreSQL role's
// password is the same for every database on its server).
func (s sharedDB) account() string { return s.user() + "@" + s.server() }

// dsn is the URL to connect with: with the password, and a connect timeout so an unreachable
// server is reported within seconds rather than after the system's TCP timeout.
func (s sharedDB) dsn(password string) string {
	u := *s.url
	if password != "" {
		u.User = url.UserPassword(s.user(), password)
	}
	q := u.Query()
	if q.Get("connect_timeout") == "" {
		q.Set("connect_timeout", "10")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// DataFolder is Clockwork's folder in the user's config directory (~/.config/Clockwork on
// Linux): the default shop's file, and the local files of a shop on a shared database.
func DataFolder() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the config folder: %w (use --db PATH)", err)
	}
	return filepath.Join(dir, "Clockwork"), nil
}

// Where is the shop's location fit to show: the file's path, or the shared database's URL
// with its password masked.
func (a *App) Where() string {
	if a.secret != "" {
		if u, err := url.Parse(a.path); err == nil {
			u.User = url.UserPassword(u.User.Username(), "****")
			return strings.Replace(u.String(), "%2A%2A%2A%2A", "****", 1)
		}
	}
	return Masked(a.path)
}

// Shared says the shop is on a shared PostgreSQL database.
func (a *App) Shared() bool { return IsShared(a.path) }

// dsn is what to connect to the shop's database with: the path, or the URL with its password.
func (a *App) dsn() string {
	if a.secret == "" || !a.Shared() {
		return a.path
	}
	s, err := parseShared(a.path)
	if err != nil {
		return a.path
	}
	return s.dsn(a.secret)
}

// Scrub takes the password of the shared database loc names out of text: as written in the
// URL and as decoded, each becomes ****. Text about a file location comes back as it is.
func Scrub(text, loc string) string {
	if !IsShared(loc) {
		return text
	}
	text = strings.ReplaceAll(text, loc, Masked(loc))
	s, err := parseShared(loc)
	if err != nil || s.password == "" {
		return text
	}
	for _, p := range []string{s.password, url.PathEscape(s.password), url.QueryEscape(s.password),
		url.UserPassword("", s.password).String()[1:]} {
		if p != "" {
			text = strings.ReplaceAll(text, p, "****")
		}
	}
	return text
}

// WithoutPassword is loc with any password taken out, for telling the user what to pass as
// --db next time (the password is in the keyring by then).
func WithoutPassword(loc string) string {
	if !IsShared(loc) {
		return loc
	}
	s, err := parseShared(loc)
	if err != nil {
		return Masked(loc)
	}
	return s.String()
}
