package data

import (
	"errors"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// What can go wrong when a station connects to a shared PostgreSQL database, as the shop
// would say it; ConnectProblem finds which in the driver's error.
var (
	// ErrWrongPassword means the server refused the role's password (or the role does not
	// exist: the server does not say which, on purpose).
	ErrWrongPassword = errors.New("the database server refused the user name or password")
	// ErrNoPassword means the server asks for a password and none was given or kept.
	ErrNoPassword = errors.New("the database server asks for a password and none was given")
	// ErrNotAllowed means the server's access rules (pg_hba.conf) do not let this role in from
	// this computer, or not without TLS.
	ErrNotAllowed = errors.New("the database server does not let this user in from this computer")
	// ErrNoSuchDatabase means the server has no database of that name.
	ErrNoSuchDatabase = errors.New("the database server has no database of that name")
	// ErrUnreachable means no database server answered at that address.
	ErrUnreachable = errors.New("no database server answers at that address")
	// ErrNoTLS means the URL requires TLS (sslmode=require or stricter) and the server offers none.
	ErrNoTLS = errors.New("the URL requires an encrypted connection (sslmode) and the server offers none")
)

// ConnectProblem says which of the Err… above err is, or nil when it is none of them.
func ConnectProblem(err error) error {
	if err == nil {
		return nil
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01":
			return ErrWrongPassword
		case "28000":
			return ErrNotAllowed
		case "3D000":
			return ErrNoSuchDatabase
		}
		return nil
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "server refused TLS connection"):
		return ErrNoTLS
	case strings.Contains(msg, "no password"), strings.Contains(msg, "password is empty"):
		return ErrNoPassword
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	var op *net.OpError
	var dns *net.DNSError
	if errors.As(err, &op) || errors.As(err, &dns) || pgconn.Timeout(err) ||
		(errors.As(err, &ce) && errors.As(err, &ne)) {
		return ErrUnreachable
	}
	return nil
}
