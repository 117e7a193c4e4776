// Package testdb says where a test's fresh shop goes: a file in the test's temporary folder,
// or a database on the PostgreSQL server that CLOCKWORK_TEST_DB names (make test starts one
// with .ci/pg). It imports nothing of Clockwork, so tests inside app and data can use it as
// well as apptest, which passes it the migration (NewShop).
package testdb

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, for the admin connection
)

// ServerEnv names the PostgreSQL server tests run against instead of SQLite files: a URL such
// as postgres://clockwork@127.0.0.1:55431/postgres whose role may create databases. Each test
// then gets a database of its own, dropped when it ends. `make test` sets it (.ci/pg).
const ServerEnv = "CLOCKWORK_TEST_DB"

// OnServer says the tests run on the PostgreSQL server ServerEnv names.
func OnServer() bool { return os.Getenv(ServerEnv) != "" }

// SQLiteOnly skips a test that is about SQLite files themselves (permissions, WAL, a damaged
// file, a file backup) when the suite runs on PostgreSQL; why says what it is about.
func SQLiteOnly(t testing.TB, why string) {
	t.Helper()
	if OnServer() {
		t.Skipf("SQLite only (%s); the suite runs on PostgreSQL", why)
	}
}

// NewShop is where a test's fresh shop goes: a file in the test's temporary folder (not
// created yet), or on the server a database holding the empty shop that migrate (data.Open,
// then Close) makes of an empty database. The first call migrates a template; later ones get a
// copy of it, or a database an earlier test used, emptied back to the template's rows.
func NewShop(t testing.TB, migrate func(location string) error) string {
	t.Helper()
	if !OnServer() {
		return filepath.Join(t.TempDir(), "shop.db")
	}
	s := server(t)
	s.templateOnce.Do(func() { s.templateErr = s.makeTemplate(migrate) })
	if s.templateErr != nil {
		t.Fatalf("test server: %v", s.templateErr)
	}
	return s.newDatabase(t, true)
}

// Location is where a test's fresh shop goes: file in the test's temporary folder, or, when
// ServerEnv names a server, a new empty database on it (no schema: for tests of migrations
// and of refusing a database that holds no shop).
func Location(t testing.TB, file string) string {
	t.Helper()
	if !OnServer() {
		return file
	}
	return server(t).newDatabase(t, false)
}

// testServer is the connection to the test server that creates and drops the tests'
// databases. The template holds the migrated, empty shop; creating a database takes about a
// second, so a test's shop database is not dropped but emptied back to the template's rows
// (pool.go) and handed to the next test.
type testServer struct {
	admin        *sql.DB
	base         *url.URL
	made         atomic.Int64
	templateOnce sync.Once
	templateErr  error
	template     string
	initial      snapshot // the template's rows and sequences
	mu           sync.Mutex
	free         []string // emptied shop databases, ready for the next test
}

var (
	serverOnce sync.Once
	theServer  *testServer
	serverErr  error
)

// server connects to the test server once per test process, and gives the test a config
// folder of its own (privateConfig).
func server(t testing.TB) *testServer {
	t.Helper()
	privateConfig(t)
	serverOnce.Do(func() { theServer, serverErr = connectServer(os.Getenv(ServerEnv)) })
	if serverErr != nil {
		t.Fatalf("test server %s: %v", ServerEnv, serverErr)
	}
	return theServer
}

// testDatabases are the names this harness gives its databases: the process id, so a later
// run can drop what a crashed one left behind.
var testDatabases = regexp.MustCompile(`^clockwork_(?:tpl|test)_([0-9]+)_`)

func connectServer(admin string) (*testServer, error) {
	u, err := url.Parse(admin)
	if err != nil {
		return nil, fmt.Errorf("not a URL: %v", err)
	}
	db, err := sql.Open("pgx", admin)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	s := &testServer{admin: db, base: u}
	s.dropLeftovers()
	return s, nil
}

