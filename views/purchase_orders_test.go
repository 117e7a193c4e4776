package views

import (
	"os"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// stockShop adds a supplier with two products on offer (mugs in packs of 4) and a second
// supplier for mugs, then orders #1 (2 mugs, 1 towel), #2 (1 mug) and #3 (an unknown SKU).
func stockShop(t *testing.T, a *app.App, placed time.Time) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	alpha := data.Supplier{Name: "Łódź Ceramics", Status: data.SupplierActive, QuotedLeadDays: 4, Email: "orders@lodz.example"}
	beta := data.Supplier{Name: "Nordlicht GmbH", Status: data.SupplierActive, QuotedLeadDays: 2}
	must(a.SaveSupplier(&alpha))
	must(a.SaveSupplier(&beta))
	mug := data.Product{SKU: "MUG-1", Title: "Enamel Mug", Price: 1490, Active: true}
	towel := data.Product{SKU: "TOWEL-1", Title: "Linen Towel", Price: 1990, Active: true}
	must(a.SaveProduct(&mug))
	must(a.SaveProduct(&towel))
	must(a.SaveOffer(&data.Offer{ProductID: mug.ID, SupplierID: alpha.ID, SupplierSKU: "LC-MUG", UnitCost: 450, PackSize: 4, MinQty: 1, LeadDays: 5, Priority: 1, Active: true}))
	must(a.SaveOffer(&data.Offer{ProductID: towel.ID, SupplierID: alpha.ID, SupplierSKU: "LC-TWL", UnitCost: 700, PackSize: 1, MinQty: 1, LeadDays: 3, Priority: 1, Active: true}))
	must(a.SaveOffer(&data.Offer{ProductID: mug.ID, SupplierID: beta.ID, SupplierSKU: "NL-MUG", UnitCost: 520, PackSize: 1, MinQty: 1, LeadDays: 2, Priority: 2, Active: true}))
	for i, lines := range [][]app.LineInput{
		{{SKU: "MUG-1", Title: "Enamel Mug", Qty: 2, UnitPrice: 1490}, {SKU: "TOWEL-1", Title: "Linen Towel", Qty: 1, UnitPrice: 1990}},
		{{SKU: "MUG-1", Title: "Enamel Mug", Qty: 1, UnitPrice: 1490}},
		{{SKU: "GHOST-9", Title: "Mystery", Qty: 1, UnitPrice: 990}},
	} {
		_, err := a.AddOrder(app.OrderInput{Channel: data.ChannelShopify, Number: "#" + string(rune('1'+i)), PlacedAt: placed.Add(time.Duration(i) * time.Minute),
			Customer: "Zoë Łódź", Lines: lines})
		must(err)
	}
}

func posOf(t *testing.T, s *shell) *purchaseOrders {
	t.Helper()
	s.navigate(screenPOs)
	for _, sc := range s.screens {
		if p, ok := sc.view.(*purchaseOrders); ok {
			return p
		}
	}
	t.Fatal("no Purchase orders screen")
	return nil
}

