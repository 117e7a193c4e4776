package app_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// draftShop has one draft PO from Alpha: order #1001 (MUG 2, CUP 1) and #1002 (MUG 1).
func draftShop(t *testing.T) (*buyShop, app.PlanResult) {
	s := newBuyShop(t)
	s.supplier("Alpha", 4)
	s.supplier("Beta", 2)
	s.product("MUG")
	s.product("CUP")
	s.offer("MUG", "Alpha", data.Offer{UnitCost: 450, LeadDays: 6, PackSize: 4, SupplierSKU: "ZOË-MUG-Ø8"})
	s.offer("CUP", "Alpha", data.Offer{UnitCost: 1999})
	s.offer("MUG", "Beta", data.Offer{UnitCost: 500, Priority: 2})
	s.order(map[string]int{"MUG": 2, "CUP": 1})
	s.order(map[string]int{"MUG": 1})
	res := s.purchase(app.PlanOptions{})
	if len(res.POIDs) != 1 {
		t.Fatalf("purchase made %v", res.PONumbers)
	}
	return s, res
}

func isInputError(err error) bool {
	var ie *app.InputError
	return errors.As(err, &ie)
}

func lineStates(t *testing.T, a *app.App, orderID uint) []data.LineState {
	t.Helper()
	det, err := a.OrderDetail(orderID)
	if err != nil {
		t.Fatal(err)
	}
	var out []data.LineState
	for _, l := range det.Lines {
		out = append(out, l.State)
	}
	return out
}

func TestSendLocksThePromiseAndOrdersTheLines(t *testing.T) {
	s, res := draftShop(t)
	po, err := s.a.SendPO(res.POIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	if po.Status != data.POSent || po.SentAt == nil || po.PromisedDate != "2026-03-18" {
		t.Errorf("sent PO %s %v promised %s, want sent now, promised today + 6 (the longest offer lead)", po.Status, po.SentAt, po.PromisedDate)
	}
	for _, st := range lineStates(t, s.a, 1) {
		if st != data.LineOrdered {
			t.Errorf("order line %s after sending, want ordered", st)
		}
	}
	ev, err := s.a.SupplierEvents(s.suppliers["Alpha"].ID, 0, 10)
	if err != nil || len(ev) == 0 || ev[0].Kind != data.EventPOSent || ev[0].PONumber != po.Number {
		t.Errorf("log %+v (%v), want a po_sent event for %s", ev, err, po.Number)
	}
	if _, err := s.a.SendPO(po.ID); !isInputError(err) {
		t.Errorf("sending twice: %v, want refused", err)
	}
	_, err = s.a.SendPOWith(po.ID, app.SendOptions{Promised: "2026-03-20"})
	if d, _ := s.a.PurchaseOrder(po.ID); !isInputError(err) || d.PromisedDate != "2026-03-18" {
		t.Errorf("resending with another date: %v, promised now %s", err, d.PromisedDate)
	}
}

func TestSendWithTheSuppliersDateAndRefusals(t *testing.T) {
	s, res := draftShop(t)
	if _, err := s.a.SendPOWith(res.POIDs[0], app.SendOptions{Promised: "2026-03-01"}); !isInputError(err) {
		t.Errorf("a promised day in the past: %v, want refused", err)
	}
	po, err := s.a.SendPOWith(res.POIDs[0], app.SendOptions{Promised: "2026-03-25"})
	if err != nil || po.PromisedDate != "2026-03-25" {
		t.Errorf("sent with the supplier's date: %s, %v", po.PromisedDate, err)
	}
	if _, err := s.a.SendPO(9999); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("sending a missing PO: %v", err)
	}
}

func TestSendingAnEmptyPOIsRefused(t *testing.T) {
	s, res := draftShop(t)
	// Both orders cancelled: the draft, its pack surplus with it, is gone.
	for _, o := range []uint{1, 2} {
		if _, err := s.a.CancelOrder(o); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.a.SendPO(res.POIDs[0]); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("sending the draft cancelling emptied: %v, want not found", err)
	}
	// A draft with no line for a customer (one made outside Clockwork, say) is refused.
	empty := data.PurchaseOrder{Number: "PO-000077", SupplierID: s.suppliers["Alpha"].ID, Status: data.PODraft}
	if err := s.a.DBForTest().Create(&empty).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := s.a.SendPO(empty.ID); !isInputError(err) || !strings.Contains(err.Error(), "no lines") {
		t.Errorf("sending an empty draft: %v, want refused", err)
	}
}

