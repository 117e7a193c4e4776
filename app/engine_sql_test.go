package app_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// engineSQL matches SQL that only one engine speaks: SQLite's PRAGMAs, schema table, date
// functions, GROUP_CONCAT, NOT INDEXED, INSERT OR, two-argument MIN/MAX; PostgreSQL's
// ILIKE, string_agg, casts with ::, pg_ functions. Such SQL belongs in data/, one file per
// engine (data.Engine).
var engineSQL = regexp.MustCompile(`PRAGMA|sqlite_master|GROUP_CONCAT|unixepoch|julianday|strftime\(|NOT INDEXED|INSERT OR |` +
	`\b(MIN|MAX)\([^(),]+,[^(),]+\)|ILIKE|string_agg|::[a-z]|\bpg_[a-z_]+\(`)

// TestAppSpeaksNoEngineSQL keeps app/ free of engine-specific SQL (the house rule; DESIGN
// section 2 puts storage in data/).
func TestAppSpeaksNoEngineSQL(t *testing.T) {
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			if m := engineSQL.FindString(line); m != "" {
				t.Errorf("%s:%d: %q is engine-specific SQL: ask data.EngineOf(db) for it", path, i+1, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
