package reports

import (
	"errors"
	"fmt"
	"io"
)

// ThankYouCard is one order's thank-you card: the shop's template personalised for the
// customer.
type ThankYouCard struct {
	OrderNumber string // as the channel shows it, e.g. "#1001"
	FirstName   string // whom the card greets
}

// Card is the thank-you card for the order on this slip, greeting the same person.
func (s *PackingSlip) Card() ThankYouCard {
	return ThankYouCard{OrderNumber: s.OrderNumber, FirstName: s.greeting()}
}

// a6Landscape is the card size: A6 turned sideways, like a postcard.
var a6Landscape = pageSize{148, 105}

// cardSizes are the note's type sizes, tried largest first until the note fits.
var cardSizes = []float64{14, 12.5, 11, 9.5}

// WriteThankYouCards writes one A6 card per order into one PDF: the logo, the shop's
// personalised note in large type and the shop's name, inside a thin accent frame.
func WriteThankYouCards(w io.Writer, shop Shop, cards []ThankYouCard) error {
	if len(cards) == 0 {
		return errors.New("thank-you cards: no orders to print")
	}
	d, err := newDocumentSized(a6Landscape, "Thank-you cards", shop)
	if err != nil {
		return fmt.Errorf("thank-you cards: %w", err)
	}
	for _, c := range cards {
		d.pdf.AddPage()
		d.card(&shop, c)
		if err := d.pdf.Error(); err != nil {
			return fmt.Errorf("thank-you card %s: %w", c.OrderNumber, err)
		}
	}
	if err := d.finish(w); err != nil {
		return fmt.Errorf("thank-you cards: %w", err)
	}
	return nil
}

// card draws one card, its content centred in the frame.
func (d *document) card(shop *Shop, c ThankYouCard) {
	const inset, pad = 5.0, 9.0
	pw, ph := d.page.w, d.page.h
	d.pdf.SetDrawColor(d.colors.accent.r, d.colors.accent.g, d.colors.accent.b)
	d.pdf.SetLineWidth(0.35)
	d.pdf.Rect(inset, inset, pw-2*inset, ph-2*inset, "D")

	x0, w := inset+pad, pw-2*(inset+pad)
	note := Personalise(shop.ThankYouTemplate, c.FirstName, c.OrderNumber, shop.Name)
	maxNote := ph - 2*(inset+pad) - 30 // room left by the logo, rule and signature
	var lines []string
	text := face{fontText, "I", cardSizes[0], d.colors.ink}
	for _, size := range cardSizes {
		text.size = size
		lines = d.wrap(note, w, text)
		if float64(len(lines))*lineHeight(size) <= maxNote {
			break
		}
	}
	lines = d.clip(lines, max(1, int(maxNote/lineHeight(text.size))), w, text)

	logoH := min(14, 50/max(d.logoAspect, 0.01))
	if d.logoAspect == 0 {
		logoH = lineHeight(16)
	}
	sign := face{fontMedium, "", 9, d.colors.strong}
	h := logoH + 6 + float64(len(lines))*lineHeight(text.size) + 4 + lineHeight(sign.size)
	y := (ph - h) / 2
	if d.logoAspect > 0 {
		lw := logoH * d.logoAspect
		d.drawLogo((pw-lw)/2, y, lw, logoH)
	} else {
		d.text(x0, y, w, shop.Name, face{fontText, "B", 16, d.colors.strong}, "C")
	}
	y += logoH + 3
	d.rule(pw/2-7, pw/2+7, y, d.colors.accent, 0.4)
	y += 3
	y += d.lines(x0, y, w, lines, text, "C") + 4
	signature := joinNonEmpty(sep, shop.Name, shop.Website)
	d.text(x0, y, w, signature, sign, "C")
}