func TestAcknowledgeRecordsTheAnswer(t *testing.T) {
	s, res := draftShop(t)
	id := res.POIDs[0]
	if _, err := s.a.AcknowledgePO(id, app.Ack{}); !isInputError(err) {
		t.Errorf("acknowledging a draft: %v, want refused", err)
	}
	if _, err := s.a.SendPO(id); err != nil {
		t.Fatal(err)
	}
	sent := s.clock.T
	s.clock.Advance(5 * time.Hour)
	if _, err := s.a.AcknowledgePO(id, app.Ack{At: sent.Add(-time.Hour)}); !isInputError(err) {
		t.Errorf("an answer before sending: %v, want refused", err)
	}
	if _, err := s.a.AcknowledgePO(id, app.Ack{At: s.clock.T.Add(time.Hour)}); !isInputError(err) {
		t.Errorf("an answer from the future: %v, want refused", err)
	}
	if _, err := s.a.AcknowledgePO(id, app.Ack{Expected: "2026-02-30"}); !isInputError(err) {
		t.Errorf("an impossible expected date: %v, want refused", err)
	}
	at := sent.Add(3 * time.Hour)
	po, err := s.a.AcknowledgePO(id, app.Ack{At: at, Expected: "2026-03-20", SupplierRef: "SO-ŁÓDŹ-7", Carrier: "DHL", Tracking: "JD0142"})
	if err != nil {
		t.Fatal(err)
	}
	if po.Status != data.POAcknowledged || po.AcknowledgedAt == nil || !po.AcknowledgedAt.Equal(at) ||
		po.ExpectedDate != "2026-03-20" || po.SupplierRef != "SO-ŁÓDŹ-7" || po.Tracking != "JD0142" || po.Carrier != "DHL" {
		t.Errorf("acknowledged PO %+v", po)
	}
	// A later answer revises the date but keeps the first answer's time.
	po, err = s.a.AcknowledgePO(id, app.Ack{Expected: "2026-03-22"})
	if err != nil || po.ExpectedDate != "2026-03-22" || !po.AcknowledgedAt.Equal(at) || po.Tracking != "JD0142" {
		t.Errorf("revised PO %+v, %v", po, err)
	}
	// #1001's ship-by is 2026-03-19 (6 days + 1): expected on the 22nd puts it at risk.
	det, _ := s.a.OrderDetail(1)
	if !det.Order.AtRisk {
		t.Errorf("order %s ship-by %s not at risk with the PO expected 2026-03-22", det.Order.Number, det.Order.ShipBy)
	}
}

func TestCloseShortSendsOpenLinesBackToBuy(t *testing.T) {
	s, res := draftShop(t)
	id := res.POIDs[0]
	if _, err := s.a.ClosePOShort(id); !isInputError(err) {
		t.Errorf("closing a draft short: %v, want refused (cancel it)", err)
	}
	if _, err := s.a.SendPO(id); err != nil {
		t.Fatal(err)
	}
	po, err := s.a.ClosePOShort(id)
	if err != nil || po.Status != data.POClosedShort || po.ClosedAt == nil {
		t.Fatalf("closed short: %+v, %v", po, err)
	}
	for _, st := range lineStates(t, s.a, 1) {
		if st != data.LineUnpurchased {
			t.Errorf("line %s after closing short, want unpurchased", st)
		}
	}
	if _, err := s.a.ClosePOShort(id); !isInputError(err) {
		t.Errorf("closing short twice: %v, want refused", err)
	}
	// The next plan buys them again, on a new draft.
	again := s.purchase(app.PlanOptions{})
	if again.LinesPlanned() != 3 || again.PONumbers[0] == po.Number {
		t.Errorf("replanned %d lines on %v", again.LinesPlanned(), again.PONumbers)
	}
}

func TestCancelPO(t *testing.T) {
	s, res := draftShop(t)
	po, err := s.a.CancelPO(res.POIDs[0])
	if err != nil || po.Status != data.POCancelled {
		t.Fatalf("cancel draft: %+v, %v", po, err)
	}
	if st := lineStates(t, s.a, 2); st[0] != data.LineUnpurchased {
		t.Errorf("line %s after cancelling, want unpurchased", st[0])
	}
	if _, err := s.a.CancelPO(po.ID); !isInputError(err) {
		t.Errorf("cancelling twice: %v", err)
	}
	again := s.purchase(app.PlanOptions{})
	if _, err := s.a.SendPO(again.POIDs[0]); err != nil {
		t.Fatal(err)
	}
	if po, err = s.a.CancelPO(again.POIDs[0]); err != nil || po.Status != data.POCancelled {
		t.Errorf("cancel a sent PO nothing came on: %v", err)
	}
}

