package app_test

import (
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/app/mail"
	"clockwork/app/mail/mailtest"
	"clockwork/data"
)

// readyOrder makes order #1001 (2 × BET-100) received and ready to ship, with an e-mail.
func readyOrder(t *testing.T, a *app.App, email string) data.Order {
	t.Helper()
	po := apptest.MakeSentPO(t, a, "Acme", apptest.POLineSpec{Order: "#1001", SKU: "BET-100", Qty: 2})
	if _, err := a.ReceiveAll(po.ID, apptest.Now); err != nil {
		t.Fatal(err)
	}
	o, err := a.OrderByNumber("#1001")
	if err != nil {
		t.Fatal(err)
	}
	if err := apptest.DB(t, a).Model(&o).Updates(map[string]any{"email": email, "customer_name": "Zoë Łódź"}).Error; err != nil {
		t.Fatal(err)
	}
	return o
}

// mailShop sets the shop up to send over srv, shipping confirmations as notify says.
func mailShop(t *testing.T, a *app.App, srv *mailtest.Server, notify bool) {
	t.Helper()
	t.Setenv("CLOCKWORK_NO_KEYRING", "1")
	shop, _ := a.Shop()
	shop.Name, shop.Email, shop.Website = "Linden & Loom", "hello@linden.example", "linden.example"
	if err := a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SaveMailSetup(data.MailSettings{Host: srv.Host, Port: srv.Port, Security: mail.SecurityNone, ShipNotify: notify}, ""); err != nil {
		t.Fatal(err)
	}
}

// shippedNote is the Shipped step's note on the order's journey.
func shippedNote(t *testing.T, a *app.App, id uint) string {
	t.Helper()
	det, err := a.OrderDetail(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range det.Timeline {
		if s.Stage == app.StageShipped {
			return s.Note
		}
	}
	t.Fatal("no Shipped step")
	return ""
}

func TestShippingConfirmationEmailsTheCustomer(t *testing.T) {
	a, _ := apptest.NewApp(t)
	o := readyOrder(t, a, "zoe@example.pl")
	srv := mailtest.Start(t, mailtest.Options{})
	mailShop(t, a, srv, true)
	if err := a.ShipOrders([]app.ShipInput{{OrderID: o.ID, Carrier: "DHL", Tracking: "JJD 0001"}}); err != nil {
		t.Fatal(err)
	}
	got := srv.Messages()
	if len(got) != 1 || got[0].To[0] != "zoe@example.pl" {
		t.Fatalf("the server received %+v", got)
	}
	msg, err := mailtest.Parse(got[0].Data)
	if err != nil {
		t.Fatal(err)
	}
	if msg.Subject != "Your order #1001 from Linden & Loom is on its way" || !strings.Contains(msg.From, "hello@linden.example") {
		t.Errorf("subject %q from %q", msg.Subject, msg.From)
	}
	for _, want := range []string{"Hello Zoë,", "2 × ", "with DHL", "tracking-id=JJD+0001", "tracking number JJD 0001", "linden.example"} {
		if !strings.Contains(msg.Body, want) {
			t.Errorf("the confirmation lacks %q:\n%s", want, msg.Body)
		}
	}
	if note := shippedNote(t, a, o.ID); !strings.Contains(note, "shipping confirmation e-mailed to zoe@example.pl (Message-ID <"+msg.MessageID+">)") {
		t.Errorf("the journey says %q", note)
	}
}

func TestShippingConfirmationIsOffByDefault(t *testing.T) {
	a, _ := apptest.NewApp(t)
	o := readyOrder(t, a, "zoe@example.pl")
	srv := mailtest.Start(t, mailtest.Options{})
	mailShop(t, a, srv, false)
	if err := a.ShipOrders([]app.ShipInput{{OrderID: o.ID, Carrier: "DHL", Tracking: "JJD0001"}}); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("%d confirmations sent while off", n)
	}
	if note := shippedNote(t, a, o.ID); note != "DHL JJD0001" {
		t.Errorf("the journey says %q", note)
	}
}

func TestShippingConfirmationFailureStillShips(t *testing.T) {
	a, _ := apptest.NewApp(t)
	o := readyOrder(t, a, "zoe@example.pl")
	srv := mailtest.Start(t, mailtest.Options{Refuse: []string{"zoe@example.pl"}})
	mailShop(t, a, srv, true)
	if err := a.ShipOrders([]app.ShipInput{{OrderID: o.ID, Carrier: "Some Courier", Tracking: "X1"}}); err != nil {
		t.Fatal(err)
	}
	after, _ := a.OrderByNumber("#1001")
	note := shippedNote(t, a, o.ID)
	if after.Status != data.OrderShipped || !strings.Contains(note, "shipping confirmation not sent: the mail server would not send to zoe@example.pl") {
		t.Errorf("order %s, journey %q", after.Status, note)
	}
}

func TestTrackingLinks(t *testing.T) {
	for _, c := range []struct{ carrier, number, want string }{
		{"UPS", "1Z999AA10123456784", "https://www.ups.com/track?tracknum=1Z999AA10123456784"},
		{"dhl express", "JJD1", "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=JJD1"},
		{"Royal Mail", "AB 123&4", "https://www.royalmail.com/track-your-item#/tracking-results/AB+123%264"},
		{"Bob's Van", "7", ""},
	} {
		if got := app.TrackingLink(c.carrier, c.number); got != c.want {
			t.Errorf("TrackingLink(%q, %q) = %q, want %q", c.carrier, c.number, got, c.want)
		}
	}
}