func TestPurchaseNowFromToday(t *testing.T) {
	s, a, clock := newTestShell(t)
	stockShop(t, a, clock.T.Add(-time.Hour))
	v := todayOf(s)
	v.refresh()
	if got := card(t, v, "Orders to purchase"); got != "3" {
		t.Fatalf("Today counts %s orders to purchase, want 3", got)
	}
	test.Tap(v.purchase)
	p := s.lastPreview
	if p == nil || len(p.plan.POs) != 1 || len(p.plan.Exceptions) != 1 {
		t.Fatalf("preview %+v", p)
	}
	for _, want := range []string{"3 order lines", "1 purchase order", "€25.00", "1 line cannot be bought"} {
		if !strings.Contains(p.summary.Text, want) {
			t.Errorf("preview summary %q lacks %q", p.summary.Text, want)
		}
	}
	if text, _ := p.poText(p.plan.POs[0]); !strings.Contains(text, "Łódź Ceramics") || !strings.Contains(text, "new draft") || !strings.Contains(text, "2026-03-17") {
		t.Errorf("planned PO reads %q", text)
	}
	if fixLabel(p.plan.Exceptions[0].Reason) != "Map SKU" {
		t.Errorf("unknown SKU offers %q", fixLabel(p.plan.Exceptions[0].Reason))
	}
	test.Tap(p.create)
	if links := findLinks(p.body); p.result == nil || len(links) != 1 || links[0].Text != "PO-000001" {
		t.Fatalf("after Create drafts: %+v, links %v", p.result, links)
	}
	tapLink(findLinks(p.body)[0])
	pos := posOf(t, s)
	if pos.detail.po.Number != "PO-000001" || !strings.Contains(pos.detail.title.Text, "draft") || len(pos.detail.po.Lines) != 4 {
		t.Errorf("Purchase orders shows %q with %d lines", pos.detail.title.Text, len(pos.detail.po.Lines))
	}
	v.refresh()
	if got := card(t, v, "Purchase orders to send"); got != "1" {
		t.Errorf("Today counts %s POs to send, want 1", got)
	}
	// The exception's button opens the order whose SKU needs mapping.
	p.fix(p.plan.Exceptions[0])
	if o := ordersOf(t, s); o.search.Text != "#3" {
		t.Errorf("Map SKU searched the orders for %q, want #3", o.search.Text)
	}
}

// lineIndex finds a line of the open PO by SKU and order ("" for the surplus line).
func lineIndex(t *testing.T, d *poDetail, sku, order string) int {
	t.Helper()
	for i, l := range d.po.Lines {
		if l.SKU == sku && l.OrderNumber == order {
			return i
		}
	}
	t.Fatalf("no line %s for %q in %+v", sku, order, d.po.Lines)
	return -1
}

func selectLine(d *poDetail, i int) {
	d.lines.Select(widget.TableCellID{Row: i, Col: 0})
}

