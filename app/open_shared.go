package app

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"

	"clockwork/data"

	"gorm.io/gorm"
)

// openShared opens the shop on the shared database at loc with open (data.Open or
// data.OpenExisting). A password in loc is kept in the keyring once the server accepted it
// (when keep says so); without one, the kept password is used. Errors say what happened and
// what to do, and never hold the password.
func openShared(loc string, open func(string) (*gorm.DB, error), keep bool) (*App, error) {
	s, err := parseShared(loc)
	if err != nil {
		return nil, err
	}
	password, given := s.password, s.password != ""
	if !given {
		if password, err = dbPassword(s.account()); err != nil {
			return nil, err
		}
	}
	db, err := open(s.dsn(password))
	if err != nil {
		return nil, sharedError(s, password, given, err)
	}
	if given && keep {
		if _, err := keepDBPassword(s.account(), password); err != nil {
			data.Close(db)
			return nil, err
		}
	}
	a := New(db, s.String())
	a.secret = password
	return a, nil
}

// sharedError turns a failed connection into a sentence saying what happened and what to do,
// with the password scrubbed from whatever the driver said. A kept password the server
// refused is forgotten, so the next attempt asks for it again.
func sharedError(s sharedDB, password string, given bool, err error) error {
	where := fmt.Sprintf("the PostgreSQL server at %s", s.server())
	var msg string
	problem := data.ConnectProblem(err)
	switch {
	case problem == data.ErrWrongPassword && password == "":
		problem = data.ErrNoPassword // the server asked, and there was nothing to give
	case problem == nil && errors.Is(err, data.ErrNoDatabase):
		problem = data.ErrNoSuchDatabase
	}
	switch problem {
	case data.ErrWrongPassword:
		if !given && password != "" {
			forgetDBPassword(s.account())
		}
		msg = fmt.Sprintf("%s refused the password for user %q (or there is no such user): give the right "+
			"password once, in the URL (postgres://%s:PASSWORD@%s/%s) or in Settings → Use a shared database…; "+
			"Clockwork then keeps it for you", where, s.user(), s.user(), s.server(), s.database())
	case data.ErrNoPassword:
		msg = fmt.Sprintf("%s asks for a password for user %q and none is kept on this computer: give it once, "+
			"in the URL (postgres://%s:PASSWORD@%s/%s) or in Settings → Use a shared database…",
			where, s.user(), s.user(), s.server(), s.database())
	case data.ErrNotAllowed:
		msg = fmt.Sprintf("%s does not let user %q in from this computer: ask whoever runs the server to allow it "+
			"(a line in its pg_hba.conf)", where, s.user())
	case data.ErrNoSuchDatabase:
		msg = fmt.Sprintf("%s has no database %q: check the name, or create it (README: Several stations, one shop)",
			where, s.database())
	case data.ErrUnreachable:
		msg = fmt.Sprintf("cannot reach %s (%s): check that the server is running and that host and port are right, "+
			"or work on the shop's file on this computer instead", where, scrub(rootCause(err), password))
	case data.ErrNoTLS:
		msg = fmt.Sprintf("%s offers no encrypted connection and the URL asks for one (sslmode=%s): "+
			"turn on TLS on the server, or ask whoever runs it", where, s.url.Query().Get("sslmode"))
	default:
		if errors.Is(err, data.ErrNotClockwork) {
			msg = fmt.Sprintf("there is no Clockwork shop in database %q on %s (nothing was created): check --db or "+
				"CLOCKWORK_DB, create one with clockwork init, or move a shop there with clockwork migrate", s.database(), where)
			break
		}
		msg = fmt.Sprintf("open the shared database %s: %s", s, scrub(err.Error(), password))
	}
	if problem != nil {
		return shopError{msg, errors.Join(problem, scrubbed{err, password})}
	}
	return shopError{msg, scrubbed{err, password}}
}

// rootCause says why the network failed in a few words: "connect: connection refused", "no
// such host", "i/o timeout", not the driver's wrapping.
func rootCause(err error) string {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return "no server is called " + dns.Name
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error() // "connection refused"
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		return op.Err.Error()
	}
	return err.Error()
}

// scrub replaces every copy of the password in text by ****.
func scrub(text, password string) string {
	if password == "" {
		return text
	}
	return strings.ReplaceAll(text, password, "****")
}

// scrubbed is a driver error whose text has the password taken out; errors.Is and As still
// see the driver's error underneath.
type scrubbed struct {
	err      error
	password string
}

func (e scrubbed) Error() string { return scrub(e.err.Error(), e.password) }
func (e scrubbed) Unwrap() error { return e.err }
