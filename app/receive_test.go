package app_test

import (
	"errors"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

func TestReceiveAllMakesOrdersReady(t *testing.T) {
	a, _ := apptest.NewApp(t)
	po := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 2, 3), spec("#1002", "CUP-7", 1, 2))
	res, err := a.ReceiveAll(po.ID, apptest.Now)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.String(); got != "Ready to pack: #1001, #1002 · "+po.Number+" received in full" {
		t.Errorf("summary %q", got)
	}
	if res.POStatus != data.POReceived {
		t.Errorf("PO status %s, want received", res.POStatus)
	}
	st, lines := orderState(t, a, "#1001")
	if st != data.OrderReady || lines["BET-100"] != data.LineReceived {
		t.Errorf("#1001 is %s with BET-100 %s, want ready and received", st, lines["BET-100"])
	}
	var rl []data.ReceiptLine
	apptest.DB(t, a).Find(&rl)
	if len(rl) != 2 {
		t.Errorf("%d receipt lines, want 2", len(rl))
	}
}

func TestRejectedUnitsStayOwed(t *testing.T) {
	a, _ := apptest.NewApp(t)
	po := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 3, 3), spec("#1004", "CUP-7", 1, 1))
	res, err := a.Receive(po.ID, app.ReceiveInput{At: apptest.Now, Lines: []app.ReceiveLine{
		{POLineID: po.Lines["#1001/BET-100"], Accepted: 1, Rejected: 2, Reason: data.RejectDamaged},
		{POLineID: po.Lines["#1004/CUP-7"], Accepted: 1},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.String(); got != "Ready to pack: #1004 · still owed: 2 × BET-100" {
		t.Errorf("summary %q", got)
	}
	if res.POStatus != data.POPartiallyReceived {
		t.Errorf("PO status %s", res.POStatus)
	}
	if st, lines := orderState(t, a, "#1001"); st != data.OrderPurchasing || lines["BET-100"] != data.LineOrdered {
		t.Errorf("#1001 is %s, line %s: the supplier still owes 2", st, lines["BET-100"])
	}
	l := poLine(t, a, po.Lines["#1001/BET-100"])
	if l.QtyAccepted != 1 || l.QtyRejected != 2 {
		t.Errorf("PO line accepted %d rejected %d", l.QtyAccepted, l.QtyRejected)
	}
	// The replacements arrive: now the line and the order are complete.
	res, err = later(a, 2).ReceiveAll(po.ID, apptest.Now.AddDate(0, 0, 2))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Ready) != 1 || res.Ready[0] != "#1001" || res.POStatus != data.POReceived {
		t.Errorf("after the rest arrived: %+v", res)
	}
}

func TestReceiveBySKUFillsOldestOrderFirst(t *testing.T) {
	a, _ := apptest.NewApp(t)
	po := makeSentPO(t, a, "Acme",
		spec("#1003", "BET-100", 2, 1), // newest
		spec("", "BET-100", 4, 0),      // pack-size surplus
		spec("#1001", "BET-100", 1, 5), // oldest
		spec("#1002", "BET-100", 2, 3),
	)
	res, err := a.ReceiveBySKU(po.ID, app.ReceiveBySKUInput{At: apptest.Now, SKUs: []app.SKUDelivery{
		{SKU: "S-BET-100", Accepted: 4, Rejected: 1, Reason: data.RejectQuality},
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int{"#1001/BET-100": {1, 1}, "#1002/BET-100": {2, 0}, "#1003/BET-100": {1, 0}, "/BET-100": {0, 0}}
	for key, w := range want {
		l := poLine(t, a, po.Lines[key])
		if l.QtyAccepted != w[0] || l.QtyRejected != w[1] {
			t.Errorf("%s: accepted %d rejected %d, want %v", key, l.QtyAccepted, l.QtyRejected, w)
		}
	}
	if strings.Join(res.Ready, ",") != "#1001,#1002" {
		t.Errorf("ready %v, want #1001 and #1002", res.Ready)
	}
}

func TestOverReceiptBecomesSpareStock(t *testing.T) {
	a, _ := apptest.NewApp(t)
	po := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 2, 3), spec("", "BET-100", 3, 0))
	_, err := a.ReceiveBySKU(po.ID, app.ReceiveBySKUInput{At: apptest.Now, SKUs: []app.SKUDelivery{{SKU: "bet-100", Accepted: 7}}})
	if err != nil {
		t.Fatal(err)
	}
	var left []data.Leftover
	apptest.DB(t, a).Find(&left)
	total := 0
	for _, l := range left {
		total += l.Qty
		if l.Source != data.LeftoverSurplus || l.POLineID == nil {
			t.Errorf("leftover %+v: want surplus from a PO line", l)
		}
	}
	if total != 5 {
		t.Errorf("%d units kept as spare, want 5 (3 surplus line + 2 over-receipt)", total)
	}
	if st, _ := orderState(t, a, "#1001"); st != data.OrderReady {
		t.Errorf("#1001 is %s", st)
	}
}

func TestReceiveRefusesBadQuantitiesAndWritesNothing(t *testing.T) {
	a, _ := apptest.NewApp(t)
	po := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 2, 3))
	other := makeSentPO(t, a, "Bolt", spec("#1002", "CUP-7", 1, 3))
	line := po.Lines["#1001/BET-100"]
	cases := []struct {
		name  string
		lines []app.ReceiveLine
		want  string
	}{
		{"negative", []app.ReceiveLine{{POLineID: line, Accepted: -1}}, "cannot be negative"},
		{"unknown line", []app.ReceiveLine{{POLineID: other.Lines["#1002/CUP-7"], Accepted: 1}}, "is not on " + po.Number},
		{"no reason", []app.ReceiveLine{{POLineID: line, Rejected: 1}}, "say why 1 were rejected"},
		{"twice", []app.ReceiveLine{{POLineID: line, Accepted: 1}, {POLineID: line, Accepted: 1}}, "entered twice"},
		{"nothing", []app.ReceiveLine{{POLineID: line}}, "nothing was entered"},
	}
	for _, c := range cases {
		_, err := a.Receive(po.ID, app.ReceiveInput{At: apptest.Now, Lines: c.lines})
		var ie *app.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want input error with %q", c.name, err, c.want)
		}
	}
	_, err := a.ReceiveBySKU(po.ID, app.ReceiveBySKUInput{SKUs: []app.SKUDelivery{{SKU: "NOPE", Accepted: 1}}})
	if err == nil || !strings.Contains(err.Error(), `"NOPE" is not on`) {
		t.Errorf("unknown SKU: %v", err)
	}
	var n int64
	apptest.DB(t, a).Model(&data.Receipt{}).Count(&n)
	if l := poLine(t, a, line); n != 0 || l.QtyAccepted != 0 {
		t.Errorf("refusals wrote %d receipts, line accepted %d", n, l.QtyAccepted)
	}
}

