package views

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/reports"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"
)

// scorecardsOf opens a shell over a shop with a synthetic year of purchasing (8 suppliers,
// up to 12 March 2026, which is today) and shows the Scorecards screen.
func scorecardsOf(t *testing.T) (*scorecards, *app.App) {
	t.Helper()
	test.NewTempApp(t)
	path := apptest.Location(t, filepath.Join(t.TempDir(), "shop.db"))
	if _, err := apptest.WriteHistory(path, apptest.HistoryOptions{Suppliers: 8, Lines: 1500, End: "2026-03-12", Seed: 5}); err != nil {
		t.Fatal(err)
	}
	a, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	a = a.WithClock(func() time.Time { return time.Date(2026, 3, 12, 17, 0, 0, 0, time.UTC) })
	shop, _ := a.Shop()
	shop.TimeZone = "UTC"
	if err := a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	s := newShell(fyne.CurrentApp(), a, inline)
	s.win.Resize(fyne.NewSize(1240, 780))
	t.Cleanup(s.win.Close)
	s.navigate(screenScores)
	return s.screens[8].view.(*scorecards), a
}

func TestScorecardsShowEverySupplierBestFirst(t *testing.T) {
	v, _ := scorecardsOf(t)
	if v.picker.Selected != period12Months || v.period != app.LastMonths("2026-03-12", 12) {
		t.Errorf("opens on %q, %+v; want the last 12 months", v.picker.Selected, v.period)
	}
	if len(v.cards) != 8 || !strings.Contains(v.status.Text, "8 suppliers") {
		t.Fatalf("%d suppliers shown, status %q", len(v.cards), v.status.Text)
	}
	for i := 1; i < len(v.cards); i++ {
		a, b := v.cards[i-1].Score, v.cards[i].Score
		if b != nil && (a == nil || *a < *b) {
			t.Errorf("row %d (%s) scores above row %d (%s)", i+1, numText(b, 1), i, numText(a, 1))
		}
	}
	// The table draws the best supplier's name, and its standing in words on its colour.
	names := map[string]bool{}
	for _, o := range test.LaidOutObjects(v.table) {
		if l, ok := o.(*widget.Label); ok {
			names[l.Text] = true
		}
	}
	best := v.cards[0]
	if !names[best.Supplier] {
		t.Errorf("the table does not show %s: %v", best.Supplier, names)
	}
	cell := v.table.CreateCell()
	v.table.UpdateCell(widget.TableCellID{Row: 0, Col: standingColumn}, cell)
	objs := cell.(*fyne.Container).Objects
	label, bg := objs[1].(*widget.Label), objs[0].(*canvas.Rectangle)
	if label.Text != best.Standing.Label() || bg.FillColor != tint(standingColor(best.Standing), 0x40) {
		t.Errorf("standing cell %q on %v, want %q in its colour", label.Text, bg.FillColor, best.Standing.Label())
	}
}

func TestScorecardsPeriodPicker(t *testing.T) {
	v, _ := scorecardsOf(t)
	v.picker.SetSelected(period3Months)
	if v.period != (app.Period{From: "2025-12-13", To: "2026-03-13"}) || !strings.Contains(v.status.Text, "13 Dec 2025 – 12 Mar 2026") {
		t.Errorf("last 3 months: %+v, %q", v.period, v.status.Text)
	}
	v.picker.SetSelected(periodThisMonth)
	if v.period != (app.Period{From: "2026-03-01", To: "2026-03-13"}) {
		t.Errorf("this month: %+v", v.period)
	}
	v.picker.SetSelected(periodCustom)
	if !v.custom.Visible() {
		t.Fatal("custom dates are not offered")
	}
	v.from.SetText("")
	test.Type(v.from, "2026-02-31")
	v.to.SetText("")
	test.Type(v.to, "2026-02-28")
	test.Tap(button(t, v.custom, "Show"))
	if !strings.Contains(v.status.Text, `"2026-02-31" is not a date`) || v.period.From != "2026-03-01" {
		t.Errorf("an impossible date: status %q, period %+v", v.status.Text, v.period)
	}
	v.from.SetText("2026-02-01")
	test.Tap(button(t, v.custom, "Show"))
	if v.period != (app.Period{From: "2026-02-01", To: "2026-03-01"}) || !strings.Contains(v.status.Text, "1 Feb 2026 – 28 Feb 2026") {
		t.Errorf("February: %+v, %q", v.period, v.status.Text)
	}
}

