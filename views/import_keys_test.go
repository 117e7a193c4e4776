package views

import (
	"strings"
	"testing"

	"clockwork/app/importfile"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// typeOnFocused types k as the keyboard does: to the field with the focus.
func typeOnFocused(t *testing.T, s *shell, k fyne.KeyName) {
	t.Helper()
	f := s.win.Canvas().Focused()
	if f == nil {
		t.Fatal("no field has the focus")
	}
	f.TypedKey(&fyne.KeyEvent{Name: k})
}

func TestPriceListDialogEscWithFocusInAField(t *testing.T) {
	s, _, _ := newTestShell(t)
	open := func(supplier string) *catalogImport {
		ci := newCatalogImport(s.app, s.win, inline, supplier, func(string) {})
		if err := ci.read("garten.csv", strings.NewReader(gartenList)); err != nil {
			t.Fatal(err)
		}
		ci.show()
		return ci
	}
	// The supplier field has the focus when the dialog opens without one.
	ci := open("")
	if s.win.Canvas().Focused() != ci.supplier {
		t.Fatalf("focus on %T, want the supplier field", s.win.Canvas().Focused())
	}
	test.Type(ci.supplier, "Garten")
	typeOnFocused(t, s, fyne.KeyEscape)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc typed in the supplier field left the dialog open")
	}

	// In the mapping step, with the focus on a column choice.
	ci = open("Gartenhof")
	ci.begin()
	if ci.mapper == nil {
		t.Fatal("no mapping step for an unknown layout")
	}
	s.win.Canvas().Focus(ci.mapper.choice[importfile.Field("sku")])
	typeOnFocused(t, s, fyne.KeyEscape)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc typed on a column choice left the dialog open")
	}

	// In the preview, with the focus on the table of rows.
	ci = open("Gartenhof")
	ci.mapping = importfile.ColumnMap{"sku": "Code", "title": "Kurztext", "unit_cost": "Netto EUR"}
	ci.onPreview()
	if len(ci.result.Rows) != 2 {
		t.Fatalf("preview of %d rows, want 2: %q", len(ci.result.Rows), ci.summary.Text)
	}
	s.win.Canvas().Focus(ci.table)
	typeOnFocused(t, s, fyne.KeyEscape)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc typed on the preview table left the dialog open")
	}
}
