package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app/cli"
)

// TestPOSendWritesThePDFOrNothing: a PDF that cannot be written leaves the PO a draft; the
// PDF of a sent PO can be made again; a temp file a killed write left is cleaned away.
func TestPOSendWritesThePDFOrNothing(t *testing.T) {
	db := purchaseShop(t)
	if code, _, stderr := run(t, db, "purchase"); code != 0 {
		t.Fatal(stderr)
	}
	code, _, stderr := run(t, db, "po", "send", "PO-000001", "--out", "/no/such/dir/po.pdf")
	if code != cli.ExitFailed || !strings.Contains(stderr, "nothing was sent") {
		t.Errorf("send to a missing folder: exit %d %q; want 1, nothing was sent", code, stderr)
	}
	if _, out, _ := run(t, db, "po", "list", "--status", "draft"); !strings.Contains(out, "PO-000001") {
		t.Fatalf("after a failed send the PO is not a draft any more:\n%s", out)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "po.pdf")
	stale := filepath.Join(dir, ".po.pdf-123456")
	os.WriteFile(stale, nil, 0o600) // as a killed write leaves it
	if code, _, stderr := run(t, db, "po", "send", "PO-000001", "--out", pdf); code != 0 {
		t.Fatalf("send: exit %d %s", code, stderr)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale temp file of an interrupted write is still there (%v)", err)
	}
	first, _ := os.ReadFile(pdf)
	again := filepath.Join(dir, "again.pdf")
	code, out, stderr := run(t, db, "po", "pdf", "PO-000001", "--out", again)
	if code != 0 || !strings.Contains(out, again) {
		t.Fatalf("po pdf: exit %d %q %q", code, out, stderr)
	}
	made, _ := os.ReadFile(again)
	if len(made) == 0 || len(made) < len(first)/2 || !strings.HasPrefix(string(made), "%PDF") {
		t.Errorf("po pdf wrote %d bytes, the send %d", len(made), len(first))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d files in the folder, want the two PDFs", len(entries))
	}
}
