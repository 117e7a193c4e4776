package cli_test

import (
	"encoding/json"
	"strings"
	"testing"

	"clockwork/app/cli"
)

// supplierDoc runs `supplier show NAME --json` and decodes it.
func supplierDoc(t *testing.T, db, name string) map[string]any {
	t.Helper()
	code, out, stderr := run(t, db, "supplier", "show", name, "--json")
	if code != cli.ExitOK {
		t.Fatalf("supplier show %s: exit %d %s", name, code, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("supplier show --json: %v\n%s", err, out)
	}
	return doc
}

func TestSupplierVettedAndActivatedByCommands(t *testing.T) {
	db := newShop(t)
	if code, _, stderr := run(t, db, "supplier", "add", "Nordic Felt", "--email", "orders@nordicfelt.test",
		"--lead-days", "4", "--vet", "reachable=yes:answers within a day", "--vet", "sla=no"); code != cli.ExitOK {
		t.Fatalf("supplier add: exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, db, "supplier", "edit", "nordic felt", "--status", "active", "--cutoff", "14:00",
		"--vet", "sla=yes:signed 2026-11-02", "--contact", "Åsa Lind"); code != cli.ExitOK {
		t.Fatalf("supplier edit: exit %d %s", code, stderr)
	}
	doc := supplierDoc(t, db, "Nordic Felt")
	if doc["status"] != "active" || doc["vetting_yes"] != 2.0 || doc["order_cutoff"] != "14:00" || doc["contact_person"] != "Åsa Lind" {
		t.Errorf("after edit: %v", doc)
	}
	vet := doc["vetting"].([]any)
	if sla := vet[3].(map[string]any); sla["key"] != "sla" || sla["answer"] != "yes" || sla["note"] != "signed 2026-11-02" {
		t.Errorf("sla answer: %v", sla)
	}
	if first := vet[0].(map[string]any); first["note"] != "answers within a day" {
		t.Errorf("an edit lost the note of another answer: %v", first)
	}
	_, out, _ := run(t, db, "suppliers", "--json")
	if !strings.Contains(out, `"status": "active"`) || !strings.Contains(out, `"vetting_yes": 2`) {
		t.Errorf("suppliers --json:\n%s", out)
	}
}

func TestSupplierBadInputWritesNothing(t *testing.T) {
	db := newShop(t)
	if code, _, stderr := run(t, db, "supplier", "add", "Acme"); code != cli.ExitOK {
		t.Fatalf("supplier add: %d %s", code, stderr)
	}
	before := supplierDoc(t, db, "Acme")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"supplier", "edit", "Acme", "--status", "friendly"}, cli.ExitBadInput, "status"},
		{[]string{"supplier", "edit", "Acme", "--lead-days", "soon"}, cli.ExitBadInput, "--lead-days"},
		{[]string{"supplier", "edit", "Acme", "--lead-days", "900"}, cli.ExitBadInput, "quoted lead days"},
		{[]string{"supplier", "edit", "Acme", "--email", "not an address"}, cli.ExitBadInput, "email"},
		{[]string{"supplier", "edit", "Acme", "--vet", "cleanliness=yes"}, cli.ExitBadInput, "--vet"},
		{[]string{"supplier", "edit", "Acme", "--vet", "sla=maybe"}, cli.ExitBadInput, "vetting"},
		{[]string{"supplier", "edit", "Acme", "--cutoff", "2pm"}, cli.ExitBadInput, "order cut-off"},
		{[]string{"supplier", "edit", "Nobody", "--status", "active"}, cli.ExitBadInput, "no supplier is named"},
		{[]string{"supplier", "add", "acme"}, cli.ExitBadInput, "already exists"},
		{[]string{"supplier", "contact", "Acme", "--kind", "gossip", "--text", "hi"}, cli.ExitBadInput, "kind"},
		{[]string{"supplier", "contact", "Acme", "--kind", "call"}, cli.ExitBadInput, "text"},
		{[]string{"supplier", "show", "Acme", "--status", "active"}, cli.ExitUsage, "does not go with supplier show"},
		{[]string{"supplier", "edit"}, cli.ExitUsage, "supplier name"},
		{[]string{"supplier", "add", "Acme 2", "--rename", "x"}, cli.ExitUsage, "--rename"},
	} {
		code, _, stderr := run(t, db, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 4 {
			t.Errorf("%v: exit %d, stderr %q; want %d naming %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
	after := supplierDoc(t, db, "Acme")
	if b, _ := json.Marshal(before); !jsonEqual(before, after) {
		t.Errorf("bad input changed the supplier: %s", b)
	}
	if _, out, _ := run(t, db, "supplier", "log", "Acme", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("bad input wrote to the log: %s", out)
	}
	if _, out, _ := run(t, db, "suppliers", "--json"); strings.Count(out, `"name"`) != 1 {
		t.Errorf("bad input added a supplier: %s", out)
	}
}

func TestSupplierContactLog(t *testing.T) {
	db := newShop(t)
	run(t, db, "supplier", "add", "Acme")
	if code, _, stderr := run(t, db, "supplier", "contact", "Acme", "--kind", "issue", "--channel", "phone",
		"--text", "two parcels crushed", "--at", "2026-03-02T10:00:00Z"); code != cli.ExitOK {
		t.Fatalf("contact: %d %s", code, stderr)
	}
	_, out, _ := run(t, db, "supplier", "log", "Acme", "--json")
	var log []map[string]any
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log) != 1 {
		t.Fatalf("log: %v %s", err, out)
	}
	if e := log[0]; e["at"] != "2026-03-02T10:00:00Z" || e["kind"] != "issue" || e["channel"] != "phone" || e["text"] != "two parcels crushed" {
		t.Errorf("log entry: %v", e)
	}
	if code, _, stderr := run(t, db, "supplier", "delete", "Acme"); code != cli.ExitOK {
		t.Errorf("delete: %d %s", code, stderr)
	}
	if code, _, _ := run(t, db, "supplier", "show", "Acme"); code != cli.ExitBadInput {
		t.Errorf("deleted supplier still shows: exit %d", code)
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
