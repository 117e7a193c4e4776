package views

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// onEmail sends the open PO by e-mail over the shop's SMTP server, the PDF attached. A
// draft counts as sent only once the server took the message.
func (d *poDetail) onEmail() {
	id, number := d.po.ID, d.po.Number
	d.setWarn("")
	d.s.bg(func() {
		r, err := d.s.src.EmailPO(id, app.SendOptions{})
		fyne.Do(func() {
			// A failure changed nothing: no reload, which would clear the warning.
			switch {
			case errors.Is(err, app.ErrNoMail):
				d.setWarn(capital(sentence(err)) + " (E-mail supplier opens your mail program; attach the PDF yourself.)")
			case err != nil:
				d.setWarn(capital(sentence(err)))
			case !r.Sent:
				d.setWarn(number + " was not sent: " + r.Problem)
			default:
				d.reload()
				d.s.reload()
				d.lastMail = r
				msg := fmt.Sprintf("%s went to %s with its PDF attached; the mail server accepted it. It is on %s's contact log.", number, r.To, r.Supplier)
				d.showMailed(number, joinSentences(msg, r.Problem))
			}
		})
	})
}

// showMailed says a PO went out, with the way to its kept PDF.
func (d *poDetail) showMailed(number, text string) {
	path := d.s.src.POPDFPath(number)
	open := widget.NewButton("Open PDF", func() { openURL(d.s.win, &url.URL{Scheme: "file", Path: path}) })
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom(number+" e-mailed", "Close", container.NewVBox(msg, container.NewHBox(open)), d.s.win)
	dlg.Resize(fyne.NewSize(520, 200))
	dlg.Show()
}

// onMail opens the owner's mail program with the message to the supplier. A mail link
// cannot carry a file, so the PDF is saved first and the owner is told to attach it.
func (d *poDetail) onMail() {
	id := d.po.ID
	d.s.bg(func() {
		m, err := d.s.src.EmailForPO(id)
		path := ""
		if err == nil {
			path, err = d.s.src.SavePOPDF(id)
		}
		fyne.Do(func() {
			if err != nil {
				d.setWarn(sentence(err))
				return
			}
			u, err := url.Parse(m.MailtoURL())
			if err == nil {
				d.mailto = u.String()
				err = fyne.CurrentApp().OpenURL(u)
			}
			text := fmt.Sprintf("Your mail program opens a message to %s. A mail link cannot attach files: attach the PDF yourself, %s.", m.To, path)
			if err != nil {
				text = fmt.Sprintf("No mail program opened. Write to %s yourself, subject “%s”, and attach the PDF %s. "+
					"Or set up your mail server in Settings → E-mail and use Send by e-mail.", m.To, m.Subject, path)
			}
			d.mailNote = text
			folder := widget.NewButton("Show in folder", func() { openURL(d.s.win, &url.URL{Scheme: "file", Path: filepath.Dir(path)}) })
			msg := widget.NewLabel(text)
			msg.Wrapping = fyne.TextWrapWord
			dlg := dialog.NewCustom("E-mail "+m.To, "Close", container.NewVBox(msg, container.NewHBox(folder)), d.s.win)
			dlg.Resize(fyne.NewSize(520, 200))
			dlg.Show()
		})
	})
}

// onEmailAll sends every draft by e-mail, one message per PO, and lists what became of
// each: sent, or why not (no address, the server's reason).
func (p *purchaseOrders) onEmailAll() {
	p.bg(func() {
		drafts, err := p.drafts()
		var results []app.POMailResult
		if err == nil && len(drafts) > 0 {
			results, err = p.src.EmailPOs(drafts)
		}
		fyne.Do(func() {
			p.reload()
			p.detail.reload()
			switch {
			case err != nil:
				p.sentAll = sentence(err)
				dialog.ShowError(errors.New(p.sentAll), p.win)
			case len(drafts) == 0:
				p.sentAll = "There are no drafts to send. Purchase now makes them from open orders."
				dialog.ShowInformation("Send all drafts by e-mail", p.sentAll, p.win)
			default:
				p.sentAll = mailSummary(results)
				msg := widget.NewLabel(p.sentAll)
				msg.Wrapping = fyne.TextWrapWord
				d := dialog.NewCustom("Drafts e-mailed", "Close", container.NewVScroll(msg), p.win)
				d.Resize(fyne.NewSize(620, 360))
				d.Show()
			}
		})
	})
}

// mailSummary says how many went out and lists each PO that did not, with why.
func mailSummary(results []app.POMailResult) string {
	sent := 0
	var left []string
	for _, r := range results {
		if r.Sent {
			sent++
			continue
		}
		left = append(left, fmt.Sprintf("• %s (%s): %s", r.PONumber, r.Supplier, r.Problem))
	}
	text := fmt.Sprintf("%s e-mailed to their suppliers with the PDF attached.", nouns(sent, "purchase order"))
	if len(left) > 0 {
		text += fmt.Sprintf("\n\n%s not sent and still drafts, ready to send again:\n%s", nouns(len(left), "purchase order"), strings.Join(left, "\n"))
	}
	return text
}
