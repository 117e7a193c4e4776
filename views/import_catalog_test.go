package views

import (
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/importfile"

	"fyne.io/fyne/v2"
)

// previewText is what the preview table shows for a row in the column titled title.
func previewText(r app.CatalogImportRow, title string) string {
	for _, c := range previewColumns {
		if c.title == title {
			return c.text(r)
		}
	}
	return "no column " + title
}

// gartenList is a price list whose headers Clockwork does not know.
const gartenList = "Code;Kurztext;Netto EUR;Menge frei;Karton\nK-1;Gartenschere;7,80;12;24\nK-2;Gießkanne;4,10;-1;6\n"

func TestImportPriceListMappingStepRemembered(t *testing.T) {
	s, a, _ := newTestShell(t)
	ci := newCatalogImport(a, s.win, inline, "Gartenhof", func(string) {})
	ci.show()
	if err := ci.load("garten.csv", strings.NewReader(gartenList)); err != nil {
		t.Fatal(err)
	}
	m := ci.mapper
	if m == nil || !strings.Contains(ci.summary.Text, "does not know this price list's columns") {
		t.Fatalf("no mapping step for an unknown layout: %q", ci.summary.Text)
	}
	if !ci.preview.Disabled() || !strings.Contains(m.note.Text, "Still to choose: SKU") {
		t.Errorf("Preview enabled %v before the SKU column is chosen; note %q", !ci.preview.Disabled(), m.note.Text)
	}
	for f, col := range map[string]string{"sku": "Code", "title": "Kurztext", "unit_cost": "Netto EUR", "available_qty": "Menge frei", "carton_qty": "Karton"} {
		m.choice[importfile.Field(f)].SetSelected(col)
	}
	if ci.preview.Disabled() || len(m.shown.rows) != 2 {
		t.Fatalf("mapped: Preview disabled %v, %d rows, note %q", ci.preview.Disabled(), len(m.shown.rows), m.note.Text)
	}
	if got := strings.Join(m.shown.rows[1], "|"); got != "3|K-2|K-2|Gießkanne|4.10|–|0|–|–|–|6" {
		t.Errorf("second row as it would import: %q", got)
	}
	pressKey(s, fyne.KeyReturn) // Preview
	if ci.mapper != nil || len(ci.result.Rows) != 2 || ci.importAll.Disabled() || !strings.Contains(ci.summary.Text, "1 warning") {
		t.Fatalf("after Preview: %d rows, Import disabled %v, %q", len(ci.result.Rows), ci.importAll.Disabled(), ci.summary.Text)
	}
	if d := ci.result.Rows[1].Detail; !strings.Contains(d, "Menge frei: stock -1 read as 0") {
		t.Errorf("the negative stock row says %q", d)
	}
	if n, _ := a.CountProducts(app.ProductQuery{}); n != 0 {
		t.Fatal("the preview wrote")
	}
	pressKey(s, fyne.KeyReturn) // Import
	if n, _ := a.CountProducts(app.ProductQuery{}); n != 2 {
		t.Fatalf("%d products after Import, want 2", n)
	}
	// The next list of the same shape goes straight to the preview.
	again := newCatalogImport(a, s.win, inline, "Gartenhof", func(string) {})
	if err := again.load("garten-2.csv", strings.NewReader(strings.Replace(gartenList, "7,80", "8,20", 1))); err != nil {
		t.Fatal(err)
	}
	if again.mapper != nil || !again.result.SavedMap || again.result.CostChanges != 1 || again.importAll.Disabled() {
		t.Errorf("the same shape again: mapping %v, saved map %v, %q", again.mapper != nil, again.result.SavedMap, again.summary.Text)
	}
}
