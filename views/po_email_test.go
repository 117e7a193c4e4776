package views

import (
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/mail/mailtest"
	"clockwork/data"
)

func TestEmailSettingsThenSendAllDraftsByEmail(t *testing.T) {
	t.Setenv("CLOCKWORK_NO_KEYRING", "1")
	s, a, clock := newTestShell(t)
	stockShop(t, a, clock.T.Add(-time.Hour))
	shop, _ := a.Shop()
	shop.Email, shop.PurchasePolicy = "hello@linden.example", "fastest" // mugs from Nordlicht, towels from Łódź
	if err := a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Purchase(); err != nil {
		t.Fatal(err)
	}
	srv := mailtest.Start(t, mailtest.Options{User: "hello@linden.example", Password: "s3cret"})

	// Before e-mail is set up, Send by e-mail says where to set it up.
	p := posOf(t, s)
	p.onEmailAll()
	if !strings.Contains(p.sentAll, "Settings → E-mail") {
		t.Errorf("without a server: %q", p.sentAll)
	}

	m := settingsOf(s).mail
	m.host.SetText(srv.Host)
	m.port.SetText("not a port")
	m.onSave()
	if !strings.Contains(m.status.Text, "The port is a number") {
		t.Errorf("a bad port: %q", m.status.Text)
	}
	m.port.SetText(strings.TrimPrefix(srv.Addr(), srv.Host+":"))
	m.security.SetSelectedIndex(2) // none: the test server is on this computer
	m.user.SetText("hello@linden.example")
	m.password.SetText("s3cret")
	m.shipNotify.SetChecked(true)
	m.shipSubject.SetText("On its way: {order_number}")
	m.onSave()
	if !strings.HasPrefix(m.status.Text, "E-mail settings saved.") || !strings.Contains(m.status.Text, "only you can read") {
		t.Errorf("after saving: %q", m.status.Text)
	}
	if m.password.Text != "" || !strings.Contains(m.password.PlaceHolder, "kept") {
		t.Errorf("the password field shows %q / %q after saving", m.password.Text, m.password.PlaceHolder)
	}
	if setup, _ := a.MailSetup(); !setup.ShipNotify || setup.ShipSubject != "On its way: {order_number}" || setup.Port != srv.Port {
		t.Errorf("saved %+v", setup.MailSettings)
	}

	p = posOf(t, s)
	p.onEmailAll()
	if !strings.HasPrefix(p.sentAll, "1 purchase order e-mailed") || !strings.Contains(p.sentAll, "Nordlicht GmbH has no e-mail address") {
		t.Errorf("send all by e-mail said %q", p.sentAll)
	}
	got := srv.Messages()
	if len(got) != 1 || got[0].To[0] != "orders@lodz.example" {
		t.Fatalf("the server received %+v", got)
	}
	if n, _ := a.CountPurchaseOrders(app.POQuery{Status: data.PODraft}); n != 1 {
		t.Errorf("%d drafts left, want Nordlicht's", n)
	}
	// Nordlicht's draft, opened: Send by e-mail says why not, and it stays a draft.
	drafts, _ := p.drafts()
	p.detail.open(drafts[0])
	p.detail.onEmail()
	if !strings.Contains(p.detail.warn.Text, "has no e-mail address") || p.detail.po.Status != data.PODraft {
		t.Errorf("e-mailing a supplier without an address: %q, %s", p.detail.warn.Text, p.detail.po.Status)
	}
	// The mail-program way stays, honest that the PDF must be attached by hand.
	sent, _ := a.PurchaseOrders(app.POQuery{Status: data.POSent})
	p.detail.open(sent[0].ID)
	p.detail.onMail()
	if n := p.detail.mailNote; !strings.Contains(n, "orders@lodz.example") || !strings.Contains(n, "attach the PDF yourself") || strings.Contains(n, "%") {
		t.Errorf("the mail program note: %q", n)
	}
}
