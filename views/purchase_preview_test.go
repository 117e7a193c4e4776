package views

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// findLinks walks what is drawn under o and returns the hyperlinks, in drawing order.
func findLinks(o fyne.CanvasObject) []*widget.Hyperlink {
	var out []*widget.Hyperlink
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Hyperlink:
			if v.Visible() {
				out = append(out, v)
			}
			return
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// tapLink taps a link on its text (a hyperlink ignores taps on its padding).
func tapLink(l *widget.Hyperlink) {
	test.TapAt(l, fyne.NewPos(l.Size().Width/2, l.Size().Height/2))
}

// manySuppliers adds n suppliers, each the only one offering its own product, and one order
// with a line for each product: a plan of n POs.
func manySuppliers(t *testing.T, a *app.App, n int, placed time.Time) {
	t.Helper()
	in := app.OrderInput{Channel: data.ChannelShopify, Number: "#9000", PlacedAt: placed, Customer: "Zoë Łódź"}
	for i := 0; i < n; i++ {
		s := data.Supplier{Name: fmt.Sprintf("Lieferant Ünterberg %03d Handelsgesellschaft", i), Status: data.SupplierActive, QuotedLeadDays: 3}
		p := data.Product{SKU: fmt.Sprintf("SKU-%03d", i), Title: "Teil", Price: 1000, Active: true}
		if err := a.SaveSupplier(&s); err != nil {
			t.Fatal(err)
		}
		if err := a.SaveProduct(&p); err != nil {
			t.Fatal(err)
		}
		if err := a.SaveOffer(&data.Offer{ProductID: p.ID, SupplierID: s.ID, SupplierSKU: "X", UnitCost: 400, PackSize: 1, MinQty: 1, LeadDays: 3}); err != nil {
			t.Fatal(err)
		}
		in.Lines = append(in.Lines, app.LineInput{SKU: p.SKU, Title: p.Title, Qty: 1, UnitPrice: 1000})
	}
	if _, err := a.AddOrder(in); err != nil {
		t.Fatal(err)
	}
}

// inWindow says whether o is drawn wholly inside the window's canvas.
func inWindow(w fyne.Window, o fyne.CanvasObject) bool {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	size, c := o.Size(), w.Canvas().Size()
	return o.Visible() && pos.X >= 0 && pos.Y >= 0 && pos.X+size.Width <= c.Width && pos.Y+size.Height <= c.Height
}

// TestPurchaseResultWith200POsKeepsButtonsReachable: a big shop's result lists its POs in a
// scrolling list of links; the buttons stay inside the window, at 1366×768.
func TestPurchaseResultWith200POsKeepsButtonsReachable(t *testing.T) {
	s, a, clock := newTestShell(t)
	s.win.Resize(fyne.NewSize(1366, 768))
	manySuppliers(t, a, 200, clock.T.Add(-time.Hour))
	s.purchaseNow()
	p := s.lastPreview
	if len(p.plan.POs) != 200 || !strings.Contains(p.summary.Text, "200 order lines on 200 purchase orders") {
		t.Fatalf("preview: %d POs, %q", len(p.plan.POs), p.summary.Text)
	}
	for _, b := range []*widget.Button{p.cancel, p.create} {
		if !inWindow(s.win, b) {
			t.Errorf("preview: %q is outside the window", b.Text)
		}
	}
	test.Tap(p.create)
	if p.result == nil || len(p.result.PONumbers) != 200 {
		t.Fatalf("result %+v", p.result)
	}
	for _, b := range []*widget.Button{p.cancel, p.create} {
		if !inWindow(s.win, b) {
			t.Errorf("result: %q (at %v) is outside the window %v", b.Text, fyne.CurrentApp().Driver().AbsolutePositionForObject(b), s.win.Canvas().Size())
		}
	}
	links := findLinks(p.body)
	if len(links) == 0 || len(links) >= 200 || links[0].Text != "PO-000001" {
		t.Errorf("the result draws %d links, want a scrolling list starting at PO-000001 showing some of the 200", len(links))
	}
	if p.cancel.Text != "Close" || p.create.Text != "Open Purchase orders" {
		t.Errorf("result buttons %q and %q", p.cancel.Text, p.create.Text)
	}
	tapLink(links[len(links)-1])
	if pos := posOf(t, s); pos.detail.po.Number != links[len(links)-1].Text {
		t.Errorf("the link opened %q, want %s", pos.detail.po.Number, links[len(links)-1].Text)
	}
}

// TestPreviewAndResultCountsAgree: spare stock serves one line; the preview and the result
// state the same counts (the result used to count spare-stock lines as bought on POs).
func TestPreviewAndResultCountsAgree(t *testing.T) {
	s, a, clock := newTestShell(t)
	stockShop(t, a, clock.T.Add(-time.Hour))
	rows, err := a.Products(app.ProductQuery{ListQuery: app.ListQuery{Search: "TOWEL-1"}})
	if err != nil || len(rows) != 1 {
		t.Fatalf("find the towel: %v %v", rows, err)
	}
	if err := a.AddSpareStock(rows[0].ID, 1); err != nil {
		t.Fatal(err)
	}
	s.purchaseNow()
	p := s.lastPreview
	preview := strings.TrimPrefix(p.summary.Text, "To buy: ")
	if !strings.Contains(preview, "2 order lines on 1 purchase order") || !strings.Contains(preview, "1 line from spare stock") {
		t.Fatalf("preview %q", p.summary.Text)
	}
	test.Tap(p.create)
	result := strings.TrimPrefix(p.summary.Text, "Bought: ")
	if !strings.HasPrefix(result, strings.TrimSuffix(preview, ".")) {
		t.Errorf("result %q does not repeat the preview's counts %q", p.summary.Text, preview)
	}
}

// TestPreviewShowsWhyEachSupplier: the chosen PO's lines show the landed cost, the runner-up's
// and the reason; choosing a line reads the reason in full.
func TestPreviewShowsWhyEachSupplier(t *testing.T) {
	s, a, clock := newTestShell(t)
	stockShop(t, a, clock.T.Add(-time.Hour))
	s.purchaseNow()
	p := s.lastPreview
	l := p.lines
	if len(l.po.Lines) != 3 {
		t.Fatalf("the first PO's lines: %+v", l.po.Lines)
	}
	i := -1
	for k, ln := range l.po.Lines {
		if ln.SKU == "MUG-1" && ln.OrderNumber == "#1" {
			i = k
		}
	}
	ln := l.po.Lines[i]
	if got := l.cell(ln, 6); !strings.Contains(got, "Nordlicht GmbH") {
		t.Errorf("runner-up cell %q, want Nordlicht GmbH", got)
	}
	if got := l.cell(ln, 7); got != "preferred" {
		t.Errorf("why cell %q, want preferred (the shop's policy, Łódź is first choice)", got)
	}
	l.table.Select(widget.TableCellID{Row: i, Col: 0})
	if !strings.Contains(l.why.Text, "first choice") {
		t.Errorf("reason reads %q", l.why.Text)
	}
}
