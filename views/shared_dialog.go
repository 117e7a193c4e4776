package views

import (
	"fmt"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// sharedDialog is "Use a shared database…": the server's address, the database and the
// user with its password; "Test connection" says what it found, "Switch" opens the shop there.
type sharedDialog struct {
	win                            fyne.Window
	bg                             runner
	host, port, database, user, pw *widget.Entry
	tls                            *widget.Check
	status                         *widget.Label
	test, use                      *widget.Button
	dlg                            dialog.Dialog
	// choose makes the URL this computer's shop and opens it.
	choose func(loc string) error
}

func newSharedDialog(win fyne.Window, bg runner, choose func(loc string) error) *sharedDialog {
	d := &sharedDialog{win: win, bg: bg, choose: choose}
	d.host = entryWith("db.example.com or 192.168.1.20")
	d.port = entryWith("5432")
	d.database = entryWith("shop")
	d.user = entryWith("the station's PostgreSQL user, such as packing")
	d.pw = widget.NewPasswordEntry()
	d.pw.SetPlaceHolder("kept in your system's keyring, never in the shop")
	d.tls = widget.NewCheck("Always encrypt the connection (refuse a server without TLS)", nil)
	d.status = widget.NewLabel("Clockwork connects to the server and checks the database before it switches.")
	d.status.Wrapping = fyne.TextWrapWord
	d.test = widget.NewButton("Test connection", d.onTest)
	d.use = widget.NewButton("Switch to this database", d.onSwitch)
	d.use.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.dlg.Hide() })
	form := widget.NewForm(
		widget.NewFormItem("Server", d.host),
		widget.NewFormItem("Port", d.port),
		widget.NewFormItem("Database", d.database),
		widget.NewFormItem("User", d.user),
		widget.NewFormItem("Password", d.pw),
		widget.NewFormItem("", d.tls),
	)
	body := container.NewBorder(form, container.NewHBox(d.test, layout.NewSpacer(), cancel, d.use), nil, nil, d.status)
	d.dlg = dialog.NewCustomWithoutButtons("Use a shared database", container.NewGridWrap(fyne.NewSize(560, 380), body), win)
	return d
}

func entryWith(placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	return e
}

func (d *sharedDialog) show() { d.dlg.Show(); d.win.Canvas().Focus(d.host) }

// url is the form's URL, password included, or the sentence saying what to fix.
func (d *sharedDialog) url() (string, error) {
	return app.SharedForm{Host: d.host.Text, Port: d.port.Text, Database: d.database.Text, User: d.user.Text,
		Password: d.pw.Text, RequireTLS: d.tls.Checked}.URL()
}

// onTest connects in the background and says what it found.
func (d *sharedDialog) onTest() {
	loc, err := d.url()
	if err != nil {
		d.status.SetText(err.Error())
		return
	}
	d.busy("Connecting to " + app.Masked(loc) + " …")
	d.bg(func() {
		found, err := app.TestShared(loc)
		msg := ""
		switch {
		case err != nil:
			msg = "Could not connect: " + app.Scrub(err.Error(), loc)
		case found.Empty:
			msg = "Connected. The database holds no shop yet: switching starts a new, empty shop in it. To bring " +
				"this shop's orders along, run clockwork migrate first (README: Several stations, one shop)."
		default:
			msg = fmt.Sprintf("Connected. The database holds the shop %q: switching opens it here.", found.Shop)
		}
		fyne.Do(func() { d.done(msg) })
	})
}

// onSwitch makes the database this computer's shop, once it connects.
func (d *sharedDialog) onSwitch() {
	loc, err := d.url()
	if err != nil {
		d.status.SetText(err.Error())
		return
	}
	d.busy("Opening the shop on " + app.Masked(loc) + " …")
	d.bg(func() {
		_, err := app.TestShared(loc)
		fyne.Do(func() {
			if err != nil {
				d.done("Could not connect, so nothing was switched: " + app.Scrub(err.Error(), loc))
				return
			}
			if err := d.choose(loc); err != nil {
				d.done("Could not switch: " + app.Scrub(err.Error(), loc))
				return
			}
			d.dlg.Hide()
		})
	})
}

func (d *sharedDialog) busy(msg string) {
	d.status.SetText(msg)
	d.test.Disable()
	d.use.Disable()
}

func (d *sharedDialog) done(msg string) {
	d.status.SetText(msg)
	d.test.Enable()
	d.use.Enable()
}
