package cli_test

import (
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/cli"
	"clockwork/app/mail"
	"clockwork/app/mail/mailtest"
	"clockwork/data"
)

func TestPOSendByEmail(t *testing.T) {
	t.Setenv("CLOCKWORK_NO_KEYRING", "1")
	db := purchaseShop(t)
	if code, out, stderr := run(t, db, "purchase"); code != cli.ExitOK {
		t.Fatalf("purchase: exit %d %s %s", code, out, stderr)
	}
	// Without a mail server the command says where to set one up, and sends nothing.
	code, _, stderr := run(t, db, "po", "send", "PO-000001", "--email")
	if code == cli.ExitOK || !strings.Contains(stderr, "Settings → E-mail") {
		t.Errorf("--email without a server: exit %d %q", code, stderr)
	}
	srv := mailtest.Start(t, mailtest.Options{User: "shop", Password: "pw", Refuse: []string{"orders@lodz.example"}})
	a, err := app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	shop, _ := a.Shop()
	shop.Email = "hello@shop.example"
	if err := a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SaveMailSetup(data.MailSettings{Host: srv.Host, Port: srv.Port, Security: mail.SecurityNone, User: "shop"}, "pw"); err != nil {
		t.Fatal(err)
	}
	a.Close()
	// The server refuses the supplier's address: the PO stays a draft and the reason is said.
	code, _, stderr = run(t, db, "po", "send", "PO-000001", "--email")
	if code == cli.ExitOK || !strings.Contains(stderr, "PO-000001 was not sent") || !strings.Contains(stderr, "550") {
		t.Errorf("refused address: exit %d %q", code, stderr)
	}
	if _, out, _ := run(t, db, "po", "list", "--status", "draft"); !strings.Contains(out, "PO-000001") {
		t.Errorf("after a refusal the PO is not a draft any more:\n%s", out)
	}
	// A server that takes it: sent, and the supplier has the message.
	ok := mailtest.Start(t, mailtest.Options{User: "shop", Password: "pw"})
	a, err = app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.SaveMailSetup(data.MailSettings{Host: ok.Host, Port: ok.Port, Security: mail.SecurityNone, User: "shop"}, ""); err != nil {
		t.Fatal(err)
	}
	a.Close()
	code, out, stderr := run(t, db, "po", "send", "PO-000001", "--email")
	if code != cli.ExitOK || !strings.Contains(out, "PO-000001 e-mailed to orders@lodz.example (Message-ID <") {
		t.Fatalf("send --email: exit %d %q %q", code, out, stderr)
	}
	if got := ok.Messages(); len(got) != 1 || got[0].To[0] != "orders@lodz.example" {
		t.Errorf("the server received %+v", got)
	}
	if _, out, _ := run(t, db, "po", "list", "--status", "sent"); !strings.Contains(out, "PO-000001") {
		t.Errorf("the PO is not sent after the server took it:\n%s", out)
	}
}
