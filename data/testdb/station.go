package testdb

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"os"
	"testing"
)

// Station is a PostgreSQL role with a password and an empty database it owns, reached over
// TCP on the loopback address, as a station on the shop's network would connect: for tests of
// passwords, wrong passwords and TLS. Both are dropped when the test ends.
type Station struct {
	Host, Port, User, Password, Database string
}

// URL is the station's postgres:// URL with password (and query, such as "sslmode=require").
func (s Station) URL(password, query string) string {
	u := url.URL{Scheme: "postgres", Host: net.JoinHostPort(s.Host, s.Port), Path: "/" + s.Database, RawQuery: query}
	u.User = url.UserPassword(s.User, password)
	if password == "" {
		u.User = url.User(s.User)
	}
	return u.String()
}

// NewStation makes a role with a random password and an empty database it owns on the test
// server; the test is skipped when the suite does not run on a server.
func NewStation(t testing.TB) Station {
	t.Helper()
	if !OnServer() {
		t.Skipf("needs a PostgreSQL server: set %s (make test does)", ServerEnv)
	}
	s := server(t)
	b := make([]byte, 12)
	rand.Read(b)
	n := s.made.Add(1)
	st := Station{Host: "127.0.0.1", Port: s.port(), User: fmt.Sprintf("clockwork_r_%d_%d", os.Getpid(), n),
		Password: "pw-" + hex.EncodeToString(b), Database: fmt.Sprintf("clockwork_test_%d_%d", os.Getpid(), n)}
	if _, err := s.admin.Exec(fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD '%s'", st.User, st.Password)); err != nil {
		t.Fatalf("create a station's role: %v", err)
	}
	if _, err := s.admin.Exec(fmt.Sprintf("CREATE DATABASE %s OWNER %s", st.Database, st.User)); err != nil {
		t.Fatalf("create a station's database: %v", err)
	}
	t.Cleanup(func() {
		s.drop(t, st.Database)
		if _, err := s.admin.Exec("DROP ROLE IF EXISTS " + st.User); err != nil {
			t.Errorf("drop role %s: %v", st.User, err)
		}
	})
	return st
}

// port is the test server's port, from its URL (5432 when it names none).
func (s *testServer) port() string {
	if p := s.base.Port(); p != "" {
		return p
	}
	if p := s.base.Query().Get("port"); p != "" {
		return p
	}
	return "5432"
}
