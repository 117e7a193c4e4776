package app_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"clockwork/app"
)

// TestWriteFile: a document is written whole and private; a failed write leaves the file
// that was there as it was, and no temporary file behind.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "slips Zoë.pdf")
	if err := app.WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "first"); return err }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("written file: %v, %v; want mode 0600", fi, err)
	}
	broken := errors.New("the printer caught fire")
	err := app.WriteFile(path, func(w io.Writer) error { io.WriteString(w, "half"); return broken })
	if !errors.Is(err, broken) {
		t.Errorf("error %v, want the writer's", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "first" {
		t.Errorf("after a failed write the file holds %q, want the earlier %q", got, "first")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want only the document", len(entries))
	}
}