func TestScorecardsSortByTappingAHeader(t *testing.T) {
	v, _ := scorecardsOf(t)
	v.table.Resize(fyne.NewSize(1200, 400))
	header := button(t, v.table, "Lines due")
	test.Tap(header)
	for i := 1; i < len(v.cards); i++ {
		if v.cards[i-1].LinesDue < v.cards[i].LinesDue {
			t.Fatalf("after sorting by lines due, row %d has %d and row %d has %d", i, v.cards[i-1].LinesDue, i+1, v.cards[i].LinesDue)
		}
	}
	test.Tap(button(t, v.table, "Lines due ▼"))
	if first, last := v.cards[0].LinesDue, v.cards[len(v.cards)-1].LinesDue; first > last {
		t.Errorf("tapping again did not reverse: %d … %d", first, last)
	}
	test.Tap(button(t, v.table, "Supplier"))
	if strings.ToLower(v.cards[0].Supplier) > strings.ToLower(v.cards[1].Supplier) {
		t.Errorf("by name: %s before %s", v.cards[0].Supplier, v.cards[1].Supplier)
	}
}

func TestScorecardsDrillDown(t *testing.T) {
	v, _ := scorecardsOf(t)
	// The supplier with the most lines missed has something in every list.
	row := 0
	for i, c := range v.cards {
		if c.LinesDue-c.OTIFLines > v.cards[row].LinesDue-v.cards[row].OTIFLines {
			row = i
		}
	}
	c := v.cards[row]
	v.table.Select(widget.TableCellID{Row: row, Col: 0})
	d := v.detail
	if d.showing != c.SupplierID || !strings.HasPrefix(d.title.Text, c.Supplier+" — "+c.Standing.Label()) {
		t.Fatalf("drill-down shows %q, want %s", d.title.Text, c.Supplier)
	}
	if len(d.chart.months) != 13 || len(d.chart.points) == 0 {
		t.Errorf("trend: %d months, %d with lines", len(d.chart.months), len(d.chart.points))
	}
	missed := c.LinesDue - c.OTIFLines
	if len(d.missed.rows) != min(missed, detailLimit) || !strings.Contains(d.tabs.Items[1].Text, fmt.Sprintf("(%d)", missed)) {
		t.Errorf("%d late or short lines listed, tab %q; want %d", len(d.missed.rows), d.tabs.Items[1].Text, missed)
	}
	if len(d.contacts.rows) == 0 {
		t.Error("the contact log is empty")
	}
	if !strings.Contains(d.criteria.Text, "On time in full") || !strings.Contains(d.criteria.Text, "weight 35") {
		t.Errorf("criteria: %q", d.criteria.Text)
	}
	// Another period keeps the supplier selected and shows its drill-down for that period.
	v.picker.SetSelected(period3Months)
	if d.showing != c.SupplierID || len(d.chart.months) != 4 {
		t.Errorf("after changing the period: showing %d, %d months", d.showing, len(d.chart.months))
	}
}

func TestScorecardsExportWritesTheWorkbook(t *testing.T) {
	v, _ := scorecardsOf(t)
	path := filepath.Join(t.TempDir(), "scores.xlsx")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	v.exportTo(w, v.period)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("the exported file does not open: %v", err)
	}
	defer f.Close()
	if name, _ := f.GetCellValue(reports.SheetSummary, "A4"); name != v.cards[0].Supplier {
		t.Errorf("the workbook's best supplier is %q, the screen's %q", name, v.cards[0].Supplier)
	}
	overlays := v.win.Canvas().Overlays().List()
	if len(overlays) == 0 {
		t.Fatal("no dialog after the export")
	}
	got := buttonTexts(overlays[len(overlays)-1])
	if !got["Open"] || !got["Show in folder"] {
		t.Errorf("the finished export offers %v, want Open and Show in folder", got)
	}
}

// TestScorecardsOnANewShop: with no suppliers the screen says where to start.
func TestScorecardsOnANewShop(t *testing.T) {
	s, _, _ := newTestShell(t)
	s.navigate(screenScores)
	v := s.screens[8].view.(*scorecards)
	if len(v.cards) != 0 || !strings.HasPrefix(v.status.Text, "No suppliers yet. Add them on the Suppliers screen") {
		t.Errorf("%d cards, status %q", len(v.cards), v.status.Text)
	}
}
