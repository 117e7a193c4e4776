package views

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// ordersOf shows the Orders screen and returns it.
func ordersOf(t *testing.T, s *shell) *orders {
	t.Helper()
	s.navigate(screenOrders)
	for _, sc := range s.screens {
		if o, ok := sc.view.(*orders); ok {
			return o
		}
	}
	t.Fatal("no Orders screen")
	return nil
}

// handFile makes "Import orders…" take this file instead of asking with the file dialog.
func handFile(o *orders, name string, open func() (io.ReadCloser, error)) {
	o.imp.choose = func(done func(importSource)) { done(importSource{name: name, open: open}) }
}

func fileOpener(path string) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return os.Open(path) }
}

func textOpener(text string) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }
}

// cellText is what the list shows in a cell, rendered into a fresh template as the table does.
func cellText(o *orders, row, col int) string {
	cell := newTableCell()
	o.updateCell(widget.TableCellID{Row: row, Col: col}, cell)
	return cell.(*fyne.Container).Objects[1].(*widget.Label).Text
}

// column finds a list column by its title.
func column(t *testing.T, title string) int {
	t.Helper()
	for i, c := range orderColumns {
		if c.title == title {
			return i
		}
	}
	t.Fatalf("no column %q", title)
	return -1
}

// overlayButton finds a button in the dialog on top of the window.
func overlayButton(t *testing.T, s *shell, label string) *widget.Button {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to find %q in", label)
	}
	return button(t, top, label)
}

const genericCSV = "order_number,placed_at,customer_name,email,sku,title,qty,unit_price,ship_name,ship_address1,ship_address2,ship_city,ship_province,ship_zip,ship_country,ship_phone,note\n" +
	"G-1,2026-03-01 10:00,Zoë Łódź,zoe@example.com,MUG-1,Mug,2,14.90,Zoë Łódź,Main St 1,,Leipzig,,04229,DE,,\n" +
	"G-2,2026-03-02 11:00,Ana Díaz,ana@example.com,MUG-1,Mug,1,14.90,Ana Díaz,Calle 2,,Madrid,,28001,ES,,\n"

func TestTodayImportButtonOpensTheImport(t *testing.T) {
	s, _, _ := newTestShell(t)
	o := ordersOf(t, s)
	asked := false
	o.imp.choose = func(func(importSource)) { asked = true }
	s.navigate(screenToday)
	test.Tap(button(t, todayOf(s).welcome, "Import orders…"))
	if !asked {
		t.Error("the Today screen's Import orders… did not start the import")
	}
	if s.body.Objects[0] != s.screens[3].obj {
		t.Error("the window did not move to the Orders screen")
	}
}

