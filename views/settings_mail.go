package views

import (
	"strconv"
	"strings"

	"clockwork/app"
	"clockwork/app/mail"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// mailSource is what the E-mail settings need from the app.
type mailSource interface {
	MailSetup() (app.MailSetup, error)
	SaveMailSetup(m data.MailSettings, password string) (string, error)
}

// mailSettings is the E-mail card of Settings: the SMTP server, the login, and the
// templates of the purchase order and shipping confirmation e-mails. It saves on its own
// button: the password goes to the keyring, not with the shop's other settings.
type mailSettings struct {
	src                          mailSource
	bg                           runner
	host, port, user, password   *widget.Entry
	poSubject, poBody            *widget.Entry
	shipSubject, shipBody        *widget.Entry
	security                     *widget.Select
	shipNotify                   *widget.Check
	status                       *widget.Label
	save                         *widget.Button
	securityNames, securityCodes []string
}

func newMailSettings(src mailSource, bg runner) *mailSettings {
	m := &mailSettings{src: src, bg: bg}
	m.securityNames = []string{"STARTTLS (port 587)", "TLS (port 465)", "None (this computer or network only)"}
	m.securityCodes = mail.Securities
	m.host, m.port, m.user = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	m.host.SetPlaceHolder("smtp.example.com")
	m.port.SetPlaceHolder("587")
	m.user.SetPlaceHolder("hello@example.com")
	m.password = widget.NewPasswordEntry()
	m.security = widget.NewSelect(m.securityNames, nil)
	m.poSubject, m.shipSubject = widget.NewEntry(), widget.NewEntry()
	m.poBody, m.shipBody = multiLine(), multiLine()
	m.shipNotify = widget.NewCheck("E-mail the customer a shipping confirmation when an order is marked shipped", nil)
	m.status = hint("")
	m.save = widget.NewButtonWithIcon("Save e-mail settings", theme.DocumentSaveIcon(), m.onSave)
	m.load()
	return m
}

func multiLine() *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(5)
	return e
}

// card is the E-mail section of Settings.
func (m *mailSettings) card() fyne.CanvasObject {
	server := widget.NewForm(
		widget.NewFormItem("Mail server", m.host),
		widget.NewFormItem("Port", m.port),
		widget.NewFormItem("Security", m.security),
		widget.NewFormItem("User", m.user),
		widget.NewFormItem("Password", m.password),
	)
	templates := widget.NewForm(
		widget.NewFormItem("PO subject", m.poSubject),
		widget.NewFormItem("PO message", m.poBody),
		widget.NewFormItem("", hint("Placeholders: {greeting} {supplier} {contact} {po_number} {lines} {units} {total} {ship_by} {shop_name}. The PDF is attached.")),
		widget.NewFormItem("", m.shipNotify),
		widget.NewFormItem("Shipping subject", m.shipSubject),
		widget.NewFormItem("Shipping message", m.shipBody),
		widget.NewFormItem("", hint("Placeholders: {first_name} {name} {order_number} {items} {carrier} {tracking} {tracking_link} {shop_name} {shop_website} {shop_email}.")),
	)
	body := container.NewVBox(
		hint("Purchase orders go to suppliers from your shop's address over your mail provider's server, the PDF attached. "+
			"Without a server, Clockwork opens your mail program instead and you attach the PDF yourself."),
		server, templates, container.NewBorder(nil, nil, nil, m.save, m.status))
	return widget.NewCard("E-mail", "Sending purchase orders and shipping confirmations.", body)
}

// load reads the saved settings off the UI thread and fills the card with them.
func (m *mailSettings) load() {
	m.bg(func() {
		setup, err := m.src.MailSetup()
		fyne.Do(func() {
			if err != nil {
				m.status.SetText("Could not read the e-mail settings: " + sentence(err))
				return
			}
			m.fill(setup)
		})
	})
}

// fill shows saved settings in the card.
func (m *mailSettings) fill(setup app.MailSetup) {
	m.host.SetText(setup.Host)
	m.port.SetText(strconv.Itoa(setup.Port))
	m.user.SetText(setup.User)
	m.password.SetText("")
	m.password.SetPlaceHolder("")
	if setup.HasPassword {
		m.password.SetPlaceHolder("kept; type to replace it")
	}
	for i, c := range m.securityCodes {
		if c == setup.Security {
			m.security.SetSelectedIndex(i)
		}
	}
	m.poSubject.SetText(setup.POSubject)
	m.poBody.SetText(setup.POBody)
	m.shipNotify.SetChecked(setup.ShipNotify)
	m.shipSubject.SetText(setup.ShipSubject)
	m.shipBody.SetText(setup.ShipBody)
}

// settings reads the form; a port that is not a number is said at once.
func (m *mailSettings) settings() (data.MailSettings, bool) {
	port := 0
	if p := strings.TrimSpace(m.port.Text); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil {
			m.status.SetText("The port is a number, usually 587 or 465.")
			return data.MailSettings{}, false
		}
		port = n
	}
	s := data.MailSettings{Host: m.host.Text, Port: port, User: m.user.Text, POSubject: m.poSubject.Text, POBody: m.poBody.Text,
		ShipNotify: m.shipNotify.Checked, ShipSubject: m.shipSubject.Text, ShipBody: m.shipBody.Text}
	if i := m.security.SelectedIndex(); i >= 0 {
		s.Security = m.securityCodes[i]
	}
	return s, true
}

func (m *mailSettings) onSave() {
	s, ok := m.settings()
	if !ok {
		return
	}
	password := m.password.Text
	m.bg(func() {
		note, err := m.src.SaveMailSetup(s, password)
		fyne.Do(func() {
			if err != nil {
				m.status.SetText(sentence(err))
				return
			}
			m.load()
			m.status.SetText(joinSentences("E-mail settings saved.", note))
		})
	})
}
