package views

import (
	"io"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/app/importfile"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// pressKey types a key on the window, as the keyboard would with a dialog open.
func pressKey(s *shell, k fyne.KeyName) {
	s.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k})
}

// overlayText is every label's text in the dialog on top, to read what it says.
func overlayText(t *testing.T, s *shell) string {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

func TestOrdersImportPreviewsBeforeWriting(t *testing.T) {
	s, a, _ := newTestShell(t)
	o := ordersOf(t, s)
	handFile(o, "woocommerce-orders-webtoffee-sample.csv", fileOpener(apptest.Fixture(t, "woocommerce-orders-webtoffee-sample.csv")))
	// The shop is in EUR, the export in USD: without a rate every order is a problem.
	test.Tap(button(t, o.content(), "Import orders…"))
	if len(o.imp.problems) != 3 || o.imp.problems[0].Line != 2 || o.imp.problems[0].Field != "order_currency" ||
		!strings.Contains(o.imp.problems[0].Message, "in USD but the shop's currency is EUR") || !o.imp.primary.Disabled() {
		t.Fatalf("problems %v, Import disabled %v", o.imp.problems, o.imp.primary.Disabled())
	}
	if rows := shownRows(o.imp.rows); len(rows) != 3 || !strings.Contains(rows[0], "problem: line 2, order_currency: order 1001 is in USD") {
		t.Errorf("every order a problem: the rows say\n%s", strings.Join(rows, "\n"))
	}
	pressKey(s, fyne.KeyEscape)
	if err := a.SetRates(app.Rate{Currency: "USD", Micros: 920000}); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, o.content(), "Import orders…"))
	if n, _ := a.CountOrders(app.OrderQuery{}); n != 0 {
		t.Fatalf("the preview stored %d orders", n)
	}
	text := overlayText(t, s)
	for _, want := range []string{"read as WooCommerce", "Nothing is written until you press Import", "1 new, to buy",
		"1 new but not paid yet: held", "1 skipped: the shop fulfilled them", "in another currency, converted at your rate"} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview does not say %q:\n%s", want, text)
		}
	}
	if o.imp.primary.Text != "Import" || o.imp.primary.Disabled() {
		t.Fatalf("main button %q disabled %v", o.imp.primary.Text, o.imp.primary.Disabled())
	}
	pressKey(s, fyne.KeyReturn) // Enter presses Import
	if !strings.HasPrefix(o.imp.result, "2 orders imported (1 held until paid") {
		t.Fatalf("result %q", o.imp.result)
	}
	if n, _ := a.CountOrders(app.OrderQuery{}); n != 2 {
		t.Errorf("%d orders stored, want the 2 the preview showed", n)
	}
}

func TestOrdersImportProblemsThenTheValidOnes(t *testing.T) {
	s, a, _ := newTestShell(t)
	o := ordersOf(t, s)
	bad := genericCSV + "G-3,2026-02-30 09:00,Bo,bo@example.com,MUG-1,Mug,1,14.90,Bo,St 3,,Berlin,,10115,DE,,\n"
	handFile(o, "orders.csv", textOpener(bad))
	test.Tap(button(t, o.content(), "Import orders…"))
	if len(o.imp.problems) != 1 || o.imp.problems[0].Line != 4 || o.imp.problems[0].File != "orders.csv" || o.imp.problems[0].Field == "" {
		t.Fatalf("problems %v, want line 4 of orders.csv with its column", o.imp.problems)
	}
	if !strings.Contains(overlayText(t, s), "1 order with problems: left out") || o.pager.count() != 0 {
		t.Errorf("the preview:\n%s", overlayText(t, s))
	}
	if rows := shownRows(o.imp.rows); len(rows) != 3 || !strings.HasPrefix(rows[2], "4 | G-3 |  |  |  |  | problem: line 4, placed_at: \"2026-02-30 09:00\" is not a real date") {
		t.Errorf("the preview's rows:\n%s", strings.Join(rows, "\n"))
	}
	if o.imp.primary.Text != "Import the 2 valid orders" || o.imp.primary.Disabled() {
		t.Fatalf("main button %q (disabled %v)", o.imp.primary.Text, o.imp.primary.Disabled())
	}
	test.Tap(o.imp.primary)
	if !strings.HasPrefix(o.imp.result, "2 orders imported") || o.count.Text != "2 orders" {
		t.Errorf("after importing the valid ones: %q, list %q", o.imp.result, o.count.Text)
	}
	if n, _ := a.CountOrders(app.OrderQuery{}); n != 2 {
		t.Errorf("%d orders stored, want 2", n)
	}
	// The same file again: its valid orders are all here, so there is nothing to import.
	test.Tap(overlayButton(t, s, "OK"))
	test.Tap(button(t, o.content(), "Import orders…"))
	if o.imp.primary.Text != "Import" || !o.imp.primary.Disabled() || !strings.Contains(overlayText(t, s), "2 already here and unchanged") {
		t.Errorf("a second import offers %q (disabled %v):\n%s", o.imp.primary.Text, o.imp.primary.Disabled(), overlayText(t, s))
	}
	pressKey(s, fyne.KeyEscape)
	if o.imp.result != "Nothing was imported from orders.csv." {
		t.Errorf("Esc: %q", o.imp.result)
	}
}