func TestEditSendAndAcknowledgeADraft(t *testing.T) {
	s, a, clock := newTestShell(t)
	stockShop(t, a, clock.T.Add(-time.Hour))
	if _, err := a.Purchase(); err != nil {
		t.Fatal(err)
	}
	p := posOf(t, s)
	if p.list.count != 1 || !strings.Contains(p.count.Text, "1 purchase order") {
		t.Fatalf("list holds %d (%q)", p.list.count, p.count.Text)
	}
	p.showPO("PO-000001")
	d := p.detail
	if d.send.Disabled() || d.edit.Disabled() == false {
		t.Errorf("a draft with no line chosen: send enabled %v, edit disabled %v", !d.send.Disabled(), d.edit.Disabled())
	}
	// Change the towel's cost.
	selectLine(d, lineIndex(t, d, "TOWEL-1", "#1"))
	test.Tap(d.edit)
	d.form.entries["cost"].SetText("")
	test.Type(d.form.entries["cost"], "6.80")
	d.form.submit()
	if l := d.po.Lines[lineIndex(t, d, "TOWEL-1", "#1")]; l.UnitCost != 680 {
		t.Errorf("towel costs %s after the edit, want 6.80", l.UnitCost)
	}
	// Fewer mugs than the customer ordered is refused with a message.
	selectLine(d, lineIndex(t, d, "MUG-1", "#1"))
	test.Tap(d.edit)
	d.form.entries["qty"].SetText("1")
	d.form.submit()
	if !strings.Contains(d.warn.Text, "ordered 2") {
		t.Errorf("too few mugs: warning %q", d.warn.Text)
	}
	// The line's customer order opens on the Orders screen.
	test.Tap(d.order)
	if o := ordersOf(t, s); o.search.Text != "#1" {
		t.Errorf("Open order searched for %q, want #1", o.search.Text)
	}
	p = posOf(t, s)
	// Buy order #2's mug from the other supplier.
	selectLine(d, lineIndex(t, d, "MUG-1", "#2"))
	test.Tap(d.move)
	if d.offerPick == nil || !strings.HasPrefix(d.offerPick.Selected, "Nordlicht GmbH") {
		t.Fatalf("move offers %v", d.offerPick)
	}
	d.form.submit()
	if n, _ := a.CountPurchaseOrders(app.POQuery{Status: data.PODraft}); n != 2 {
		t.Errorf("%d drafts after moving a line, want 2", n)
	}
	// Send: the PDF is saved, the promise locked, the line edits locked.
	p.showPO("PO-000001")
	test.Tap(d.send)
	d.form.submit()
	if d.po.Status != data.POSent || d.po.PromisedDate != "2026-03-17" {
		t.Fatalf("after Send: %s promised %s (%s)", d.po.Status, d.po.PromisedDate, d.warn.Text)
	}
	if info, err := os.Stat(d.sentPath); err != nil || info.Size() == 0 {
		t.Errorf("the sent PO's PDF %q: %v", d.sentPath, err)
	}
	selectLine(d, 0)
	if !d.edit.Disabled() || !d.remove.Disabled() || !d.send.Disabled() {
		t.Error("a sent PO still offers line edits or sending")
	}
	test.Tap(d.mail)
	if !strings.HasPrefix(d.mailto, "mailto:orders@lodz.example?") || !strings.Contains(d.mailto, "PO-000001") {
		t.Errorf("e-mail link %q", d.mailto)
	}
	// Acknowledge with a later date and tracking.
	test.Tap(d.ack)
	test.Type(d.form.entries["at"], "yesterday")
	d.form.submit()
	if !strings.Contains(d.warn.Text, "not a time") || d.po.Status != data.POSent {
		t.Errorf("a bad answer time: warning %q, status %s", d.warn.Text, d.po.Status)
	}
	clock.Advance(2 * time.Hour)
	test.Tap(d.ack)
	test.Type(d.form.entries["at"], "2026-03-12 15:20")
	test.Type(d.form.days["expected"], "2026-03-24")
	test.Type(d.form.entries["tracking"], "JD0142")
	test.Type(d.form.entries["carrier"], "DHL")
	d.form.submit()
	if d.po.Status != data.POAcknowledged || d.po.ExpectedDate != "2026-03-24" || d.po.AcknowledgedAt == nil || d.po.AcknowledgedAt.Format("15:04") != "15:20" || !strings.Contains(d.facts.Text, "tracking DHL JD0142") {
		t.Errorf("after Acknowledge: %s expected %s, facts %q (%s)", d.po.Status, d.po.ExpectedDate, d.facts.Text, d.warn.Text)
	}
	// Past the expected day the PO is late in the list, the detail and on Today.
	clock.Advance(14 * 24 * time.Hour)
	p.refresh()
	row, ok := p.list.row(1) // newest first: PO-000002, then PO-000001
	if !ok || row.Number != "PO-000001" || !row.Late || !strings.Contains(p.lateText(row), "late") || !strings.Contains(d.warn.Text, "Late") {
		t.Errorf("late PO row %+v ok %v, warning %q", row, ok, d.warn.Text)
	}
	v := todayOf(s)
	v.refresh()
	if got := card(t, v, "Late purchase orders"); got != "1" {
		t.Errorf("Today shows %s late POs, want 1", got)
	}
	o := ordersOf(t, s)
	o.refresh()
	o.detail.show(1)
	if !buttonTexts(o.detail.actions)["Open PO-000001 (late)"] {
		t.Errorf("order #1's late PO is not marked: %v", buttonTexts(o.detail.actions))
	}
	s.showLatePOs()
	if p.status.Selected != latePOs || p.list.count != 1 {
		t.Errorf("late filter %q shows %d", p.status.Selected, p.list.count)
	}
}

func TestSendAllDrafts(t *testing.T) {
	s, a, clock := newTestShell(t)
	stockShop(t, a, clock.T.Add(-time.Hour))
	if _, err := a.Purchase(); err != nil {
		t.Fatal(err)
	}
	p := posOf(t, s)
	drafts, err := p.drafts()
	if err != nil || len(drafts) != 1 {
		t.Fatalf("drafts %v, %v", drafts, err)
	}
	p.sendDrafts(drafts)
	if !strings.HasPrefix(p.sentAll, "1 purchase order sent; 1 PDF saved") {
		t.Errorf("send all said %q", p.sentAll)
	}
	if n, _ := a.CountPurchaseOrders(app.POQuery{Status: data.POSent}); n != 1 {
		t.Errorf("%d POs sent, want 1", n)
	}
}