// makeTemplate makes the database each test's shop is copied from.
func (s *testServer) makeTemplate(migrate func(location string) error) error {
	s.template = fmt.Sprintf("clockwork_tpl_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6)
	if _, err := s.admin.Exec("CREATE DATABASE " + s.template); err != nil {
		return fmt.Errorf("create the template database: %w", err)
	}
	if err := migrate(s.url(s.template)); err != nil {
		return fmt.Errorf("migrate the template database: %w", err)
	}
	var err error
	if s.initial, err = takeSnapshot(s.url(s.template)); err != nil {
		return fmt.Errorf("read the template database: %w", err)
	}
	return nil
}

// dropLeftovers drops the databases of test processes that are gone.
func (s *testServer) dropLeftovers() {
	rows, err := s.admin.Query("SELECT datname FROM pg_database WHERE datname LIKE 'clockwork\\_t%'")
	if err != nil {
		return
	}
	var gone []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) != nil {
			continue
		}
		m := testDatabases.FindStringSubmatch(name)
		if m == nil {
			continue
		}
		if pid, _ := strconv.Atoi(m[1]); pid > 0 && syscall.Kill(pid, 0) == syscall.ESRCH {
			gone = append(gone, name)
		}
	}
	rows.Close()
	for _, name := range gone {
		s.admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	}
}

// url is the server's URL for database name.
func (s *testServer) url(name string) string {
	u := *s.base
	u.Path = "/" + name
	return u.String()
}

// newDatabase creates a database for t, a copy of the migrated template when migrated,
// dropped (with whatever connections the test left open) when t ends.
func (s *testServer) newDatabase(t testing.TB, migrated bool) string {
	t.Helper()
	if migrated {
		if name := s.reuse(); name != "" {
			t.Cleanup(func() { s.release(t, name) })
			return s.url(name)
		}
	}
	name := fmt.Sprintf("clockwork_test_%d_%d", os.Getpid(), s.made.Add(1))
	create := "CREATE DATABASE " + name
	if migrated {
		create += " TEMPLATE " + s.template
	}
	var err error
	for try := 0; try < 20; try++ {
		// Copying a template fails while another session is on it; none stays for long.
		if _, err = s.admin.Exec(create); err == nil || !strings.Contains(err.Error(), "being accessed by other users") {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		if migrated {
			s.release(t, name)
		} else {
			s.drop(t, name)
		}
	})
	return s.url(name)
}

// privateConfig gives a test on the server a config folder of its own, unless it made itself
// one already: a shop on a server keeps its files (documents, backups) in the user's config
// folder, and a test must not write into the real one.
func privateConfig(t testing.TB) {
	if dir := os.Getenv("XDG_CONFIG_HOME"); dir != "" && strings.HasPrefix(dir, os.TempDir()) {
		return
	}
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	if runtime.GOOS == "darwin" {
		t.Setenv("HOME", dir) // macOS reads the config folder from HOME
	}
}

// drop drops a test's database, closing whatever connections the test left open.
func (s *testServer) drop(t testing.TB, name string) {
	if _, err := s.admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
		t.Errorf("drop test database %s: %v", name, err)
	}
}

// AsAdmin is the URL of the same database as location, but as the test server's own role (for
// a look underneath a test that connects as a Station with a password).
func AsAdmin(t testing.TB, location string) string {
	t.Helper()
	u, err := url.Parse(location)
	if err != nil {
		t.Fatalf("not a URL: %v", err)
	}
	return server(t).url(strings.TrimPrefix(u.Path, "/"))
}

// Holds says whether text is in any row of any table of the server's database at location
// (for tests that a secret is never stored).
func Holds(t testing.TB, location, text string) bool {
	t.Helper()
	db, err := sql.Open("pgx", AsAdmin(t, location))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tables int
	err = db.QueryRow(`SELECT count(*) FROM information_schema.tables t WHERE t.table_schema = current_schema()
		AND strpos(query_to_xml('SELECT * FROM ' || quote_ident(t.table_name), true, false, '')::text, $1) > 0`, text).Scan(&tables)
	if err != nil {
		t.Fatal(err)
	}
	return tables > 0
}
