// Package testdb says where a test's fresh shop goes: a file in the test's temporary folder,
// or a new empty database on the PostgreSQL server that CLOCKWORK_TEST_DB names. It imports
// nothing of Clockwork, so tests inside app (package app) can use it as well as apptest.
package testdb

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, for the admin connection
)

// ServerEnv names the PostgreSQL server tests run against instead of SQLite files: a URL such
// as postgres://clockwork@127.0.0.1:55431/postgres whose role may create databases. Each test
// then gets a database of its own, dropped when it ends.
const ServerEnv = "CLOCKWORK_TEST_DB"

// Location is where a test's fresh shop goes: file in the test's temporary folder, or, when
// ServerEnv names a server, a new empty database on it.
func Location(t testing.TB, file string) string {
	t.Helper()
	admin := os.Getenv(ServerEnv)
	if admin == "" {
		return file
	}
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("%s is not a URL: %v", ServerEnv, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "clockwork_test_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() { dropDatabase(t, admin, name) })
	u.Path = "/" + name
	return u.String()
}

// dropDatabase drops a test's database, closing whatever connections the test left open.
func dropDatabase(t testing.TB, admin, name string) {
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Errorf("connect to the test server: %v", err)
		return
	}
	defer db.Close()
	if _, err := db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
		t.Errorf("drop test database %s: %v", name, err)
	}
}