// cancellingReader cancels the import as soon as the file is read.
type cancellingReader struct {
	r      io.Reader
	cancel func()
}

func (c cancellingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if err == io.EOF {
		c.cancel()
	}
	return n, err
}

func TestOrdersImportCancel(t *testing.T) {
	s, a, _ := newTestShell(t)
	o := ordersOf(t, s)
	handFile(o, "orders.csv", func() (io.ReadCloser, error) {
		return io.NopCloser(cancellingReader{strings.NewReader(genericCSV), func() { test.Tap(overlayButton(t, s, "Cancel")) }}), nil
	})
	test.Tap(button(t, o.content(), "Import orders…"))
	if o.imp.result != "Nothing was imported from orders.csv." {
		t.Errorf("result %q", o.imp.result)
	}
	if n, _ := a.CountOrders(app.OrderQuery{}); n != 0 {
		t.Errorf("a cancelled import stored %d orders", n)
	}
}

// shopExport is an export of a layout Clockwork does not know.
const shopExport = "Bestellnr;Datum;Kunde;Artikel;Bezeichnung;Menge;Preis\n" +
	"B-100;2026-03-01 10:00;Zoë Łódź;MUG-1;Becher;2;14,90\n" +
	"B-100;2026-03-01 10:00;Zoë Łódź;CUP-2;Tasse;1;9,50\n" +
	"B-101;2026-03-02 09:30;Ana Díaz;MUG-1;Becher;1;14,90\n"

func TestOrdersImportMappingStepRemembered(t *testing.T) {
	s, a, _ := newTestShell(t)
	o := ordersOf(t, s)
	handFile(o, "bestellungen.csv", textOpener(shopExport))
	test.Tap(button(t, o.content(), "Import orders…"))
	m := o.imp.mapper
	if m == nil {
		t.Fatalf("no mapping step for an unknown layout:\n%s", overlayText(t, s))
	}
	if o.imp.primary.Text != "Preview import" || !o.imp.primary.Disabled() || !strings.Contains(m.note.Text, "Still to choose: Order number") {
		t.Errorf("before mapping: %q disabled %v, note %q", o.imp.primary.Text, o.imp.primary.Disabled(), m.note.Text)
	}
	for field, col := range map[string]string{"order_number": "Bestellnr", "placed_at": "Datum", "customer_name": "Kunde",
		"sku": "Artikel", "title": "Bezeichnung", "qty": "Menge", "unit_price": "Preis"} {
		m.choice[importfileField(field)].SetSelected(col)
	}
	if o.imp.primary.Disabled() || len(m.shown.rows) != 3 {
		t.Fatalf("mapped: button disabled %v, %d preview rows, note %q", o.imp.primary.Disabled(), len(m.shown.rows), m.note.Text)
	}
	if got := strings.Join(m.shown.rows[1], "|"); got != "3|B-100|2026-03-01 10:00|Zoë Łódź|CUP-2|Tasse|1|9.50 |to buy" {
		t.Errorf("second preview row %q", got)
	}
	test.Tap(o.imp.primary) // Preview import
	if !strings.Contains(overlayText(t, s), "read as your column map") || !strings.Contains(overlayText(t, s), "2 new, to buy") {
		t.Fatalf("preview through the map:\n%s", overlayText(t, s))
	}
	test.Tap(o.imp.primary) // Import
	if n, _ := a.CountOrders(app.OrderQuery{}); n != 2 {
		t.Fatalf("%d orders stored, want 2 (%q)", n, o.imp.result)
	}
	test.Tap(overlayButton(t, s, "OK"))
	// The next export of the same shape: straight to the preview, through the saved map.
	next := shopExport + "B-102;2026-03-03 08:00;Bo;CUP-2;Tasse;4;9,50\n"
	handFile(o, "bestellungen-2.csv", textOpener(next))
	test.Tap(button(t, o.content(), "Import orders…"))
	text := overlayText(t, s)
	if o.imp.mapper != nil || !strings.Contains(text, "the column map saved for this layout") || !strings.Contains(text, "1 new, to buy") ||
		!strings.Contains(text, "2 already here") {
		t.Fatalf("the same layout again:\n%s", text)
	}
	test.Tap(o.imp.primary)
	if n, _ := a.CountOrders(app.OrderQuery{}); n != 3 {
		t.Errorf("%d orders stored, want 3", n)
	}
}

func importfileField(name string) importfile.Field { return importfile.Field(name) }

func TestOrdersImportRefusesAPriceList(t *testing.T) {
	s, a, _ := newTestShell(t)
	o := ordersOf(t, s)
	handFile(o, "PL_6xxxxx.csv", fileOpener(apptest.Fixture(t, "supplier-ingram-micro-pricelist.csv")))
	test.Tap(button(t, o.content(), "Import orders…"))
	if o.imp.mapper != nil || !o.imp.primary.Disabled() {
		t.Fatalf("a price list was offered a mapping step or Import (mapping %v)", o.imp.mapper != nil)
	}
	if len(o.imp.problems) != 1 || o.imp.problems[0].Line != 1 || !strings.Contains(o.imp.problems[0].Message, "supplier catalog") {
		t.Errorf("problems %v, want one on the header line saying it is a supplier catalog", o.imp.problems)
	}
	if n, _ := a.CountOrders(app.OrderQuery{}); n != 0 {
		t.Errorf("%d orders stored", n)
	}
}
