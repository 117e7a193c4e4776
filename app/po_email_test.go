package app_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/app/mail"
	"clockwork/app/mail/mailtest"
	"clockwork/data"
)

// twoDraftShop has one draft PO for Alpha (orders@0.example) and one for Beta
// (orders@1.example), and e-mail set up against a test server as user "shop" with the
// password "right horse".
func twoDraftShop(t *testing.T, opt mailtest.Options) (*buyShop, []uint, *mailtest.Server) {
	t.Setenv("CLOCKWORK_NO_KEYRING", "1") // never touch the real keyring from a test
	s := newBuyShop(t)
	s.supplier("Alpha", 4)
	s.supplier("Beta", 2)
	s.product("MUG")
	s.product("CUP")
	s.offer("MUG", "Alpha", data.Offer{UnitCost: 450})
	s.offer("CUP", "Beta", data.Offer{UnitCost: 1999})
	s.order(map[string]int{"MUG": 2, "CUP": 1})
	res := s.purchase(app.PlanOptions{})
	if len(res.POIDs) != 2 {
		t.Fatalf("purchase made %v", res.PONumbers)
	}
	shop, err := s.a.Shop()
	if err != nil {
		t.Fatal(err)
	}
	shop.Name, shop.Email = "Linden & Loom", "hello@linden.example"
	if err := s.a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	srv := mailtest.Start(t, opt)
	if _, err := s.a.SaveMailSetup(data.MailSettings{Host: srv.Host, Port: srv.Port, Security: mail.SecurityNone, User: "shop"}, "right horse"); err != nil {
		t.Fatal(err)
	}
	return s, res.POIDs, srv
}

func TestEmailPOsSendsEachPDFToItsSupplier(t *testing.T) {
	s, ids, srv := twoDraftShop(t, mailtest.Options{User: "shop", Password: "right horse"})
	results, err := s.a.EmailPOs(ids)
	if err != nil {
		t.Fatal(err)
	}
	got := srv.Messages()
	if len(results) != 2 || len(got) != 2 {
		t.Fatalf("results %+v, %d messages received", results, len(got))
	}
	for i, r := range results {
		po, _ := s.a.PurchaseOrder(ids[i])
		if !r.Sent || r.Problem != "" || po.Status != data.POSent {
			t.Errorf("%s: %+v, status %s", r.PONumber, r, po.Status)
		}
		msg, err := mailtest.Parse(got[i].Data)
		if err != nil {
			t.Fatal(err)
		}
		if len(got[i].To) != 1 || got[i].To[0] != po.Supplier.Email || !strings.Contains(msg.To, po.Supplier.Email) {
			t.Errorf("%s went to %v (%s), want %s", po.Number, got[i].To, msg.To, po.Supplier.Email)
		}
		if want := "Purchase order " + po.Number + " from Linden & Loom"; msg.Subject != want {
			t.Errorf("subject %q, want %q", msg.Subject, want)
		}
		if !strings.Contains(msg.From, "hello@linden.example") || !strings.Contains(msg.ReplyTo, "hello@linden.example") || msg.MessageID != r.MessageID {
			t.Errorf("from %q reply-to %q id %q (result %q)", msg.From, msg.ReplyTo, msg.MessageID, r.MessageID)
		}
		if !strings.Contains(msg.Body, "Hello Zoë Łódź,") || !strings.Contains(msg.Body, "please find attached our purchase order "+po.Number) {
			t.Errorf("body:\n%s", msg.Body)
		}
		// The attachment is the sent PO's PDF, and the very file kept beside the database.
		att := msg.Attachments[po.Number+".pdf"]
		kept, err := os.ReadFile(s.a.POPDFPath(po.Number))
		if err != nil || !bytes.Equal(att, kept) || len(att) < 1000 {
			t.Errorf("%s: the attachment (%d bytes) is not the PDF kept (%d bytes, %v)", po.Number, len(att), len(kept), err)
		}
		if text := pdfToText(t, att); !strings.Contains(text, po.Number) || strings.Contains(text, "Draft") || !strings.Contains(text, "2026-03-12") {
			t.Errorf("%s: the attached PDF reads:\n%s", po.Number, text)
		}
		ev, _ := s.a.SupplierEvents(po.SupplierID, 0, 10)
		if len(ev) == 0 || !strings.Contains(ev[0].Text, "E-mailed "+po.Number) || !strings.Contains(ev[0].Text, "<"+r.MessageID+">") {
			t.Errorf("contact log %+v lacks the e-mail with its Message-ID", ev)
		}
	}
}

