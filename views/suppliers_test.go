package views

import (
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func suppliersOf(s *shell) *suppliers {
	s.navigate(screenSuppliers)
	return s.screens[1].view.(*suppliers)
}

func typeInto(e interface {
	fyne.Focusable
	SetText(string)
}, text string) {
	e.SetText("")
	test.Type(e, text)
}

// labelsUnder lists the text of every label a user sees under root.
func labelsUnder(root fyne.CanvasObject) string {
	var out []string
	for _, o := range test.LaidOutObjects(root) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}

func rowNames(v *suppliers) []string {
	var out []string
	for _, r := range v.list.pages[0] {
		out = append(out, r.Name)
	}
	return out
}

func TestSuppliersEmptyStateSaysWhatToDo(t *testing.T) {
	s, _, _ := newTestShell(t)
	v := suppliersOf(s)
	if got := labelsUnder(v.empty); !strings.Contains(got, "No suppliers yet") {
		t.Errorf("empty list says %q", got)
	}
	if !buttonTexts(v.empty)["New supplier"] || !buttonTexts(v.empty)["Import a price list…"] {
		t.Error("the empty list offers no next step")
	}
	if got := labelsUnder(v.detail.content()); !strings.Contains(got, "Select a supplier") {
		t.Errorf("empty detail says %q", got)
	}
}

// TestCreateSupplierAndAnswerTheChecklist taps through what a shop owner does with a new
// supplier: type its details (seeing mistakes as they type), save, answer the checklist.
func TestCreateSupplierAndAnswerTheChecklist(t *testing.T) {
	s, a, _ := newTestShell(t)
	v := suppliersOf(s)
	test.Tap(button(t, v.root, "New supplier"))
	f := v.detail.form
	typeInto(f.byKey["name"].entry, "Nordlicht Trading")
	typeInto(f.byKey["email"].entry, "orders at nordlicht")
	typeInto(f.byKey["quoted lead days"].entry, "two")
	if msg := f.byKey["email"].msg; !msg.Visible() || !strings.Contains(msg.Text, "not an e-mail address") {
		t.Errorf("e-mail problem shown as typed: %q (visible %v)", msg.Text, msg.Visible())
	}
	if msg := f.byKey["quoted lead days"].msg; !strings.Contains(msg.Text, "not a whole number") {
		t.Errorf("lead days problem: %q", msg.Text)
	}
	test.Tap(v.detail.save)
	if n, _ := a.CountSuppliers(app.SupplierQuery{}); n != 0 || !strings.Contains(v.detail.status.Text, "Not saved") {
		t.Fatalf("a form with mistakes was saved (%d suppliers, status %q)", n, v.detail.status.Text)
	}
	typeInto(f.byKey["email"].entry, "orders@nordlicht.example")
	typeInto(f.byKey["quoted lead days"].entry, "3")
	if f.byKey["email"].msg.Visible() || f.byKey["quoted lead days"].msg.Visible() {
		t.Error("fixed fields still show problems")
	}
	test.Tap(v.detail.save)
	saved, err := a.SupplierByName("Nordlicht Trading")
	if err != nil || saved.QuotedLeadDays != 3 || saved.Status != data.SupplierProspect {
		t.Fatalf("saved supplier %+v (%v)", saved, err)
	}
	if v.list.count != 1 || v.detail.title.Text != "Nordlicht Trading" || v.unsavedChanges() != "" {
		t.Errorf("after saving: %d rows, title %q, unsaved %q", v.list.count, v.detail.title.Text, v.unsavedChanges())
	}

	v.detail.tabs.SelectIndex(1)
	f.answers[0].SetSelected(answerYes)
	typeInto(f.vetNotes[0], "E-mail, phone and a portal; all answered within a day")
	f.answers[7].SetSelected(answerNo)
	if f.vetCount.Text != "1 of 8 answered yes" || !strings.Contains(v.unsavedChanges(), "Nordlicht Trading") {
		t.Errorf("while answering: count %q, unsaved %q", f.vetCount.Text, v.unsavedChanges())
	}
	test.Tap(v.detail.save)
	saved, _ = a.Supplier(saved.ID)
	if saved.Vetting.Reachable != data.AnswerYes || saved.Vetting.FacilitiesSeen != data.AnswerNo || !strings.Contains(saved.Vetting.ReachableNote, "portal") {
		t.Errorf("stored vetting %+v", saved.Vetting)
	}
	if rows := v.list.pages[0]; len(rows) != 1 || rows[0].VettingYes != 1 {
		t.Errorf("list rows %+v, want 1/8 yes", rows)
	}
	if !strings.Contains(v.detail.subtitle.Text, "vetting 1/8") {
		t.Errorf("heading %q", v.detail.subtitle.Text)
	}
}

func TestSuppliersSortSearchAndFilter(t *testing.T) {
	s, a, _ := newTestShell(t)
	for _, sup := range []data.Supplier{
		{Name: "Atlas", Status: data.SupplierActive, QuotedLeadDays: 5},
		{Name: "Birch", Status: data.SupplierBlocked, QuotedLeadDays: 1},
		{Name: "Copper", Status: data.SupplierProspect, QuotedLeadDays: 9},
	} {
		if err := a.SaveSupplier(&sup); err != nil {
			t.Fatal(err)
		}
	}
	v := suppliersOf(s)
	if got := strings.Join(rowNames(v), ","); got != "Atlas,Birch,Copper" {
		t.Errorf("by name: %s", got)
	}
	if got := v.list.cols[6].text(v.list.pages[0][0]); got != "–" {
		t.Errorf("standing of a supplier without deliveries: %q", got)
	}
	v.list.sortBy("lead")
	v.list.sortBy("lead") // a second tap reverses
	if got := strings.Join(rowNames(v), ","); got != "Copper,Atlas,Birch" {
		t.Errorf("by lead days, longest first: %s", got)
	}
	typeInto(v.search, "tla")
	if got := strings.Join(rowNames(v), ","); got != "Atlas" || v.count.Text != "1 supplier" {
		t.Errorf("search: %s (%s)", got, v.count.Text)
	}
	typeInto(v.search, "")
	v.status.SetSelected("blocked")
	if got := strings.Join(rowNames(v), ","); got != "Birch" {
		t.Errorf("blocked only: %s", got)
	}
	typeInto(v.search, "zzz")
	if got := labelsUnder(v.empty); !strings.Contains(got, "No supplier matches") {
		t.Errorf("no match says %q", got)
	}
}

func TestDeletingASupplierOnAPurchaseOrderOffersToBlockIt(t *testing.T) {
	s, a, _ := newTestShell(t)
	sup := data.Supplier{Name: "Used Ltd", Status: data.SupplierActive}
	if err := a.SaveSupplier(&sup); err != nil {
		t.Fatal(err)
	}
	db, err := data.Open(a.Path()) // purchase orders have no use case here yet: write one as another process would
	if err != nil {
		t.Fatal(err)
	}
	defer data.Close(db)
	if err := db.Create(&data.PurchaseOrder{Number: "PO-000001", SupplierID: sup.ID, Status: data.POSent}).Error; err != nil {
		t.Fatal(err)
	}
	v := suppliersOf(s)
	v.list.onCellSelected(widget.TableCellID{Row: 0, Col: 0})
	if v.detail.form.loaded.ID != sup.ID {
		t.Fatal("selecting the row did not open the supplier")
	}
	v.detail.deleteNow(v.detail.form.loaded)
	if !strings.Contains(v.detail.status.Text, "1 purchase order") || len(s.win.Canvas().Overlays().List()) == 0 {
		t.Fatalf("refusal: status %q, %d dialogs", v.detail.status.Text, len(s.win.Canvas().Overlays().List()))
	}
	v.detail.block(sup.ID)
	got, _ := a.Supplier(sup.ID)
	if got.Status != data.SupplierBlocked || !strings.Contains(v.detail.status.Text, "Blocked") {
		t.Errorf("after blocking: %s, status %q", got.Status, v.detail.status.Text)
	}
}

func TestContactLog(t *testing.T) {
	s, a, _ := newTestShell(t)
	sup := data.Supplier{Name: "Heron Imports"}
	if err := a.SaveSupplier(&sup); err != nil {
		t.Fatal(err)
	}
	v := suppliersOf(s)
	v.list.onCellSelected(widget.TableCellID{Row: 0, Col: 0})
	l := v.detail.log
	typeInto(l.day.day, "2026-04-01")
	if !strings.Contains(l.day.msg.Text, "future") {
		t.Errorf("a future date says %q", l.day.msg.Text)
	}
	typeInto(l.day.day, "2026-03-10")
	l.kind.SetSelected("Issue")
	l.channel.SetText("email")
	typeInto(l.text.entry, "Two mugs arrived chipped; they will send replacements.")
	if !strings.Contains(v.unsavedChanges(), "typed but not added") {
		t.Errorf("a typed entry is not reported: %q", v.unsavedChanges())
	}
	test.Tap(l.add)
	evs, _ := a.SupplierEvents(sup.ID, 0, 10)
	if len(evs) != 1 || evs[0].Kind != data.EventIssue || evs[0].Channel != "email" || !strings.Contains(labelsUnder(l.entries), "chipped") {
		t.Fatalf("log %+v; shown %q", evs, labelsUnder(l.entries))
	}
	if !strings.Contains(labelsUnder(l.entries), "Tue 10 Mar 12:00 · Issue · email") || l.text.entry.Text != "" {
		t.Errorf("entry heading %q; form text %q", labelsUnder(l.entries), l.text.entry.Text)
	}
}

func TestSelectingAnotherSupplierKeepsEditsUntilConfirmed(t *testing.T) {
	s, a, _ := newTestShell(t)
	for _, n := range []string{"Atlas", "Birch"} {
		sup := data.Supplier{Name: n}
		if err := a.SaveSupplier(&sup); err != nil {
			t.Fatal(err)
		}
	}
	v := suppliersOf(s)
	v.list.onCellSelected(widget.TableCellID{Row: 0, Col: 0})
	typeInto(v.detail.form.byKey["phone"].entry, "+49 30 555")
	v.list.onCellSelected(widget.TableCellID{Row: 1, Col: 0})
	if v.detail.form.loaded.Name != "Atlas" || v.detail.form.byKey["phone"].entry.Text != "+49 30 555" {
		t.Error("the edits were dropped without asking")
	}
	if len(s.win.Canvas().Overlays().List()) == 0 {
		t.Error("no question asked")
	}
	s.navigate(screenToday)
	s.navigate(screenSuppliers)
	if v.detail.form.byKey["phone"].entry.Text != "+49 30 555" {
		t.Error("moving to another screen lost the typing")
	}
}
