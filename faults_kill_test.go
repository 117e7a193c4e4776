package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKills kills the real binary (SIGKILL) at random moments of import, purchase, receive
// and po send, -faults times each: after every kill check is clean, the action is all there
// or all absent, and a retry succeeds. Run with: go test -tags migrated_fynedo -run TestKills -faults 20 .
func TestKills(t *testing.T) {
	if *faults == 0 {
		t.Skip("needs -faults N")
	}
	s := newFaultShop(t)
	file := orderFile(t, s.base, "K", 1500)
	imported := s.copyOf(t, s.base, "imported.db")
	importTime := s.timed(t, imported, "import", "orders", file)
	planned := s.copyOf(t, imported, "planned.db")
	purchaseTime := s.timed(t, planned, "purchase")
	unplanned := count(t, planned, "SELECT COUNT(*) FROM order_lines WHERE state = 'unpurchased'")
	poLines := count(t, planned, "SELECT COUNT(*) FROM po_lines")
	recv := first(t, s.base, "SELECT number FROM purchase_orders WHERE status = 'sent' ORDER BY id LIMIT 1")
	draft := first(t, planned, "SELECT number FROM purchase_orders WHERE status = 'draft' ORDER BY id LIMIT 1")
	receiveTime := s.timed(t, s.copyOf(t, s.base, "r0.db"), "receive", recv, "--all")
	sendTime := s.timed(t, s.copyOf(t, planned, "s0.db"), "po", "send", draft, "--out", filepath.Join(t.TempDir(), "p.pdf"))
	t.Logf("clean runs: import %v, purchase %v, receive %v, po send %v", importTime, purchaseTime, receiveTime, sendTime)
	tally := map[string][2]int{} // action → kills that left it absent, present
	note := func(action string, present bool) {
		c := tally[action]
		if present {
			c[1]++
		} else {
			c[0]++
		}
		tally[action] = c
	}
	for i := 0; i < *faults; i++ {
		db := s.copyOf(t, s.base, "import.db")
		s.killed(db, importTime*6/5, "import", "orders", file)
		s.checked(t, db, "import")
		n := count(t, db, "SELECT COUNT(*) FROM orders WHERE number LIKE 'K-%'")
		if n != 0 && n != 1500 {
			t.Fatalf("import killed: %d of 1500 orders stored", n)
		}
		note("import", n == 1500)
		s.must(t, db, "import", "orders", file)
		if n := count(t, db, "SELECT COUNT(*) FROM orders WHERE number LIKE 'K-%'"); n != 1500 {
			t.Fatalf("import retried: %d orders", n)
		}

		db = s.copyOf(t, imported, "purchase.db")
		before := count(t, db, "SELECT COUNT(*) FROM order_lines WHERE state = 'unpurchased'")
		s.killed(db, purchaseTime*6/5, "purchase")
		s.checked(t, db, "purchase")
		left, lines := count(t, db, "SELECT COUNT(*) FROM order_lines WHERE state = 'unpurchased'"), count(t, db, "SELECT COUNT(*) FROM po_lines")
		if !(left == before || left == unplanned && lines == poLines) {
			t.Fatalf("purchase killed: %d unpurchased lines and %d PO lines; want %d, or %d and %d", left, lines, before, unplanned, poLines)
		}
		note("purchase", left == unplanned)
		s.must(t, db, "purchase")
		if left := count(t, db, "SELECT COUNT(*) FROM order_lines WHERE state = 'unpurchased'"); left != unplanned {
			t.Fatalf("purchase retried: %d unpurchased lines, want %d", left, unplanned)
		}

		db = s.copyOf(t, s.base, "receive.db")
		s.killed(db, receiveTime*6/5, "receive", recv, "--all")
		s.checked(t, db, "receive")
		receipts := count(t, db, "SELECT COUNT(*) FROM receipts WHERE purchase_order_id = (SELECT id FROM purchase_orders WHERE number = '"+recv+"')")
		received := count(t, db, "SELECT COUNT(*) FROM purchase_orders WHERE number = '"+recv+"' AND status = 'received'")
		if receipts != received {
			t.Fatalf("receive killed: %d receipts, PO received: %d", receipts, received)
		}
		note("receive", received == 1)
		if received == 0 {
			s.must(t, db, "receive", recv, "--all")
		}

		db = s.copyOf(t, planned, "send.db")
		pdf := filepath.Join(t.TempDir(), "po.pdf")
		s.killed(db, sendTime*6/5, "po", "send", draft, "--out", pdf)
		s.checked(t, db, "po send")
		sent := count(t, db, "SELECT COUNT(*) FROM purchase_orders WHERE number = '"+draft+"' AND status = 'sent'")
		if raw, err := os.ReadFile(pdf); err == nil && !strings.Contains(string(raw[max(0, len(raw)-64):]), "%%EOF") {
			t.Fatalf("po send killed: a PDF of %d bytes without its end", len(raw))
		}
		note("po send", sent == 1)
		if sent == 1 {
			s.must(t, db, "po", "pdf", draft, "--out", pdf) // the PDF can always be had
		} else {
			s.must(t, db, "po", "send", draft, "--out", pdf)
		}
		if raw, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(raw), "%PDF") {
			t.Fatalf("po send retried: no PDF (%v)", err)
		}
		if entries, _ := os.ReadDir(filepath.Dir(pdf)); len(entries) != 1 {
			t.Errorf("po send retried: %d files beside the PDF's, want the PDF alone", len(entries)-1)
		}
	}
	for _, a := range []string{"import", "purchase", "receive", "po send"} {
		t.Logf("%-8s %d kills: %d left nothing, %d left it whole; check clean and the retry succeeded each time", a, *faults, tally[a][0], tally[a][1])
	}
}
