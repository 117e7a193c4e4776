package views

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"
)

// shipOrder stores order number as shipped the day before: each (sku, qty) bought from the
// supplier on a received PO, the lines shipped. It returns the order.
func shipOrder(t *testing.T, a *app.App, supplier string, number string, items map[string]int) data.Order {
	t.Helper()
	db := apptest.DB(t, a)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var s data.Supplier
	if err := db.Where("name = ?", supplier).First(&s).Error; err != nil {
		s = data.Supplier{Name: supplier, Status: data.SupplierActive, QuotedLeadDays: 3}
		must(a.SaveSupplier(&s))
	}
	in := app.OrderInput{Channel: data.ChannelShopify, Number: number, PlacedAt: apptest.Now.Add(-96 * time.Hour), Customer: "Zoë Łódź"}
	for _, sku := range []string{"MUG-1", "TOW-1"} {
		if q := items[sku]; q > 0 {
			var n int64
			db.Model(&data.Product{}).Where("sku = ?", sku).Count(&n)
			if n == 0 {
				must(a.SaveProduct(&data.Product{SKU: sku, Title: "Item " + sku, Price: 1500, Active: true}))
			}
			in.Lines = append(in.Lines, app.LineInput{SKU: sku, Title: "Item " + sku, Qty: q, UnitPrice: 1500})
		}
	}
	o, err := a.AddOrder(in)
	must(err)
	shipped := apptest.Now.Add(-24 * time.Hour)
	po := data.PurchaseOrder{Number: "PO-" + number[1:], SupplierID: s.ID, Status: data.POReceived, SentAt: &shipped}
	for i := range o.Lines {
		l := o.Lines[i]
		po.Lines = append(po.Lines, data.POLine{OrderLineID: &o.Lines[i].ID, SKU: l.SKU, Qty: l.Qty, QtyAccepted: l.Qty})
	}
	must(db.Create(&po).Error)
	must(db.Model(&data.OrderLine{}).Where("order_id = ?", o.ID).Update("state", data.LineShipped).Error)
	must(db.Model(&data.Order{}).Where("id = ?", o.ID).Updates(map[string]any{"status": data.OrderShipped, "shipped_at": shipped}).Error)
	return o
}

// returnsOf shows the Returns screen and returns it.
func returnsOf(t *testing.T, s *shell) *returns {
	t.Helper()
	s.navigate(screenReturns)
	for _, sc := range s.screens {
		if r, ok := sc.view.(*returns); ok {
			return r
		}
	}
	t.Fatal("no Returns screen")
	return nil
}

// startReturnOf finds the order on the Orders screen and taps Start a return… on it.
func startReturnOf(t *testing.T, s *shell, number string) *startReturn {
	t.Helper()
	o := ordersOf(t, s)
	o.reload()
	test.Type(o.search, number)
	o.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(button(t, o.detail.actions, "Start a return…"))
	return o.detail.returning
}

func TestStartAReturnFromTheOrder(t *testing.T) {
	s, a, _ := newTestShell(t)
	shipOrder(t, a, "Atlas", "#1001", map[string]int{"MUG-1": 3, "TOW-1": 1})
	sr := startReturnOf(t, s, "1001")
	if sr == nil || len(sr.lines) != 2 || sr.lines[0].qty.PlaceHolder != "0–3" {
		t.Fatalf("the dialog offers %+v", sr)
	}
	if !strings.HasSuffix(sr.window.Text, ", yesterday: within the 30-day return window.") || sr.window.Importance == widget.WarningImportance {
		t.Errorf("window line %q, want a quiet 'yesterday: within the 30-day return window'", sr.window.Text)
	}
	test.Type(sr.lines[0].qty, "4")
	sr.lines[0].reason.SetSelected("Defective")
	test.Tap(overlayButton(t, s, "Open return"))
	if !strings.Contains(sr.problems.Text, "at most 3 can come back") {
		t.Fatalf("too many: %q", sr.problems.Text)
	}
	sr.lines[0].qty.SetText("2")
	sr.lines[1].qty.SetText("1")
	test.Tap(overlayButton(t, s, "Open return"))
	if !strings.Contains(sr.problems.Text, "TOW-1: choose why") {
		t.Fatalf("no reason: %q", sr.problems.Text)
	}
	sr.lines[1].qty.SetText("")
	test.Type(sr.comment, "Der Henkel ist ab")
	test.Tap(overlayButton(t, s, "Open return"))
	if sr.problems.Text != "" {
		t.Fatalf("refused: %q", sr.problems.Text)
	}
	r := returnsOf(t, s)
	if !strings.HasPrefix(r.detail.heading.Text, "RMA-0001 · Requested · order #1001 · Zoë Łódź") {
		t.Errorf("the Returns screen shows %q", r.detail.heading.Text)
	}
	if r.detail.comment.Text != "Der Henkel ist ab" || len(r.detail.rows) != 1 || r.detail.rows[0].fault.Selected != "Supplier" {
		t.Errorf("detail: comment %q, %d lines", r.detail.comment.Text, len(r.detail.rows))
	}
	if !labelTexts(r.detail.lines)["Atlas · PO-1001"] {
		t.Errorf("the line is not traced to Atlas: %v", labelTexts(r.detail.lines))
	}
	if list, _ := a.FindOrders(app.OrderQuery{Search: "1001"}); list.Rows[0].Status != data.OrderPartiallyReturned {
		t.Errorf("order is %s", list.Rows[0].Status)
	}
	// The order's detail lists its return, which opens on the Returns screen.
	r.detail.current = nil
	o := ordersOf(t, s)
	test.Tap(button(t, o.detail.returns, "RMA-0001 · Requested · decide · 2 units"))
	if r.detail.current == nil || r.detail.current.Number != "RMA-0001" {
		t.Error("the order's return button did not open the return")
	}
}