func TestReceiveRefusesDraftAndFinishedPOs(t *testing.T) {
	a, _ := apptest.NewApp(t)
	po := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 1, 3))
	if _, err := a.ReceiveAll(po.ID, apptest.Now); err != nil {
		t.Fatal(err)
	}
	if _, err := a.ReceiveAll(po.ID, apptest.Now); err == nil || !strings.Contains(err.Error(), "already received in full") {
		t.Errorf("second receipt: %v", err)
	}
	apptest.DB(t, a).Model(&data.PurchaseOrder{}).Where("id = ?", po.ID).Update("status", data.PODraft)
	if _, err := a.ReceiveAll(po.ID, apptest.Now); err == nil || !strings.Contains(err.Error(), "has not been sent") {
		t.Errorf("draft: %v", err)
	}
	if _, err := a.ReceiveAll(999, apptest.Now); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("missing PO: %v", err)
	}
}

func TestOrderOnTwoPOsIsReadyWhenBothArrive(t *testing.T) {
	a, _ := apptest.NewApp(t)
	first := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 1, 3))
	second := makeSentPO(t, a, "Bolt", spec("#1001", "CUP-7", 1, 3))
	res, err := a.ReceiveAll(first.ID, apptest.Now)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Ready) != 0 {
		t.Errorf("ready %v while CUP-7 is still owed", res.Ready)
	}
	res, err = a.ReceiveAll(second.ID, apptest.Now)
	if err != nil || len(res.Ready) != 1 {
		t.Errorf("after both: %+v, %v", res, err)
	}
}

