package views

import (
	"fmt"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// onSendAll asks, then sends every draft at once and saves each one's PDF.
func (p *purchaseOrders) onSendAll() {
	p.bg(func() {
		drafts, err := p.drafts()
		fyne.Do(func() {
			switch {
			case err != nil:
				p.count.SetText("Could not read the drafts: " + sentence(err))
			case len(drafts) == 0:
				dialog.ShowInformation("Send all drafts", "There are no drafts to send. Purchase now makes them from open orders.", p.win)
			default:
				dialog.ShowConfirm("Send all drafts?", fmt.Sprintf("%s go out now; each promised date is locked and each PDF saved for its supplier.",
					nouns(len(drafts), "draft")), func(yes bool) {
					if yes {
						p.sendDrafts(drafts)
					}
				}, p.win)
			}
		})
	})
}

// drafts lists every draft's ID, a page at a time.
func (p *purchaseOrders) drafts() ([]uint, error) {
	var ids []uint
	q := app.POQuery{Status: data.PODraft, ListQuery: app.ListQuery{Limit: app.MaxPage}}
	for {
		rows, err := p.src.PurchaseOrders(q)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			ids = append(ids, r.ID)
		}
		if len(rows) < app.MaxPage {
			return ids, nil
		}
		q.Offset += len(rows)
	}
}

// sendDrafts sends the drafts (all or none), then saves their PDFs.
func (p *purchaseOrders) sendDrafts(ids []uint) {
	p.bg(func() {
		sent, err := p.src.SendPOs(ids)
		saved := 0
		for _, po := range sent {
			if _, perr := p.src.SavePOPDF(po.ID); perr == nil {
				saved++
			} else if err == nil {
				err = fmt.Errorf("%s was sent, but its PDF could not be saved: %w", po.Number, perr)
			}
		}
		fyne.Do(func() {
			p.reload()
			p.detail.reload()
			if err != nil {
				p.sentAll = sentence(err)
				dialog.ShowError(err, p.win)
				return
			}
			p.sentAll = fmt.Sprintf("%s sent; %s saved in %s.", nouns(len(sent), "purchase order"), nouns(saved, "PDF"), p.src.PODocumentsDir())
			folder := widget.NewButton("Show in folder", func() { openFile(p.win, p.src.PODocumentsDir()) })
			msg := widget.NewLabel(p.sentAll + " Attach each to an e-mail to its supplier, or open a PO to start the e-mail.")
			msg.Wrapping = fyne.TextWrapWord
			d := dialog.NewCustom("Drafts sent", "Close", container.NewVBox(msg, container.NewHBox(folder)), p.win)
			d.Resize(fyne.NewSize(520, 200))
			d.Show()
		})
	})
}