func TestReturnReceiveDecideAndClose(t *testing.T) {
	s, a, _ := newTestShell(t)
	o := shipOrder(t, a, "Atlas", "#1001", map[string]int{"MUG-1": 2})
	ret, err := a.OpenReturn(app.ReturnInput{OrderID: o.ID, Lines: []app.ReturnLineInput{{OrderLineID: o.Lines[0].ID, Qty: 1, Reason: data.ReasonChangedMind}}})
	if err != nil {
		t.Fatal(err)
	}
	r := returnsOf(t, s)
	if r.count.Text != "1 return" {
		t.Fatalf("list says %q", r.count.Text)
	}
	r.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	d := r.detail
	if d.current == nil || d.current.ID != ret.ID {
		t.Fatal("selecting the row did not show the return")
	}
	if d.rows[0].fault.Selected != "Customer" {
		t.Errorf("changed mind blames %q", d.rows[0].fault.Selected)
	}
	d.rows[0].reason.SetSelected("Wrong item sent")
	if d.rows[0].fault.Selected != "Supplier" {
		t.Errorf("after choosing wrong item sent the fault is %q, want it to follow the reason", d.rows[0].fault.Selected)
	}
	test.Tap(d.close)
	test.Tap(overlayButton(t, s, "Close return"))
	if !strings.Contains(d.message.Text, "MUG-1: choose what happens") || !strings.Contains(d.message.Text, "mark the goods received first") {
		t.Errorf("closing too early says %q", d.message.Text)
	}
	test.Tap(d.receive)
	if !strings.HasPrefix(d.heading.Text, "RMA-0001 · Received") || !d.receive.Disabled() {
		t.Errorf("after receiving: %q", d.heading.Text)
	}
	d.rows[0].disposition.SetSelected("Replace (buy again)")
	test.Tap(d.close) // it asks first: "Not yet" leaves it open
	test.Tap(overlayButton(t, s, "Not yet"))
	if strings.HasPrefix(d.heading.Text, "RMA-0001 · Closed") {
		t.Fatal("Not yet closed the return")
	}
	test.Tap(d.close)
	test.Tap(overlayButton(t, s, "Close return"))
	if !strings.Contains(d.message.Text, "1 replacement goes through purchasing again") {
		t.Errorf("closing says %q", d.message.Text)
	}
	if !strings.Contains(d.sub.Text, "The replacement of MUG-1 is unpurchased.") {
		t.Errorf("the closed return does not say where the replacement stands: %q", d.sub.Text)
	}
	if !strings.HasPrefix(d.heading.Text, "RMA-0001 · Closed") || !d.rows[0].disposition.Disabled() || !d.close.Disabled() {
		t.Errorf("a closed return is still editable: %q", d.heading.Text)
	}
	saved, _ := a.ReturnDetail(ret.ID)
	if saved.Lines[0].Reason != data.ReasonWrongItemSent || saved.Lines[0].Disposition != data.DispositionReplace || saved.Lines[0].Replacement != data.LineUnpurchased {
		t.Errorf("stored line %+v", saved.Lines[0])
	}
	if !strings.HasPrefix(r.count.Text, "No returns to handle") {
		t.Errorf("the To handle list still says %q", r.count.Text)
	}
	r.filter.SetSelected("All returns")
	if got := cellTextOf(r.list, 0, "Status"); got != "Closed" {
		t.Errorf("all returns shows %q", got)
	}
}