// pdfToText is the text of a PDF as pdftotext reads it.
func pdfToText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "po.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestEmailPOsFailuresLeaveThePOsUnsent(t *testing.T) {
	cases := []struct {
		name string
		opt  mailtest.Options
		prep func(t *testing.T, s *buyShop, srv *mailtest.Server)
		want string
	}{
		{"refused login", mailtest.Options{User: "shop", Password: "another horse"}, nil, "refused the user name or password"},
		{"unreachable server", mailtest.Options{}, func(t *testing.T, s *buyShop, srv *mailtest.Server) {
			if _, err := s.a.SaveMailSetup(data.MailSettings{Host: "127.0.0.1", Port: 1, Security: mail.SecurityNone, User: "shop"}, "x"); err != nil {
				t.Fatal(err)
			}
		}, "Could not reach the mail server 127.0.0.1:1"},
		{"refused address", mailtest.Options{Refuse: []string{"orders@0.example", "orders@1.example"}}, nil, "would not send to orders@"},
		{"too large", mailtest.Options{MaxBytes: 2000}, nil, "too large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, ids, srv := twoDraftShop(t, c.opt)
			if c.opt.User == "" {
				// A server without logins: send without one.
				if _, err := s.a.SaveMailSetup(data.MailSettings{Host: srv.Host, Port: srv.Port, Security: mail.SecurityNone}, ""); err != nil {
					t.Fatal(err)
				}
			}
			if c.prep != nil {
				c.prep(t, s, srv)
			}
			results, err := s.a.EmailPOs(ids)
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range results {
				po, _ := s.a.PurchaseOrder(ids[i])
				t.Log(r.Problem)
				if r.Sent || !strings.Contains(r.Problem, c.want) || po.Status != data.PODraft || po.SentAt != nil {
					t.Errorf("%s: %+v, status %s, want unsent with %q", r.PONumber, r, po.Status, c.want)
				}
				if ev, _ := s.a.SupplierEvents(po.SupplierID, 0, 10); len(ev) != 0 {
					t.Errorf("%s: the contact log has %+v for a message never sent", r.PONumber, ev)
				}
			}
			if n := len(srv.Messages()); n != 0 {
				t.Errorf("the server kept %d messages", n)
			}
		})
	}
}

func TestEmailPOsListsSuppliersWithoutAnAddress(t *testing.T) {
	s, ids, srv := twoDraftShop(t, mailtest.Options{User: "shop", Password: "right horse"})
	beta := s.suppliers["Beta"]
	beta.Email = ""
	if err := s.a.SaveSupplier(&beta); err != nil {
		t.Fatal(err)
	}
	results, err := s.a.EmailPOs(ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Supplier == "Alpha" && (!r.Sent || r.Problem != "") || r.Supplier == "Beta" && (r.Sent || r.Problem != "Beta has no e-mail address: add it on the supplier's page, then send again.") {
			t.Errorf("%s: %+v", r.Supplier, r)
		}
	}
	if len(results) != 2 {
		t.Errorf("results %+v, want both listed", results)
	}
	if len(srv.Messages()) != 1 {
		t.Errorf("%d messages sent, want Alpha's only", len(srv.Messages()))
	}
}

func TestMailPasswordNeverInTheDatabase(t *testing.T) {
	s, _, _ := twoDraftShop(t, mailtest.Options{User: "shop", Password: "right horse"})
	if apptest.Holds(t, s.a, "right horse") {
		t.Error("the mail password is in the database")
	}
	// Saving the shop's other settings keeps the e-mail settings.
	shop, _ := s.a.Shop()
	shop.Mail = data.MailSettings{}
	if err := s.a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	setup, err := s.a.MailSetup()
	if err != nil || !setup.HasPassword || setup.User != "shop" || setup.POSubject != app.DefaultPOSubject {
		t.Errorf("setup %+v, %v", setup, err)
	}
	note, err := s.a.SaveMailSetup(setup.MailSettings, "new secret")
	if err != nil || !strings.Contains(note, "only you can read") {
		t.Errorf("without a keyring the owner is warned where the password is: %q, %v", note, err)
	}
	if _, err := s.a.SaveMailSetup(data.MailSettings{Host: "smtp.example.com", Port: 70000, Security: "tls"}, ""); err == nil || !strings.Contains(err.Error(), "port 70000") {
		t.Errorf("a bad port: %v", err)
	}
}

func TestEmailWithoutSetupSaysWhereToSetItUp(t *testing.T) {
	s, res := draftShop(t)
	if _, err := s.a.EmailPOs(res.POIDs); err == nil || !strings.Contains(err.Error(), "Settings → E-mail") {
		t.Errorf("e-mail without a server: %v", err)
	}
}
