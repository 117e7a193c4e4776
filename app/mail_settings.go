package app

import (
	"errors"
	"fmt"
	"strings"

	"clockwork/app/mail"
	"clockwork/data"

	"gorm.io/gorm"
)

// ErrNoMail is returned when e-mail is used before Settings → E-mail names a server.
var ErrNoMail = errors.New("e-mail is not set up: enter your mail server in Settings → E-mail, or send with your mail program")

// mailColumns are the shop's columns SaveMailSetup writes, and only it.
var mailColumns = []string{"mail_host", "mail_port", "mail_security", "mail_user",
	"mail_po_subject", "mail_po_body", "mail_ship_notify", "mail_ship_subject", "mail_ship_body"}

// MailSetup is the e-mail settings as Settings shows them.
type MailSetup struct {
	data.MailSettings
	HasPassword bool // a password is kept for the user
}

// MailSetup reads the e-mail settings, with the built-in templates where none are saved.
func (a *App) MailSetup() (MailSetup, error) {
	shop, err := a.Shop()
	if err != nil {
		return MailSetup{}, err
	}
	m := withMailDefaults(shop.Mail)
	p, err := a.mailPassword(m.User, m.Host)
	return MailSetup{MailSettings: m, HasPassword: p != ""}, err
}

// SaveMailSetup checks and stores the e-mail settings; a non-empty password replaces the
// kept one. It returns where the password is kept, to tell the owner.
func (a *App) SaveMailSetup(m data.MailSettings, password string) (string, error) {
	m.Host, m.User = strings.TrimSpace(m.Host), strings.TrimSpace(m.User)
	if m.Host != "" || m.User != "" || password != "" {
		if err := (mail.Server{Host: m.Host, Port: m.Port, Security: m.Security}).Check(); err != nil {
			return "", invalid("mail", "%v", err)
		}
	}
	for field, tmpl := range map[string]string{"po_subject": m.POSubject, "ship_subject": m.ShipSubject} {
		if strings.ContainsAny(tmpl, "\r\n") {
			return "", invalid(field, "a subject is one line")
		}
	}
	if m.ShipNotify && m.Host == "" {
		return "", invalid("ship_notify", "shipping confirmations need a mail server: enter it first")
	}
	shop, err := a.Shop()
	if err != nil {
		return "", err
	}
	err = a.write(func(tx *gorm.DB) error {
		return tx.Model(&data.Shop{}).Where("id = ?", shop.ID).Select(mailColumns).Updates(data.Shop{Mail: m}).Error
	})
	if err != nil {
		return "", fmt.Errorf("save the e-mail settings: %w", err)
	}
	if password == "" {
		return "", nil
	}
	return a.storeMailPassword(m.User, m.Host, password)
}

// mailServer is the shop's mail server with its password, or ErrNoMail.
func (a *App) mailServer(m data.MailSettings) (mail.Server, error) {
	if strings.TrimSpace(m.Host) == "" {
		return mail.Server{}, ErrNoMail
	}
	p, err := a.mailPassword(m.User, m.Host)
	if err != nil {
		return mail.Server{}, err
	}
	return mail.Server{Host: m.Host, Port: m.Port, Security: m.Security, User: m.User, Password: p}, nil
}

// The built-in templates; Settings → E-mail shows them for editing.
const (
	DefaultPOSubject = "Purchase order {po_number} from {shop_name}"
	DefaultPOBody    = "{greeting},\n\nplease find attached our purchase order {po_number}: {lines}, {units} in all, {total}.\n" +
		"We would like it shipped by {ship_by}.\n\nPlease confirm the order and the ship date, and quote {po_number} on the delivery note and the invoice.\n\nThank you,\n{shop_name}\n"
	DefaultShipSubject = "Your order {order_number} from {shop_name} is on its way"
	DefaultShipBody    = "Hello {first_name},\n\nyour order {order_number} has left us today with {carrier}.\n\n{items}\n\n" +
		"Track it here: {tracking_link}\n(tracking number {tracking})\n\nThank you for shopping with {shop_name}!\n{shop_name}\n{shop_website}\n"
)

func withMailDefaults(m data.MailSettings) data.MailSettings {
	set := func(s *string, def string) {
		if strings.TrimSpace(*s) == "" {
			*s = def
		}
	}
	set(&m.POSubject, DefaultPOSubject)
	set(&m.POBody, DefaultPOBody)
	set(&m.ShipSubject, DefaultShipSubject)
	set(&m.ShipBody, DefaultShipBody)
	if m.Security == "" {
		m.Security = mail.SecurityStartTLS
	}
	if m.Port == 0 {
		m.Port = 587
	}
	return m
}

// fill replaces {name} placeholders with values; unknown ones stay as typed.
func fill(template string, values map[string]string) string {
	pairs := make([]string, 0, 2*len(values))
	for k, v := range values {
		pairs = append(pairs, "{"+k+"}", v)
	}
	return strings.NewReplacer(pairs...).Replace(template)
}
