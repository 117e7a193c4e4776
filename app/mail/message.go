// Package mail writes e-mails (a text body and PDF attachments) and hands them to the
// shop's SMTP server, saying in plain words why a server refused one.
package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"net/mail"
	"strings"
	"time"
)

// Attachment is a file sent with a message.
type Attachment struct {
	Name string // the file name the recipient sees, e.g. "PO-000123.pdf"
	Type string // its MIME type, e.g. "application/pdf"
	Data []byte
}

// Message is one e-mail.
type Message struct {
	From    mail.Address // the shop: its name and address
	ReplyTo mail.Address // where answers go; empty uses From
	To      mail.Address
	Subject string
	Body    string // plain text, UTF-8
	// Attachments follow the body in the order given.
	Attachments []Attachment
	// ID is the Message-ID without angle brackets; NewID makes one.
	ID   string
	Date time.Time
}

// NewID makes a unique Message-ID at the sender's domain, so a reply can be matched.
func NewID(from string) string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	domain := "clockwork.invalid"
	if at := strings.LastIndexByte(from, '@'); at >= 0 && at < len(from)-1 {
		domain = from[at+1:]
	}
	return hex.EncodeToString(b) + "@" + domain
}

// ErrAddress is returned for an e-mail address that cannot be written into a message.
var ErrAddress = errors.New("not an e-mail address")

// CheckAddress says what is wrong with an e-mail address, if anything.
func CheckAddress(s string) error {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != strings.TrimSpace(s) || strings.ContainsAny(s, "\r\n") {
		return fmt.Errorf("%q is %w: write it like orders@supplier.com", s, ErrAddress)
	}
	return nil
}

// Bytes is the message as the SMTP server receives it: headers, then a multipart body with
// the text and each attachment in base64. Header values are encoded for any script.
func (m Message) Bytes() ([]byte, error) {
	for _, a := range []string{m.From.Address, m.To.Address} {
		if err := CheckAddress(a); err != nil {
			return nil, err
		}
	}
	reply := m.ReplyTo
	if reply.Address == "" {
		reply = m.From
	}
	var b bytes.Buffer
	boundary := "clockwork-" + strings.SplitN(m.ID, "@", 2)[0]
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", m.From.String())
	header("Reply-To", reply.String())
	header("To", m.To.String())
	header("Subject", mime.QEncoding.Encode("utf-8", oneLine(m.Subject)))
	header("Date", m.Date.Format(time.RFC1123Z))
	header("Message-ID", "<"+m.ID+">")
	header("MIME-Version", "1.0")
	header("Content-Type", `multipart/mixed; boundary="`+boundary+`"`)
	b.WriteString("\r\n")
	fmt.Fprintf(&b, "--%s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n", boundary)
	writeBase64(&b, []byte(strings.ReplaceAll(m.Body, "\n", "\r\n")))
	for _, a := range m.Attachments {
		name := mime.QEncoding.Encode("utf-8", oneLine(a.Name))
		fmt.Fprintf(&b, "--%s\r\nContent-Type: %s; name=\"%s\"\r\nContent-Disposition: attachment; filename=\"%s\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
			boundary, a.Type, name, name)
		writeBase64(&b, a.Data)
	}
	fmt.Fprintf(&b, "--%s--\r\n", boundary)
	return b.Bytes(), nil
}

// writeBase64 writes data in base64 lines of 76 characters.
func writeBase64(b *bytes.Buffer, data []byte) {
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 76 {
		b.WriteString(enc[:76])
		b.WriteString("\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc)
	b.WriteString("\r\n")
}

// oneLine keeps a header value on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
