package app

import (
	"strings"
	"testing"
)

func TestMaskedHidesEveryPassword(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"postgres://anna:s3cret@db.example/shop", "postgres://anna:****@db.example/shop"},
		{"postgresql://anna:p@ss:w/rd@db.example:5433/shop?sslmode=require", "postgresql://anna:****@db.example:5433/shop?sslmode=require"},
		{"postgres://anna@db.example/shop?password=s3cret&sslmode=require", "postgres://anna@db.example/shop?password=****&sslmode=require"},
		{"postgres://anna@db.example/shop", "postgres://anna@db.example/shop"},
		{"/home/anna/shop@home:1.db", "/home/anna/shop@home:1.db"},
		{"postgres://%zz:secret@x/shop", "postgres://%zz:****@x/shop"},
	} {
		if got := Masked(c.in); got != c.want {
			t.Errorf("Masked(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseSharedTakesThePasswordOut(t *testing.T) {
	s, err := parseShared("postgres://anna:s%40cret@db.example:5433/shop?sslmode=require")
	if err != nil {
		t.Fatal(err)
	}
	if s.password != "s@cret" || strings.Contains(s.String(), "cret") {
		t.Errorf("password %q, URL %s", s.password, s)
	}
	if s.account() != "anna@db.example:5433" || s.server() != "db.example:5433" {
		t.Errorf("account %q server %q", s.account(), s.server())
	}
	if dsn := s.dsn("s@cret"); !strings.Contains(dsn, "anna:s%40cret@") || !strings.Contains(dsn, "sslmode=require") || !strings.Contains(dsn, "connect_timeout=10") {
		t.Errorf("dsn %q", dsn)
	}
	if s, _ = parseShared("postgres://anna@/shop?host=/run/pg&port=5439&password=x"); s.server() != "/run/pg:5439" || s.password != "x" || strings.Contains(s.String(), "password") {
		t.Errorf("socket URL: server %q password %q URL %s", s.server(), s.password, s)
	}
}

func TestParseSharedRefusesWithoutTellingThePassword(t *testing.T) {
	for _, loc := range []string{"postgres://anna:se%zzcret@db.example/shop", "postgres://anna:secret@db.example"} {
		_, err := parseShared(loc)
		if err == nil || strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "postgres://") {
			t.Errorf("%s: %v", Masked(loc), err)
		}
	}
}
