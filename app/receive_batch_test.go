package app_test

import (
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

func TestReceiveParcelsReceivesEachAsReceiveAll(t *testing.T) {
	a, _ := apptest.NewApp(t)
	// #1001 waits on two POs; #1002 on one, whose surplus line becomes spare stock.
	p1 := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 2, 3), spec("#1002", "CUP-7", 1, 2), spec("", "CUP-7", 4, 0))
	p2 := makeSentPO(t, a, "Birch", spec("#1001", "LAMP-3", 1, 3))
	p3 := makeSentPO(t, a, "Birch", spec("#1003", "LAMP-3", 1, 1))
	if _, err := a.Receive(p3.ID, app.ReceiveInput{At: apptest.Now, Lines: []app.ReceiveLine{{POLineID: p3.Lines["#1003/LAMP-3"], Accepted: 1}}}); err != nil {
		t.Fatal(err)
	}
	at1, at2 := apptest.Now.Add(-3*60*60*1e9), apptest.Now.Add(-2*60*60*1e9)
	res, err := a.ReceiveParcels([]app.Parcel{{POID: p1.ID, At: at1}, {POID: p2.ID, At: at2}, {POID: p1.ID, At: at2}, {POID: p3.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Received) != 2 || res.Received[0] != p1.Number || res.Received[1] != p2.Number {
		t.Errorf("received %v, want %s and %s", res.Received, p1.Number, p2.Number)
	}
	if len(res.Ready) != 2 || res.Ready[0] != "#1001" || res.Ready[1] != "#1002" {
		t.Errorf("ready %v, want #1001 and #1002", res.Ready)
	}
	if len(res.Refused) != 2 { // p1 a second time, and p3 received in full before
		t.Errorf("refused %v, want p1's second parcel and p3", res.Refused)
	}
	for _, n := range []string{"#1001", "#1002"} {
		if st, lines := orderState(t, a, n); st != data.OrderReady {
			t.Errorf("%s is %s (%v), want ready", n, st, lines)
		}
	}
	db := apptest.DB(t, a)
	var pos []data.PurchaseOrder
	db.Preload("Lines").Where("id IN ?", []uint{p1.ID, p2.ID}).Find(&pos)
	for _, po := range pos {
		if po.Status != data.POReceived {
			t.Errorf("%s is %s, want received", po.Number, po.Status)
		}
		for _, l := range po.Lines {
			if l.QtyAccepted != l.Qty {
				t.Errorf("%s %s: %d of %d accepted", po.Number, l.SKU, l.QtyAccepted, l.Qty)
			}
		}
	}
	var receipts []data.Receipt
	db.Where("purchase_order_id = ?", p1.ID).Find(&receipts)
	if len(receipts) != 1 || !receipts[0].ReceivedAt.Equal(at1) {
		t.Errorf("receipts of %s: %+v, want one at %s", p1.Number, receipts, at1)
	}
	var lines, spare int64
	db.Model(&data.ReceiptLine{}).Where("receipt_id = ?", receipts[0].ID).Count(&lines)
	db.Model(&data.Leftover{}).Select("COALESCE(SUM(qty), 0)").Scan(&spare)
	if lines != 3 || spare != 4 {
		t.Errorf("%d receipt lines and %d spare units, want 3 and the surplus line's 4", lines, spare)
	}
}

func TestReceiveParcelsWithLinesAsReceive(t *testing.T) {
	a, _ := apptest.NewApp(t)
	p1 := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 3, 3), spec("#1002", "CUP-7", 1, 2))
	p2 := makeSentPO(t, a, "Birch", spec("#1003", "LAMP-3", 2, 1))
	short := app.Parcel{POID: p1.ID, At: apptest.Now, Lines: []app.ReceiveLine{
		{POLineID: p1.Lines["#1001/BET-100"], Accepted: 1, Rejected: 1, Reason: data.RejectReasons[0]},
		{POLineID: p1.Lines["#1002/CUP-7"], Accepted: 1}}}
	bad := app.Parcel{POID: p2.ID, At: apptest.Now, Lines: []app.ReceiveLine{{POLineID: p2.Lines["#1003/LAMP-3"], Rejected: 1}}} // no reason
	rest := app.Parcel{POID: p1.ID, At: apptest.Now} // the follow-up brings what is still owed
	res, err := a.ReceiveParcels([]app.Parcel{short, bad, rest})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Received) != 2 || len(res.Refused) != 1 || len(res.Ready) != 2 {
		t.Errorf("received %v, refused %v, ready %v; want p1 twice, the parcel without a reason refused, #1001 and #1002 ready", res.Received, res.Refused, res.Ready)
	}
	var lines []data.POLine
	apptest.DB(t, a).Where("purchase_order_id = ?", p1.ID).Order("id").Find(&lines)
	if len(lines) != 2 || lines[0].QtyAccepted != 3 || lines[0].QtyRejected != 1 || lines[1].QtyAccepted != 1 {
		t.Errorf("PO lines %+v; want BET-100 3 accepted 1 rejected, CUP-7 1 accepted", lines)
	}
	if st, _ := orderState(t, a, "#1003"); st == data.OrderReady {
		t.Error("#1003 ready though its parcel was refused")
	}
	var rejected int64
	apptest.DB(t, a).Model(&data.ReceiptLine{}).Where("qty_rejected > 0").Count(&rejected)
	if rejected != 1 {
		t.Errorf("%d receipt lines with rejected units, want 1", rejected)
	}
}