func TestReturnInsightsPanel(t *testing.T) {
	s, a, _ := newTestShell(t)
	for i, sup := range []string{"Flint Ltd", "Flint Ltd", "Atlas"} {
		o := shipOrder(t, a, sup, []string{"#1001", "#1002", "#1003"}[i], map[string]int{"MUG-1": 1, "TOW-1": 1})
		reason := data.ReasonDefective
		if sup == "Atlas" {
			reason = data.ReasonChangedMind
		}
		_, err := a.OpenReturn(app.ReturnInput{OrderID: o.ID, Comment: "Hält nicht dicht", Lines: []app.ReturnLineInput{{OrderLineID: o.Lines[0].ID, Qty: 1, Reason: reason}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	r := returnsOf(t, s)
	r.tabs.SelectIndex(1)
	in := r.insights
	if !strings.HasPrefix(in.headline.Text, "3 returns opened") || !strings.Contains(in.headline.Text, "3 units back of 6 shipped (50.0 %)") {
		t.Errorf("headline %q", in.headline.Text)
	}
	worst := labelTexts(in.worst)
	found := false
	for text := range worst {
		found = found || strings.HasPrefix(text, "Most trouble from a supplier: Flint Ltd — 2 units back through its fault, 50.0 % of what it delivered, mostly defective.")
	}
	if !found {
		t.Errorf("callouts %v", worst)
	}
	if !labelTexts(in.sections)["RMA-0003: “Hält nicht dicht”"] {
		t.Errorf("no customer words in the sections: %v", labelTexts(in.sections))
	}
	// Export to Excel writes the period shown to the file chosen.
	path := filepath.Join(t.TempDir(), "returns.xlsx")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	in.exportTo(w, in.period)
	if in.status.Text != "returns.xlsx is ready: Summary, Reasons, Products, Suppliers and Comments." {
		t.Errorf("after exporting: %q", in.status.Text)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got, _ := x.GetCellValue("Suppliers", "A4"); got != "Flint Ltd" {
		t.Errorf("the workbook's worst supplier is %q", got)
	}
	in.picker.SetSelected(periodCustom)
	in.from.SetText("2020-01-01")
	in.to.SetText("2020-01-31")
	test.Tap(button(t, in.root, "Show"))
	if !strings.HasPrefix(in.headline.Text, "No returns were opened") {
		t.Errorf("an empty period says %q", in.headline.Text)
	}
}

// cellTextOf is what a paged table shows in a cell of the column titled title.
func cellTextOf[T any](l *pagedTable[T], row int, title string) string {
	for _, c := range l.cols {
		if c.title == title {
			if r, ok := l.row(row); ok {
				return c.text(r)
			}
		}
	}
	return ""
}

// TestStartAReturnSaysTheReturnWindow: 40 days after shipping (shipOrder ships a day before
// the clock) the dialog warns that the shop's 30-day return window has closed, and the
// return can still be opened.
func TestStartAReturnSaysTheReturnWindow(t *testing.T) {
	s, a, clock := newTestShell(t)
	shipOrder(t, a, "Atlas", "#1001", map[string]int{"MUG-1": 3})
	clock.Advance(39 * 24 * time.Hour)
	sr := startReturnOf(t, s, "1001")
	if sr == nil {
		t.Fatal("no dialog")
	}
	want := "40 days ago: outside the 30-day return window. You can still open the return."
	if !strings.HasPrefix(sr.window.Text, "Shipped ") || !strings.HasSuffix(sr.window.Text, want) || sr.window.Importance != widget.WarningImportance {
		t.Errorf("window line %q (importance %v), want a warning ending %q", sr.window.Text, sr.window.Importance, want)
	}
	test.Type(sr.lines[0].qty, "1")
	sr.lines[0].reason.SetSelected("Defective")
	test.Tap(overlayButton(t, s, "Open return"))
	if sr.problems.Text != "" {
		t.Fatalf("refused: %q", sr.problems.Text)
	}
	if r := returnsOf(t, s); !strings.HasPrefix(r.detail.heading.Text, "RMA-0001") {
		t.Errorf("the Returns screen shows %q", r.detail.heading.Text)
	}
}
