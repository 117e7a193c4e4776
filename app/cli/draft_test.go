package cli_test

import (
	"strings"
	"testing"

	"clockwork/app/cli"
)

// draftShop is catalogShop with two manual orders for MUG-1 on Acme's draft PO-000001.
func draftShop(t *testing.T) string {
	t.Helper()
	db := catalogShop(t)
	for _, args := range [][]string{
		{"order", "add", "--customer", "Zoë", "--address1", "Main 1", "--city", "Leipzig", "--country", "DE", "--line", "MUG-1=2@14.90"},
		{"order", "add", "--customer", "Ana", "--address1", "Calle 2", "--city", "Madrid", "--country", "ES", "--line", "MUG-1=1@14.90"},
		{"purchase"},
	} {
		if code, _, stderr := run(t, db, args...); code != cli.ExitOK {
			t.Fatalf("%v: exit %d %s", args, code, stderr)
		}
	}
	return db
}

func TestDraftEditMoveRemove(t *testing.T) {
	db := draftShop(t)
	if code, _, stderr := run(t, db, "draft", "edit", "PO-000001", "--sku", "MUG-1", "--qty", "5"); code != cli.ExitBadInput || !strings.Contains(stderr, "name one with --order") {
		t.Errorf("two lines of MUG-1 without --order: exit %d %q", code, stderr)
	}
	if code, _, stderr := run(t, db, "draft", "edit", "PO-000001", "--sku", "MUG-1", "--order", "M-0001", "--qty", "3", "--cost", "4.10"); code != cli.ExitOK {
		t.Fatalf("edit: exit %d %q", code, stderr)
	}
	_, out, _ := run(t, db, "po", "list", "--json")
	if !strings.Contains(out, `"qty": 3,
        "unit_cost_cents": 410`) {
		t.Errorf("after edit:\n%s", out)
	}
	code, out, stderr := run(t, db, "draft", "move", "PO-000001", "--sku", "A-1", "--order", "M-0002", "--to", "birch & co")
	if code != cli.ExitOK || !strings.Contains(out, "moved from PO-000001 to PO-000002 (Birch & Co)") {
		t.Fatalf("move: exit %d %q %q", code, out, stderr)
	}
	code, out, stderr = run(t, db, "draft", "remove", "PO-000001", "--sku", "MUG-1")
	if code != cli.ExitOK || !strings.Contains(out, "back to be bought") {
		t.Fatalf("remove: exit %d %q %q", code, out, stderr)
	}
	if orders := ordersJSON(t, db); orders[0]["lines"].([]any)[0].(map[string]any)["state"] != "unpurchased" {
		t.Errorf("the removed line's order: %v", orders[0])
	}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"draft", "edit", "PO-000002", "--sku", "MUG-1", "--order", "M-0002", "--qty", "0"}, cli.ExitBadInput},
		{[]string{"draft", "edit", "PO-000002", "--sku", "MUG-1", "--order", "M-0002", "--cost", "free"}, cli.ExitBadInput},
		{[]string{"draft", "edit", "PO-000002", "--sku", "LAMP-1", "--qty", "1"}, cli.ExitBadInput},
		{[]string{"draft", "move", "PO-000002", "--sku", "MUG-1", "--order", "M-0002", "--to", "Nobody"}, cli.ExitBadInput},
		{[]string{"draft", "move", "PO-000002", "--sku", "MUG-1", "--order", "M-0002"}, cli.ExitUsage},
		{[]string{"draft", "remove", "PO-000002", "--sku", "MUG-1", "--qty", "1"}, cli.ExitUsage},
	} {
		if code, _, stderr := run(t, db, tc.args...); code != tc.code {
			t.Errorf("%v: exit %d %q, want %d", tc.args, code, stderr, tc.code)
		}
	}
	run(t, db, "po", "send", "PO-000002", "--out", t.TempDir()+"/po.pdf")
	if code, _, stderr := run(t, db, "draft", "edit", "PO-000002", "--sku", "MUG-1", "--order", "M-0002", "--qty", "2"); code != cli.ExitBadInput || !strings.Contains(stderr, "locked") {
		t.Errorf("edit of a sent PO: exit %d %q", code, stderr)
	}
}
