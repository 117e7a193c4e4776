package views

import (
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func spec(order, sku string, qty int) apptest.POLineSpec {
	return apptest.POLineSpec{Order: order, SKU: sku, Qty: qty, DaysAgo: 3}
}

func viewOf[T any](s *shell, title string) T {
	s.navigate(title)
	for _, sc := range s.screens {
		if sc.title == title {
			return sc.view.(T)
		}
	}
	panic("no screen " + title)
}

func TestReceivingScanFillsOldestOrderAndSaysWhatIsReady(t *testing.T) {
	s, a, _ := newTestShell(t)
	apptest.MakeSentPO(t, a, "Acme", spec("#1001", "BET-100", 2), spec("#1002", "BET-100", 1), spec("#1002", "CUP-7", 1))
	apptest.MakeSentPO(t, a, "Bolt", spec("#1003", "MUG-2", 1))
	r := viewOf[*receiving](s, screenReceiving)
	if r.list.count != 2 {
		t.Fatalf("%d POs listed, want 2", r.list.count)
	}
	test.Type(r.search, "S-BET-100")
	r.search.OnSubmitted(r.search.Text)
	if r.list.count != 1 || r.form.po.Number != "PO-000001" || len(r.form.rows) != 2 {
		t.Fatalf("after scanning the box: %d listed, form on %q with %d rows", r.list.count, r.form.po.Number, len(r.form.rows))
	}
	for range 3 {
		test.Type(r.form.scan, "s-bet-100")
		r.form.scan.OnSubmitted(r.form.scan.Text)
	}
	cup := r.form.rows[1]
	if r.form.rows[0].acc.Text != "3" || cup.sku != "CUP-7" {
		t.Fatalf("three scans counted %q on %s", r.form.rows[0].acc.Text, r.form.rows[0].sku)
	}
	test.Type(cup.rej, "1")
	test.Tap(r.form.save)
	if !strings.Contains(r.form.problem.Text, "say why 1 were rejected") {
		t.Errorf("rejected without a reason: problem %q", r.form.problem.Text)
	}
	cup.reason.SetSelected("damaged")
	test.Tap(r.form.save)
	if got := r.form.result.Text; got != "PO-000001: Ready to pack: #1001 · still owed: 1 × CUP-7" {
		t.Errorf("result %q", got)
	}
	if !r.form.toPack.Visible() {
		t.Fatal("no way to Pack & ship after orders became ready")
	}
	test.Tap(r.form.toPack)
	if s.body.Objects[0] != s.screens[6].obj {
		t.Error("Pack & ship did not open")
	}
}

func TestReceivingAllArrivedAndBadNumbers(t *testing.T) {
	s, a, clock := newTestShell(t)
	po := apptest.MakeSentPO(t, a, "Acme", spec("#1001", "BET-100", 2))
	r := viewOf[*receiving](s, screenReceiving)
	r.list.onSelect(mustRow(t, r))
	r.form.mode.SetSelected(perLine)
	test.Type(r.form.rows[0].acc, "two")
	test.Tap(r.form.save)
	if !strings.Contains(r.form.problem.Text, `"two" is not a whole number`) {
		t.Errorf("problem %q", r.form.problem.Text)
	}
	r.form.date.SetText(string(data.DayOf(clock.T, a.Location()).AddDays(1)))
	test.Tap(r.form.all)
	if !strings.Contains(r.form.problem.Text, "in the future") {
		t.Errorf("a delivery tomorrow: problem %q", r.form.problem.Text)
	}
	r.form.date.SetText(string(a.Today()))
	test.Tap(r.form.all)
	if got := r.form.result.Text; got != po.Number+": Ready to pack: #1001 · "+po.Number+" received in full" {
		t.Errorf("result %q", got)
	}
	if r.list.count != 0 {
		t.Errorf("%d POs still listed after the last one arrived in full", r.list.count)
	}
}

func mustRow(t *testing.T, r *receiving) app.ReceivingPO {
	t.Helper()
	row, ok := r.list.row(0)
	if !ok {
		t.Fatal("no first row")
	}
	return row
}

// A search that leaves the open PO out of the list clears the form, so no count is typed
// against a PO the list no longer shows; counts already typed keep it until saved.
func TestReceivingFormClearsWhenASearchLeavesItsPO(t *testing.T) {
	s, a, _ := newTestShell(t)
	first := apptest.MakeSentPO(t, a, "Acme", spec("#1001", "BET-100", 2))
	apptest.MakeSentPO(t, a, "Bolt", spec("#1002", "CUP-7", 1))
	r := viewOf[*receiving](s, screenReceiving)
	test.Type(r.search, first.Number)
	r.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if !r.form.pane.showing() || !strings.Contains(r.form.heading.Text, first.Number) {
		t.Fatalf("the form shows %q", r.form.heading.Text)
	}
	r.search.SetText("Bolt")
	if r.form.pane.showing() || r.form.po.ID != 0 {
		t.Errorf("a search without %s still shows its form (%q)", first.Number, r.form.heading.Text)
	}

	r.search.SetText(first.Number)
	r.list.table.Unselect(widget.TableCellID{Row: 0, Col: 0})
	r.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	r.form.mode.SetSelected(perLine)
	test.Type(r.form.rows[0].acc, "1")
	r.search.SetText("Bolt")
	if !r.form.pane.showing() || r.form.po.ID != first.ID {
		t.Error("a search cleared a form with a count typed in it")
	}
}
