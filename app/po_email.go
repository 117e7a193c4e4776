package app

import (
	"bytes"
	"fmt"
	"io"
	netmail "net/mail"
	"os"
	"strings"

	"clockwork/app/mail"
	"clockwork/data"
)

// POMailResult is what became of one purchase order's e-mail.
type POMailResult struct {
	PONumber, Supplier, To string
	Sent                   bool   // the server accepted the message (and a draft is now sent)
	MessageID              string // set when sent
	Problem                string // why not, in plain words, when not sent
}

// EmailPOs e-mails each purchase order's PDF to its supplier over the shop's SMTP server,
// one message per PO. A draft counts as sent only once the server accepted its message: a
// refusal leaves it a draft, ready to send again, with the server's reason. A sent PO is
// e-mailed again as it is. A supplier without an e-mail address is listed, not skipped.
// Each message is logged on the supplier's contact log with its Message-ID. The error is
// for what stops every PO (no server set up); each PO's own outcome is in its result.
func (a *App) EmailPOs(ids []uint) ([]POMailResult, error) {
	shop, err := a.Shop()
	if err != nil {
		return nil, err
	}
	server, err := a.mailServer(shop.Mail)
	if err != nil {
		return nil, err
	}
	if err := mail.CheckAddress(shop.Email); err != nil {
		return nil, invalid("email", "the shop's e-mail address is the sender: enter it in Settings (%v)", err)
	}
	out := make([]POMailResult, 0, len(ids))
	for _, id := range ids {
		out = append(out, a.emailPO(server, shop, id, SendOptions{}))
	}
	return out, nil
}

// EmailPO e-mails one purchase order as EmailPOs does; a draft is sent with opt.
func (a *App) EmailPO(id uint, opt SendOptions) (POMailResult, error) {
	shop, err := a.Shop()
	if err != nil {
		return POMailResult{}, err
	}
	server, err := a.mailServer(shop.Mail)
	if err != nil {
		return POMailResult{}, err
	}
	if err := mail.CheckAddress(shop.Email); err != nil {
		return POMailResult{}, invalid("email", "the shop's e-mail address is the sender: enter it in Settings (%v)", err)
	}
	return a.emailPO(server, shop, id, opt), nil
}

// emailPO sends one purchase order; see EmailPOs.
func (a *App) emailPO(server mail.Server, shop data.Shop, id uint, opt SendOptions) POMailResult {
	d, err := a.PurchaseOrder(id)
	if err != nil {
		return POMailResult{Problem: sentenceOf(err)}
	}
	r := POMailResult{PONumber: d.Number, Supplier: d.Supplier.Name, To: strings.TrimSpace(d.Supplier.Email)}
	switch {
	case r.To == "":
		r.Problem = d.Supplier.Name + " has no e-mail address: add it on the supplier's page, then send again."
		return r
	case mail.CheckAddress(r.To) != nil:
		r.Problem = fmt.Sprintf("%s's e-mail address %q is not valid: correct it on the supplier's page.", d.Supplier.Name, r.To)
		return r
	}
	var pdf []byte
	send := func(tx *App) error {
		if d.Status == data.PODraft {
			if _, err := tx.SendPOWith(id, opt); err != nil {
				return err
			}
		}
		msg, err := tx.poMessage(shop, id)
		if err != nil {
			return err
		}
		if err := mail.Send(server, msg); err != nil {
			return err
		}
		r.MessageID, pdf = msg.ID, msg.Attachments[0].Data
		return tx.logPOMail(d, msg)
	}
	// The PO is marked sent in the same transaction that waits for the server: a refusal
	// rolls it back to a draft.
	if err = a.InTx(send); err != nil {
		r.MessageID, r.Problem = "", sentenceOf(err)
		return r
	}
	r.Sent = true
	// The copy kept is the very PDF the supplier received.
	err = os.MkdirAll(a.PODocumentsDir(), 0o700)
	if err == nil {
		err = WriteFile(a.POPDFPath(d.Number), func(w io.Writer) error { _, err := w.Write(pdf); return err })
	}
	if err != nil {
		r.Problem = "Sent, but its PDF could not be kept in " + a.PODocumentsDir() + ": " + sentenceOf(err)
	}
	return r
}

// poMessage is a purchase order's e-mail: the shop's templates filled in, the PDF attached.
func (a *App) poMessage(shop data.Shop, id uint) (mail.Message, error) {
	d, err := a.PurchaseOrder(id)
	if err != nil {
		return mail.Message{}, err
	}
	var pdf bytes.Buffer
	if err := a.WritePOPDF(id, &pdf); err != nil {
		return mail.Message{}, err
	}
	units := 0
	for _, l := range d.Lines {
		units += l.Qty
	}
	greeting := "Hello"
	if c := strings.TrimSpace(d.Supplier.ContactPerson); c != "" {
		greeting += " " + c
	}
	shipBy := string(d.Due())
	if shipBy == "" {
		shipBy = "as soon as you can"
	}
	values := map[string]string{"greeting": greeting, "po_number": d.Number, "shop_name": shop.Name, "supplier": d.Supplier.Name,
		"contact": d.Supplier.ContactPerson, "lines": plural(len(d.Lines), "line", "lines"), "units": plural(units, "unit", "units"),
		"total": d.Total.Format(shop.Currency), "ship_by": shipBy}
	m := withMailDefaults(shop.Mail)
	from := netmail.Address{Name: shop.Name, Address: shop.Email}
	return mail.Message{
		From: from, ReplyTo: from, To: netmail.Address{Name: d.Supplier.Name, Address: strings.TrimSpace(d.Supplier.Email)},
		Subject: fill(m.POSubject, values), Body: fill(m.POBody, values),
		Attachments: []mail.Attachment{{Name: d.Number + ".pdf", Type: "application/pdf", Data: pdf.Bytes()}},
		ID:          mail.NewID(shop.Email), Date: a.Now(),
	}, nil
}

// logPOMail writes the message on the supplier's contact log.
func (a *App) logPOMail(d PODetail, msg mail.Message) error {
	id := d.ID
	ev := data.SupplierEvent{SupplierID: d.SupplierID, PurchaseOrderID: &id, At: a.Now().UTC(), Kind: data.EventMessage, Channel: "email",
		Text: fmt.Sprintf("E-mailed %s with its PDF to %s: %q (Message-ID <%s>)", d.Number, msg.To.Address, msg.Subject, msg.ID)}
	if err := a.db.Create(&ev).Error; err != nil {
		return fmt.Errorf("log the e-mail to %s: %w", d.Supplier.Name, err)
	}
	return nil
}

// sentenceOf is an error as a sentence for the owner: capitalised, with a full stop.
func sentenceOf(err error) string {
	s := strings.TrimSpace(err.Error())
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
