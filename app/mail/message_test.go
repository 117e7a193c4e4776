package mail_test

import (
	"net/mail"
	"strings"
	"testing"
	"time"

	cmail "clockwork/app/mail"
	"clockwork/app/mail/mailtest"
)

func TestMessageCarriesAnyScriptAndTheAttachment(t *testing.T) {
	m := cmail.Message{
		From: mail.Address{Name: "Łódź Ceramics", Address: "hello@lodz.example"}, To: mail.Address{Name: "王伟", Address: "wang@example.cn"},
		Subject: "Bestellung PO-000123 — Größe 45 × 45", Body: "Dzień dobry,\nzałączamy zamówienie.",
		Attachments: []cmail.Attachment{{Name: "PO-000123.pdf", Type: "application/pdf", Data: []byte("%PDF-1.4\x00\xff binary")}},
		ID:          cmail.NewID("hello@lodz.example"), Date: time.Date(2026, 3, 12, 14, 30, 0, 0, time.UTC),
	}
	raw, err := m.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(raw), "\r\n") {
		if len(line) > 998 {
			t.Fatalf("a line of %d characters", len(line))
		}
		for _, r := range line {
			if r > 127 {
				t.Fatalf("a raw non-ASCII character in %q: headers and body must be encoded", line)
			}
		}
	}
	p, err := mailtest.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if p.Subject != m.Subject || p.Body != m.Body || string(p.Attachments["PO-000123.pdf"]) != "%PDF-1.4\x00\xff binary" {
		t.Errorf("read back %+v", p)
	}
	if !strings.HasSuffix(p.MessageID, "@lodz.example") || p.ReplyTo != p.From {
		t.Errorf("Message-ID %q, Reply-To %q, From %q", p.MessageID, p.ReplyTo, p.From)
	}
}

func TestAddressesThatCannotBeWritten(t *testing.T) {
	for _, a := range []string{"", "not an address", "a@b.example\r\nBcc: all@example.com", "Name <a@b.example>"} {
		if err := cmail.CheckAddress(a); err == nil {
			t.Errorf("%q accepted", a)
		}
	}
	if err := cmail.CheckAddress("orders@tkalnia-lodzka.pl"); err != nil {
		t.Error(err)
	}
}

func TestServerSettingsChecked(t *testing.T) {
	for _, s := range []cmail.Server{{Port: 587, Security: "starttls"}, {Host: "smtp.example.com", Port: 0, Security: "tls"}, {Host: "smtp.example.com", Port: 25, Security: "ssl"}} {
		if err := cmail.Send(s, cmail.Message{}); err == nil {
			t.Errorf("%+v accepted", s)
		}
	}
}

func TestSendOverSTARTTLSAndTLS(t *testing.T) {
	for _, sec := range []string{cmail.SecurityStartTLS, cmail.SecurityTLS} {
		srv := mailtest.Start(t, mailtest.Options{User: "shop", Password: "pw", Security: sec})
		s := cmail.Server{Host: srv.Host, Port: srv.Port, Security: sec, User: "shop", Password: "pw", TLS: srv.ClientTLS}
		m := cmail.Message{From: mail.Address{Address: "hello@shop.example"}, To: mail.Address{Address: "orders@supplier.example"},
			Subject: "PO", Body: "Hello", ID: cmail.NewID("hello@shop.example"), Date: time.Now()}
		if err := cmail.Send(s, m); err != nil {
			t.Fatalf("%s: %v", sec, err)
		}
		if n := len(srv.Messages()); n != 1 {
			t.Errorf("%s: %d messages received", sec, n)
		}
		// A server whose certificate is not trusted is refused, saying so.
		s.TLS = nil
		if err := cmail.Send(s, m); err == nil || !strings.Contains(err.Error(), "127.0.0.1") {
			t.Errorf("%s with an untrusted certificate: %v", sec, err)
		}
	}
	// STARTTLS asked of a server that does not offer it.
	plain := mailtest.Start(t, mailtest.Options{})
	err := cmail.Send(cmail.Server{Host: plain.Host, Port: plain.Port, Security: cmail.SecurityStartTLS},
		cmail.Message{From: mail.Address{Address: "a@b.example"}, To: mail.Address{Address: "c@d.example"}, ID: "x@b.example"})
	if err == nil || !strings.Contains(err.Error(), "does not offer STARTTLS") {
		t.Errorf("STARTTLS without it: %v", err)
	}
}