func TestReceivingListFindsPOsBySupplierSKUAndNumber(t *testing.T) {
	a, _ := apptest.NewApp(t)
	po := makeSentPO(t, a, "Acme Ltd", spec("#1002", "BET-100", 2, 1), spec("#1001", "BET-100", 1, 4))
	makeSentPO(t, a, "Bolt", spec("#1003", "CUP-7", 1, 3))
	for search, want := range map[string]int{"": 2, "s-bet-100": 1, "acme": 1, po.Number: 1, "nothing": 0} {
		rows, err := a.ReceivingPOs(app.ReceivingQuery{Search: search})
		n, _ := a.CountReceivingPOs(app.ReceivingQuery{Search: search})
		if err != nil || len(rows) != want || n != want {
			t.Errorf("search %q: %d rows, count %d, %v; want %d", search, len(rows), n, err, want)
		}
	}
	rows, _ := a.ReceivingPOs(app.ReceivingQuery{Search: "acme"})
	if rows[0].Owed != 3 || rows[0].Supplier != "Acme Ltd" || rows[0].SentAt == nil {
		t.Errorf("row %+v", rows[0])
	}
	lines, err := a.ReceivingLines(po.ID)
	if err != nil || len(lines) != 2 || lines[0].OrderNumber != "#1001" || lines[0].Owed() != 1 {
		t.Errorf("lines %+v, %v: want the oldest order first", lines, err)
	}
	got, err := a.ReceivingPOByNumber(po.Number)
	if err != nil || got.ID != po.ID {
		t.Errorf("by number: %+v %v", got, err)
	}
}

func TestFirstReceiptOfALineExtendsTheLeadHistory(t *testing.T) {
	a, _ := apptest.NewApp(t)
	po := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 3, 3), spec("#1002", "CUP-7", 1, 3))
	var supplierID uint
	apptest.DB(t, a).Model(&data.PurchaseOrder{}).Where("id = ?", po.ID).Pluck("supplier_id", &supplierID)
	a.HoldLeadHistory(supplierID, apptest.Now.AddDate(-1, 0, 0))
	_, err := a.Receive(po.ID, app.ReceiveInput{At: apptest.Now, Lines: []app.ReceiveLine{{POLineID: po.Lines["#1001/BET-100"], Accepted: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := later(a, 2).ReceiveAll(po.ID, apptest.Now.AddDate(0, 0, 2)); err != nil {
		t.Fatal(err)
	}
	// Sent 7 days before now: BET-100 first arrived after 7 days, CUP-7 after 9; BET-100's
	// second delivery is no first receipt.
	if got := a.HeldLeadDays(supplierID); len(got) != 2 || got[0] != 7 || got[1] != 9 {
		t.Errorf("lead days held %v, want [7 9]", got)
	}
}

func TestReceivedOrderIsNoLongerAtRisk(t *testing.T) {
	a, _ := apptest.NewApp(t)
	po := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 2, 9), spec("#1002", "CUP-7", 1, 9))
	db := apptest.DB(t, a)
	db.Model(&data.Order{}).Where("1 = 1").Update("ship_by", data.DayOf(apptest.Now, a.Location()).AddDays(-4))
	o1, _ := a.OrderByNumber("#1001")
	o2, _ := a.OrderByNumber("#1002")
	if err := a.RecomputeAtRisk(o1.ID, o2.ID); err != nil {
		t.Fatal(err)
	}
	_, err := a.Receive(po.ID, app.ReceiveInput{At: apptest.Now, Lines: []app.ReceiveLine{{POLineID: po.Lines["#1001/BET-100"], Accepted: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	o1, _ = a.OrderByNumber("#1001")
	o2, _ = a.OrderByNumber("#1002")
	if o1.AtRisk || !o2.AtRisk {
		t.Errorf("at risk after #1001's goods came: #1001 %v (want false), #1002 %v (want true, still owed)", o1.AtRisk, o2.AtRisk)
	}
}