func TestDraftEdits(t *testing.T) {
	s, res := draftShop(t)
	d, _ := s.a.PurchaseOrder(res.POIDs[0])
	var mug1, cup, surplus app.POLineRow
	for _, l := range d.Lines {
		switch {
		case l.OrderLineID == nil:
			surplus = l
		case l.SKU == "CUP":
			cup = l
		case l.OrderNumber == "#1001":
			mug1 = l
		}
	}
	if surplus.Qty != 1 || mug1.Qty != 2 || mug1.OrderNumber != "#1001" || mug1.Title == "" {
		t.Fatalf("draft lines %+v", d.Lines)
	}
	if err := s.a.UpdatePOLine(cup.ID, 0, 100); !isInputError(err) {
		t.Errorf("qty 0: %v", err)
	}
	if err := s.a.UpdatePOLine(mug1.ID, 1, 450); !isInputError(err) {
		t.Errorf("fewer than the customer ordered: %v", err)
	}
	if err := s.a.UpdatePOLine(cup.ID, 2, 1850); err != nil {
		t.Errorf("edit qty and cost: %v", err)
	}
	// Moving #1001's mugs to Beta leaves 1 mug at Alpha, rounded to its pack of 4 by 3 surplus.
	beta := s.a
	offers, _ := beta.ProductOffers(s.products["MUG"].ID)
	var betaOffer uint
	for _, o := range offers {
		if o.SupplierID == s.suppliers["Beta"].ID {
			betaOffer = o.ID
		}
	}
	to, err := s.a.MovePOLine(mug1.ID, betaOffer)
	if err != nil || to.SupplierID != s.suppliers["Beta"].ID || to.Number != "PO-000002" {
		t.Fatalf("move to Beta: %+v, %v", to, err)
	}
	d, _ = s.a.PurchaseOrder(res.POIDs[0])
	units := map[string]int{}
	for _, l := range d.Lines {
		key := l.SKU
		if l.OrderLineID == nil {
			key += " surplus"
		}
		units[key] += l.Qty
	}
	if units["MUG"] != 1 || units["MUG surplus"] != 3 || units["CUP"] != 2 {
		t.Errorf("Alpha draft after the move %v, want MUG 1 + 3 surplus, CUP 2", units)
	}
	if err := s.a.RemovePOLine(cup.ID); err != nil {
		t.Fatal(err)
	}
	if st := lineStates(t, s.a, 1); !(st[0] == data.LineUnpurchased || st[1] == data.LineUnpurchased) {
		t.Errorf("removed CUP line states %v, want one unpurchased", st)
	}
	if _, err := s.a.SendPO(to.ID); err != nil {
		t.Fatal(err)
	}
	bd, _ := s.a.PurchaseOrder(to.ID)
	if err := s.a.UpdatePOLine(bd.Lines[0].ID, 5, 500); !isInputError(err) || !strings.Contains(err.Error(), "sent") {
		t.Errorf("editing a sent PO's quantity: %v, want refused", err)
	}
	if err := s.a.RemovePOLine(bd.Lines[0].ID); !isInputError(err) {
		t.Errorf("removing a line of a sent PO: %v, want refused", err)
	}
}

