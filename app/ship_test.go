package app_test

import (
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

func TestShipReadyOrders(t *testing.T) {
	a, _ := apptest.NewApp(t)
	po := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 1, 3), spec("#1002", "CUP-7", 2, 2))
	if _, err := a.ReceiveAll(po.ID, apptest.Now); err != nil {
		t.Fatal(err)
	}
	o1, _ := a.OrderByNumber("#1001")
	o2, _ := a.OrderByNumber("#1002")
	err := a.ShipOrders([]app.ShipInput{
		{OrderID: o1.ID, Carrier: "DHL", Service: "Paket", Tracking: "JJD0001"},
		{OrderID: o2.ID, Carrier: "DHL", Service: "Paket", Tracking: "JJD0002"},
	})
	if err != nil {
		t.Fatal(err)
	}
	st, lines := orderState(t, a, "#1002")
	if st != data.OrderShipped || lines["CUP-7"] != data.LineShipped {
		t.Errorf("#1002 is %s, line %s", st, lines["CUP-7"])
	}
	var s data.Shipment
	if err := apptest.DB(t, a).Where("order_id = ?", o1.ID).First(&s).Error; err != nil {
		t.Fatal(err)
	}
	if s.Carrier != "DHL" || s.Tracking != "JJD0001" || s.ShippedAt == nil || !s.ShippedAt.Equal(apptest.Now) {
		t.Errorf("shipment %+v", s)
	}
	if err := a.ShipOrders([]app.ShipInput{{OrderID: o1.ID, Carrier: "DHL", Tracking: "X"}}); err == nil || !strings.Contains(err.Error(), "already shipped") {
		t.Errorf("shipping twice: %v", err)
	}
}

func TestShipRefusesOrderStillOwedAndWritesNothing(t *testing.T) {
	a, _ := apptest.NewApp(t)
	first := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 1, 3), spec("#1002", "CUP-7", 1, 3))
	makeSentPO(t, a, "Bolt", spec("#1001", "MUG-2", 2, 3))
	if _, err := a.ReceiveAll(first.ID, apptest.Now); err != nil {
		t.Fatal(err)
	}
	o1, _ := a.OrderByNumber("#1001")
	o2, _ := a.OrderByNumber("#1002")
	err := a.ShipOrders([]app.ShipInput{
		{OrderID: o2.ID, Carrier: "DHL", Tracking: "JJD0002"},
		{OrderID: o1.ID, Carrier: "DHL", Tracking: "JJD0001"},
	})
	if err == nil || !strings.Contains(err.Error(), "order #1001 can't ship yet: 2 × MUG-2 still owed by Bolt on PO-000002") {
		t.Fatalf("error %v, want the line still owed named", err)
	}
	if st, _ := orderState(t, a, "#1002"); st != data.OrderReady {
		t.Errorf("#1002 is %s: a refused batch writes nothing", st)
	}
	err = a.ShipOrders([]app.ShipInput{{OrderID: o2.ID, Tracking: "JJD0002"}})
	if err == nil || !strings.Contains(err.Error(), "enter the carrier") {
		t.Errorf("no carrier: %v", err)
	}
}
