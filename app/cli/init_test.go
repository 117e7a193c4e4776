package cli_test

import (
	"clockwork/app/apptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app/cli"
)

func TestInitMakesAnEmptyShopOnlyWhereNothingIs(t *testing.T) {
	apptest.SQLiteOnly(t, "a new database file and its folder")
	db := filepath.Join(t.TempDir(), "new", "shop.db")
	code, out, stderr := run(t, db, "init")
	if code != cli.ExitOK || !strings.Contains(out, "new empty shop at "+db) {
		t.Fatalf("init: exit %d %q %q", code, out, stderr)
	}
	if _, out, _ := run(t, db, "orders", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("a new shop has orders: %s", out)
	}
	before, _ := os.ReadFile(db)
	code, _, stderr = run(t, db, "init")
	if code != cli.ExitBadInput || !strings.Contains(stderr, "a file is already there") || !strings.Contains(stderr, db) {
		t.Errorf("init over a shop: exit %d %q", code, stderr)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("a refused init changed the file")
	}
	other := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(other, []byte("mine"), 0o600)
	if code, _, _ := run(t, other, "init"); code != cli.ExitBadInput {
		t.Errorf("init over a text file: exit %d", code)
	}
	if b, _ := os.ReadFile(other); string(b) != "mine" {
		t.Errorf("init changed an unrelated file: %q", b)
	}
}

func TestHelpListsTheNewCommands(t *testing.T) {
	_, out, _ := run(t, "", "help")
	for _, want := range []string{"init", "supplier", "product", "offer", "order", "cards", "restore"} {
		if !strings.Contains(out, "\n  "+want+" ") {
			t.Errorf("help lacks %q", want)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "         ") { // a continued synopsis or summary
			t.Errorf("help spreads a command over more than one line: %q", line)
		}
	}
	_, out, _ = run(t, "", "help", "return")
	if !strings.Contains(out, "receive RMA") || !strings.Contains(out, "close RMA") || !strings.Contains(out, "-disposition") {
		t.Errorf("help return:\n%s", out)
	}
	_, out, _ = run(t, "", "cards", "-h")
	if !strings.Contains(out, "-ready") || !strings.Contains(out, "-out") {
		t.Errorf("cards -h:\n%s", out)
	}
}

func TestShopWeights(t *testing.T) {
	db := apptest.Location(t, filepath.Join(t.TempDir(), "shop.db"))
	run(t, db, "init")
	code, out, stderr := run(t, db, "shop", "--weight", "otif=40", "--weight", "price=5", "--json")
	if code != cli.ExitOK || !strings.Contains(out, `"otif": 40`) || !strings.Contains(out, `"price": 5`) {
		t.Fatalf("shop --weight: exit %d %s %s", code, out, stderr)
	}
	for _, args := range [][]string{
		{"shop", "--weight", "otif=50"}, {"shop", "--weight", "charm=10"}, {"shop", "--weight", "otif=lots"},
	} {
		code, _, stderr := run(t, db, args...)
		if code != cli.ExitBadInput || !strings.Contains(stderr, "weight") {
			t.Errorf("%v: exit %d %q", args, code, stderr)
		}
	}
	if _, out, _ := run(t, db, "shop", "--json"); !strings.Contains(out, `"otif": 40`) {
		t.Errorf("a refused weight was saved: %s", out)
	}
	preview := filepath.Join(t.TempDir(), "sample.pdf")
	if code, _, stderr := run(t, db, "shop", "--name", "Linden & Loom", "--preview", preview); code != cli.ExitOK {
		t.Fatalf("shop --preview: exit %d %q", code, stderr)
	}
	if b, err := os.ReadFile(preview); err != nil || !strings.HasPrefix(string(b), "%PDF") || len(b) < 1000 {
		t.Errorf("the sample slip: %v, %d bytes", err, len(b))
	}
}