func TestPurchaseOrdersListAndLate(t *testing.T) {
	s, res := draftShop(t)
	if _, err := s.a.SendPO(res.POIDs[0]); err != nil {
		t.Fatal(err)
	}
	s.purchase(app.PlanOptions{}) // nothing new
	rows, err := s.a.PurchaseOrders(app.POQuery{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("list %+v, %v", rows, err)
	}
	r := rows[0]
	if r.Number != "PO-000001" || r.Supplier != "Alpha" || r.Lines != 4 || r.Total != 4*450+1999 || r.Late {
		t.Errorf("row %+v", r)
	}
	s.clock.Advance(8 * 24 * time.Hour) // past the promised 2026-03-18
	late, _ := s.a.PurchaseOrders(app.POQuery{LateOnly: true})
	n, _ := s.a.CountPurchaseOrders(app.POQuery{ListQuery: app.ListQuery{Search: "alph"}})
	if len(late) != 1 || !late[0].Late || n != 1 {
		t.Errorf("late %+v, search found %d", late, n)
	}
	counts, _ := s.a.TodayCounts()
	if counts.LatePOs != 1 {
		t.Errorf("Today counts %d late POs, want 1", counts.LatePOs)
	}
	if _, err := s.a.PurchaseOrders(app.POQuery{Status: "lost"}); !isInputError(err) {
		t.Errorf("unknown status: %v", err)
	}
	if po, err := s.a.POByNumber("1"); err != nil || po.Number != "PO-000001" {
		t.Errorf("by number: %v", err)
	}
}

func TestPOPDFReadsForTheSupplier(t *testing.T) {
	s, res := draftShop(t)
	if _, err := s.a.SendPO(res.POIDs[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	var buf bytes.Buffer
	if err := s.a.WritePOPDF(res.POIDs[0], &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "po.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"PO-000001", "Alpha", "Zoë Łódź", "ZOË-MUG-Ø8", "€19.99", "€18.00", "€37.99", "2026-03-18"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	// The mugs of both orders and the pack surplus are one row of 4.
	if !strings.Contains(text, "ZOË-MUG-Ø8") || strings.Count(text, "ZOË-MUG-Ø8") != 1 {
		t.Errorf("the supplier SKU should be one row:\n%s", text)
	}
	mail, err := s.a.EmailForPO(res.POIDs[0])
	if err != nil || !strings.Contains(mail.Subject, "PO-000001") || !strings.Contains(mail.Body, "Zoë Łódź") ||
		!strings.HasPrefix(mail.MailtoURL(), "mailto:orders@") {
		t.Errorf("e-mail %+v, %v", mail, err)
	}
}

func TestSavePOPDFBesideTheDatabase(t *testing.T) {
	s, res := draftShop(t)
	path, err := s.a.SavePOPDF(res.POIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Size() == 0 || filepath.Base(path) != "PO-000001.pdf" || filepath.Dir(path) != s.a.PODocumentsDir() {
		t.Errorf("saved %s (%v)", path, err)
	}
	d, _ := s.a.PurchaseOrder(res.POIDs[0])
	if d.Lines[0].ProductID == 0 {
		t.Errorf("PO line without its product: %+v", d.Lines[0])
	}
}

func TestSendPOsSendsAllOrNone(t *testing.T) {
	s, res := draftShop(t)
	s.supplier("Gamma", 3)
	s.product("BOWL")
	s.offer("BOWL", "Gamma", data.Offer{UnitCost: 900})
	s.order(map[string]int{"BOWL": 1})
	second := s.purchase(app.PlanOptions{})
	ids := []uint{res.POIDs[0], second.POIDs[0]}
	if _, err := s.a.SendPOs(append(ids, 999)); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("sending with a missing PO: %v", err)
	}
	if n, _ := s.a.CountPurchaseOrders(app.POQuery{Status: data.PODraft}); n != 2 {
		t.Fatalf("a refused batch sent some: %d drafts left", n)
	}
	sent, err := s.a.SendPOs(ids)
	if err != nil || len(sent) != 2 || sent[1].PromisedDate != "2026-03-15" {
		t.Fatalf("sent %+v, %v", sent, err)
	}
	counts, _ := s.a.TodayCounts()
	if counts.ToSend != 0 || counts.ToPurchase != 0 {
		t.Errorf("after sending all: %+v", counts)
	}
}

func TestCancellingAnOrderRoundsTheDraftAgain(t *testing.T) {
	s, res := draftShop(t)
	// MUG: 2 (#1001) + 1 (#1002) = 3, a pack of 4: 1 surplus. Without #1002, 2 + 2 surplus.
	if _, err := s.a.CancelOrder(2); err != nil {
		t.Fatal(err)
	}
	d, err := s.a.PurchaseOrder(res.POIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	units := map[string]int{}
	for _, l := range d.Lines {
		key := l.SKU
		if l.OrderLineID == nil {
			key += " surplus"
		}
		units[key] += l.Qty
	}
	if units["MUG"] != 2 || units["MUG surplus"] != 2 || units["CUP"] != 1 {
		t.Errorf("draft after cancelling #1002: %v, want MUG 2 + 2 surplus, CUP 1", units)
	}
}

// The contact log writes a sent PO's amount with the shop's currency.
func TestSentPOLogsItsAmountWithTheCurrency(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	f.product("A-1", offer{supplier: s, lead: 3, cost: 450})
	f.order("#1", f.clock.T, "A-1")
	res, err := f.a.Purchase()
	f.must(err)
	_, err = f.a.SendPO(res.POIDs[0])
	f.must(err)
	var ev data.SupplierEvent
	f.must(f.db.Where("kind = ?", data.EventPOSent).First(&ev).Error)
	if !strings.Contains(ev.Text, "€4.50") {
		t.Errorf("the log says %q, want the amount in euros", ev.Text)
	}
}