// ordersShop is a shop with a product and four orders, one cancelled, one with an unknown SKU.
func ordersShop(t *testing.T) (*shell, *orders, *app.App) {
	s, a, clock := newTestShell(t)
	sup := data.Supplier{Name: "Atlas Trading", Status: data.SupplierActive, QuotedLeadDays: 3}
	if err := a.SaveSupplier(&sup); err != nil {
		t.Fatal(err)
	}
	p := data.Product{SKU: "MUG-1", Title: "Enamel Mug", Price: 1490, Active: true,
		Offers: []data.Offer{{SupplierID: sup.ID, UnitCost: 500, PackSize: 1, MinQty: 1, LeadDays: 2, Priority: 1, Active: true}}}
	if err := a.SaveProduct(&p); err != nil {
		t.Fatal(err)
	}
	for i, c := range []struct{ number, name, sku string }{
		{"#1001", "Zoë Łódź", "MUG-1"}, {"#1002", "Ana Díaz", "MUG-1"}, {"#1003", "Дмитрий Иванов", "OLD-9"}, {"#1004", "Bo Berg", "MUG-1"},
	} {
		_, err := a.AddOrder(app.OrderInput{Channel: data.ChannelShopify, Number: c.number, PlacedAt: clock.T.Add(-time.Duration(i) * time.Hour), Customer: c.name,
			Email: strings.ToLower(strings.TrimPrefix(c.number, "#")) + "@example.com", Lines: []app.LineInput{{SKU: c.sku, Title: "Mug", Qty: 1 + i, UnitPrice: 1490}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	o := ordersOf(t, s)
	list, _ := a.FindOrders(app.OrderQuery{Search: "#1004"})
	if _, err := a.CancelOrder(list.Rows[0].ID); err != nil {
		t.Fatal(err)
	}
	return s, o, a
}

func TestOrdersSearchFilterAndSort(t *testing.T) {
	_, o, _ := ordersShop(t)
	if o.count.Text != "4 orders" {
		t.Fatalf("list says %q", o.count.Text)
	}
	test.Type(o.search, "дмитрий")
	if o.count.Text != "1 order" || cellText(o, 0, column(t, "Number")) != "#1003" {
		t.Errorf("search дмитрий: %q, first %q", o.count.Text, cellText(o, 0, 0))
	}
	o.search.SetText("")
	o.filter.SetSelected("Cancelled")
	if o.count.Text != "1 order" || cellText(o, 0, column(t, "Status")) != "Cancelled" {
		t.Errorf("filter Cancelled: %q, %q", o.count.Text, cellText(o, 0, column(t, "Status")))
	}
	o.filter.SetSelected("Unknown SKU")
	if o.count.Text != "1 order" || cellText(o, 0, column(t, "Customer")) != "Дмитрий Иванов" {
		t.Errorf("filter Unknown SKU: %q", o.count.Text)
	}
	o.filter.SetSelected("All orders")
	header := headerButton(o.table.CreateHeader())
	o.updateHeader(widget.TableCellID{Row: -1, Col: column(t, "Items")}, header)
	test.Tap(header) // items, most first
	if got := cellText(o, 0, column(t, "Items")); got != "4" {
		t.Errorf("sorted by items: first row has %s items", got)
	}
	o.updateHeader(widget.TableCellID{Row: -1, Col: column(t, "Items")}, header)
	if header.Text != "Items ▼" {
		t.Errorf("header says %q", header.Text)
	}
	test.Tap(header) // the other way round
	if got := cellText(o, 0, column(t, "Items")); got != "1" {
		t.Errorf("sorted by items ascending: first row has %s items", got)
	}
}

func TestOrderDetailShowsTheTimeline(t *testing.T) {
	s, o, _ := ordersShop(t)
	test.Type(o.search, "1003")
	o.table.Select(widget.TableCellID{Row: 0, Col: 0})
	d := o.detail
	if !d.pane.showing() || !strings.HasPrefix(d.heading.Text, "Order #1003 · To purchase · ship by") {
		t.Fatalf("detail shows %q", d.heading.Text)
	}
	if len(d.steps.Objects) != 7 {
		t.Fatalf("%d timeline steps, want 7", len(d.steps.Objects))
	}
	texts := labelTexts(d.steps)
	for _, want := range []string{"Placed", "On a PO", "OLD-9 not in the catalog: map it to a product", "PO sent", "Acknowledged", "Received", "Packed", "Shipped"} {
		if !texts[want] {
			t.Errorf("timeline lacks %q", want)
		}
	}
	if !labelTexts(d.lines)["unknown SKU"] {
		t.Error("the line is not marked as an unknown SKU")
	}
	test.Tap(button(t, d.lines, "Map SKU…"))
	d.mapDialog.entry.SetText("MUG-1")
	test.Tap(overlayButton(t, s, "Link to product"))
	if !strings.Contains(d.lastInfo, "OLD-9 linked to MUG-1 on 1 order line") {
		t.Errorf("after mapping: %q", d.lastInfo)
	}
	if labelTexts(d.lines)["unknown SKU"] || !labelTexts(d.lines)["to purchase"] {
		t.Error("the line still shows as unknown after mapping")
	}
}

func TestOrderCancelFromTheDetail(t *testing.T) {
	s, o, a := ordersShop(t)
	test.Type(o.search, "1001")
	o.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(button(t, o.detail.actions, "Cancel order…"))
	test.Tap(overlayButton(t, s, "Keep it"))
	if list, _ := a.FindOrders(app.OrderQuery{Search: "1001"}); list.Rows[0].Status != data.OrderNew {
		t.Fatal("Keep it cancelled the order")
	}
	test.Tap(button(t, o.detail.actions, "Cancel order…"))
	test.Tap(overlayButton(t, s, "Cancel order"))
	if o.detail.lastInfo != "Order #1001 is cancelled." {
		t.Errorf("said %q", o.detail.lastInfo)
	}
	if !strings.Contains(o.detail.heading.Text, "Cancelled") || buttonTexts(o.detail.actions)["Cancel order…"] {
		t.Errorf("detail after cancelling: %q, actions %v", o.detail.heading.Text, buttonTexts(o.detail.actions))
	}
	if got := cellText(o, 0, column(t, "Status")); got != "Cancelled" {
		t.Errorf("list shows %q", got)
	}
}

// labelTexts lists the text of every label under root.
func labelTexts(root fyne.CanvasObject) map[string]bool {
	out := map[string]bool{}
	for _, obj := range test.LaidOutObjects(root) {
		if l, ok := obj.(*widget.Label); ok {
			out[l.Text] = true
		}
	}
	return out
}
