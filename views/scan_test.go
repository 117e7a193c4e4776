package views

import (
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"

	"fyne.io/fyne/v2/test"
)

// scan types a slip's barcode into a field the way a scanner does: the text, then Enter.
func scan(field interface{ TypedRune(rune) }, submit func(string), text string) {
	for _, r := range text {
		field.TypedRune(r)
	}
	submit(text)
}

func TestScanningASlipInPackAndShipPicksTheOrder(t *testing.T) {
	s, a, _ := newTestShell(t)
	po := apptest.MakeSentPO(t, a, "Acme", spec("#1001", "BET-100", 1), spec("#1002", "CUP-7", 1))
	if _, err := a.ReceiveAll(po.ID, apptest.Now); err != nil {
		t.Fatal(err)
	}
	apptest.MakeSentPO(t, a, "Bolt", spec("#1004", "BET-100", 2))
	p := viewOf[*pack](s, screenPack)
	scan(p.search, p.search.OnSubmitted, "#1002")
	if _, ok := p.picked[orderID(t, a, "#1002")]; !ok || len(p.picked) != 1 {
		t.Fatalf("after scanning #1002 picked %v: %q", p.picked, p.count.Text)
	}
	if p.search.Text != "" || !strings.Contains(p.count.Text, "Scanned #1002: picked. 1 picked of 2 orders ready to pack") {
		t.Errorf("after the scan: field %q, count %q", p.search.Text, p.count.Text)
	}
	scan(p.search, p.search.OnSubmitted, "#1001")
	if len(p.picked) != 2 {
		t.Errorf("a second scan picked %d orders in all, want 2", len(p.picked))
	}
	// An order still owed by a supplier is not picked, and the owner hears why.
	scan(p.search, p.search.OnSubmitted, "#1004")
	if len(p.picked) != 2 || !strings.Contains(p.count.Text, "order #1004 can't ship yet") {
		t.Errorf("scanning an order not ready: %d picked, %q", len(p.picked), p.count.Text)
	}
	// Enter on a customer's name is a search, not a scan.
	p.search.SetText("")
	scan(p.search, p.search.OnSubmitted, "Zoë")
	if len(p.picked) != 2 || p.search.Text != "Zoë" {
		t.Errorf("Enter on a name: %d picked, field %q", len(p.picked), p.search.Text)
	}
}

func TestScanningAReturnedParcelStartsItsReturn(t *testing.T) {
	s, a, _ := newTestShell(t)
	shipOrder(t, a, "Atlas", "#1001", map[string]int{"MUG-1": 2})
	o2 := shipOrder(t, a, "Atlas", "#1002", map[string]int{"TOW-1": 1})
	r := returnsOf(t, s)
	scan(r.search, r.search.OnSubmitted, "#1001")
	o := ordersOf(t, s)
	sr := o.detail.returning
	if sr == nil || sr.orderID != orderID(t, a, "#1001") || len(sr.lines) != 1 || sr.lines[0].qty.PlaceHolder != "0–2" {
		t.Fatalf("scanning #1001 in Returns opened %+v", sr)
	}
	sr.lines[0].qty.SetText("1")
	sr.lines[0].reason.SetSelected("Defective")
	test.Tap(overlayButton(t, s, "Open return"))
	if sr.problems.Text != "" || !strings.HasPrefix(r.detail.heading.Text, "RMA-0001 · Requested · order #1001") {
		t.Fatalf("opening the scanned return: %q, Returns shows %q", sr.problems.Text, r.detail.heading.Text)
	}
	// A parcel whose return the customer asked for already opens that return.
	ret, err := a.OpenReturn(app.ReturnInput{OrderID: o2.ID, Lines: []app.ReturnLineInput{{OrderLineID: o2.Lines[0].ID, Qty: 1, Reason: data.ReasonChangedMind}}})
	if err != nil {
		t.Fatal(err)
	}
	o.detail.returning = nil
	r = returnsOf(t, s)
	scan(r.search, r.search.OnSubmitted, "#1002")
	if o.detail.returning != nil || r.detail.current == nil || r.detail.current.Number != ret.Number {
		t.Errorf("scanning #1002 with its return open: dialog %v, Returns shows %+v", o.detail.returning != nil, r.detail.current)
	}
}

// orderID is the ID of the order numbered number.
func orderID(t *testing.T, a *app.App, number string) uint {
	t.Helper()
	o, err := a.OrderByNumber(number)
	if err != nil {
		t.Fatal(err)
	}
	return o.ID
}