func TestReturnReceiveAndClose(t *testing.T) {
	db := shippedShop(t)
	if code, _, stderr := run(t, db, "return", "#1001", "--line", "MUG-1=2:defective", "--line", "TOW-1=1:changed_mind", "--at", "2026-03-12"); code != 0 {
		t.Fatalf("return: %d %s", code, stderr)
	}
	code, _, stderr := run(t, db, "return", "close", "RMA-0001", "--line", "MUG-1=refund", "--line", "TOW-1=discard")
	if code != cli.ExitBadInput || !strings.Contains(stderr, "mark the goods received first") {
		t.Errorf("close before receive: exit %d %q", code, stderr)
	}
	if _, out, _ := run(t, db, "returns", "--json"); strings.Contains(out, "refund") || strings.Contains(out, "discard") {
		t.Errorf("a refused close kept its dispositions:\n%s", out)
	}
	if code, _, stderr := run(t, db, "return", "receive", "rma-0001", "--at", "2026-03-13"); code != cli.ExitOK {
		t.Fatalf("receive: %d %s", code, stderr)
	}
	for _, tc := range []struct{ args []string }{
		{[]string{"return", "close", "RMA-0001", "--line", "MUG-1=refund"}},   // TOW-1 undecided
		{[]string{"return", "close", "RMA-0001", "--line", "LAMP-1=refund"}},  // not on the return
		{[]string{"return", "close", "RMA-0001", "--disposition", "burn"}},    // no such disposition
		{[]string{"return", "close", "RMA-0009", "--disposition", "refund"}},  // no such return
		{[]string{"return", "close", "RMA-0001", "--line", "MUG-1=1:refund"}}, // the open syntax
	} {
		if code, _, stderr := run(t, db, tc.args...); code != cli.ExitBadInput {
			t.Errorf("%v: exit %d %q", tc.args, code, stderr)
		}
	}
	code, out, stderr := run(t, db, "return", "close", "RMA-0001", "--line", "MUG-1=keep_as_stock", "--disposition", "discard")
	if code != cli.ExitOK || !strings.Contains(out, "RMA-0001 closed") || !strings.Contains(out, "2 units kept as stock") {
		t.Fatalf("close: exit %d %q %q", code, out, stderr)
	}
	_, out, _ = run(t, db, "returns", "--json")
	if !strings.Contains(out, `"status": "closed"`) || !strings.Contains(out, `"disposition": "discard"`) || !strings.Contains(out, `"disposition": "keep_as_stock"`) {
		t.Errorf("returns after close:\n%s", out)
	}
}

func TestReturnEdit(t *testing.T) {
	db := shippedShop(t)
	if code, _, stderr := run(t, db, "return", "#1001", "--line", "MUG-1=1:defective", "--comment", "cracked", "--at", "2026-03-12"); code != 0 {
		t.Fatalf("return: %d %s", code, stderr)
	}
	_, before, _ := run(t, db, "returns", "--json")
	for _, args := range [][]string{
		{"return", "edit", "RMA-0001", "--line", "MUG-1=broken"},
		{"return", "edit", "RMA-0001", "--line", "MUG-1=damaged_in_transit/postman"},
		{"return", "edit", "RMA-0001", "--line", "LAMP-1=other"},
		{"return", "edit", "RMA-0001", "--disposition", "sell"},
		{"return", "edit", "RMA-0001", "--line", "MUG-1"},
	} {
		if code, _, stderr := run(t, db, args...); code != cli.ExitBadInput {
			t.Errorf("%v: exit %d %q", args, code, stderr)
		}
	}
	if _, after, _ := run(t, db, "returns", "--json"); after != before {
		t.Errorf("bad edits changed the return:\n%s", after)
	}
	code, _, stderr := run(t, db, "return", "edit", "RMA-0001", "--line", "MUG-1=damaged_in_transit", "--disposition", "replace", "--comment", "box crushed")
	if code != cli.ExitOK {
		t.Fatalf("edit: exit %d %q", code, stderr)
	}
	_, out, _ := run(t, db, "returns", "--json")
	for _, want := range []string{`"reason": "damaged_in_transit"`, `"fault": "carrier"`, `"disposition": "replace"`, `"comment": "box crushed"`} {
		if !strings.Contains(out, want) {
			t.Errorf("after edit, returns lack %s:\n%s", want, out)
		}
	}
	if code, _, _ := run(t, db, "return", "receive", "RMA-0001", "--comment", "x"); code != cli.ExitUsage {
		t.Errorf("--comment on receive: exit %d", code)
	}
}

func TestEveryCommandExplainsItself(t *testing.T) {
	_, out, _ := run(t, "", "help")
	n := 0
	for _, line := range strings.Split(out, "\n") {
		fields := strings.Fields(line)
		if !strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "   ") || len(fields) < 2 {
			continue
		}
		n++
		code, usage, stderr := run(t, "", fields[0], "-h")
		if code != cli.ExitOK || !strings.HasPrefix(usage, "usage: clockwork "+fields[0]) || stderr != "" {
			t.Errorf("%s -h: exit %d %q %q", fields[0], code, usage, stderr)
		}
	}
	if n < 25 {
		t.Errorf("help lists %d commands:\n%s", n, out)
	}
}
