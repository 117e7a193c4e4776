package reports

import (
	"strconv"
	"strings"
)

// sep separates items sharing a line; the Go fonts' middle dot is small, so it gets room.
const sep = "  ·  "

// frame holds the measures shared by a document's header and footer: the content edges,
// the margins and the type sizes (lengths in mm, sizes in pt).
type frame struct {
	x0, x1, top, bottom float64
	logoW, logoH        float64
	number, body, small float64
	label               float64
	// gap scales the space around the header rule (smaller on label paper).
	gap float64
}

func (f frame) width() float64 { return f.x1 - f.x0 }

// The space above and below the accent rule closing a header, before scaling.
const (
	ruleGapAbove = 4.0
	ruleGapBelow = 6.0
)

// brandHeight is the height of the logo, or of the shop's name printed in its place.
func (f frame) brandHeight(d *document) float64 {
	if a := d.logoAspect; a > 0 {
		return min(f.logoH, f.logoW/a)
	}
	return lineHeight(f.number + 2)
}

// mastheadHeight is the height of a document's first-page header, rule gaps included.
func (f frame) mastheadHeight(d *document) float64 {
	titles := lineHeight(f.label) + lineHeight(f.number) + lineHeight(f.small)
	return f.top + max(f.brandHeight(d), titles) + (ruleGapAbove+ruleGapBelow)*f.gap
}

// masthead draws the first-page header: the logo (or the shop's name in the accent colour)
// on the left; on the right a small label, a title such as the order number, and a detail
// line; then the accent rule.
func (f frame) masthead(d *document, shop *Shop, label, title, detail string) {
	c := d.colors
	y := f.top
	labelFace, titleFace := face{fontMedium, "", f.label, c.muted}, face{fontText, "B", f.number, c.ink}
	detailFace := face{fontText, "", f.small, c.muted}
	w := f.width() * 0.45
	if _, h := d.drawLogo(f.x0, y, f.logoW, f.logoH); h == 0 {
		// The name takes what the titles leave; a long one is set smaller, then on two lines.
		used := max(d.width(label, labelFace), d.width(title, titleFace), d.width(detail, detailFace))
		nameW := f.width() - min(w, used) - 6
		name, nf := d.fitLines(shop.Name, nameW, face{fontText, "B", f.number + 2, c.strong}, 2)
		d.lines(f.x0, y, nameW, name, nf, "L")
	}
	x := f.x1 - w
	ty := y
	ty += d.text(x, ty, w, label, labelFace, "R")
	ty += d.text(x, ty, w, title, titleFace, "R")
	d.text(x, ty, w, detail, detailFace, "R")
	f.accentRule(d, f.mastheadHeight(d)-ruleGapBelow*f.gap)
}

// runningHeadHeight is the height of the header on a document's later pages.
func (f frame) runningHeadHeight() float64 {
	return f.top + lineHeight(f.number) + lineHeight(f.small) + (ruleGapAbove+ruleGapBelow)*f.gap
}

// runningHead opens a later page: the shop's name, the title carried over and the page.
func (f frame) runningHead(d *document, shop *Shop, title, detail string) {
	c := d.colors
	half := f.width() / 2
	y := f.top
	d.text(f.x0, y, half, shop.Name, face{fontText, "B", f.body + 1, c.strong}, "L")
	d.text(f.x1-half, y, half, title, face{fontText, "B", f.number * 0.8, c.ink}, "R")
	y += lineHeight(f.number)
	d.text(f.x1-half, y, half, detail, face{fontText, "", f.small, c.muted}, "R")
	f.accentRule(d, f.runningHeadHeight()-ruleGapBelow*f.gap)
}

func (f frame) accentRule(d *document, y float64) {
	d.rule(f.x0, f.x1, y, d.colors.accent, 0.5*f.gap+0.1)
}

// footer is a labelled paragraph (return instructions, how to confirm an order) and the
// shop's contact line, drawn at the foot of every page; maxLines clips the paragraph.
func (f frame) footer(d *document, shop *Shop, label, text string, maxLines int) block {
	c := d.colors
	small := face{fontText, "", f.small, c.muted}
	para := d.clip(d.wrap(text, f.width(), small), maxLines, f.width(), small)
	contact := d.wrap(contactLine(shop), f.width(), small) // all of it: the only place a label shows the website
	gap := 3.5 * f.gap
	h := gap + float64(len(contact))*lineHeight(f.small)
	if len(para) > 0 {
		h += lineHeight(f.label) + float64(len(para))*lineHeight(f.small) + 1.5
	}
	return block{h: h, draw: func(y float64) {
		d.rule(f.x0, f.x1, y, c.line, 0.2)
		y += gap
		if len(para) > 0 {
			y += d.text(f.x0, y, f.width(), label, face{fontMedium, "", f.label, c.strong}, "L")
			y += d.lines(f.x0, y, f.width(), para, small, "L") + 1.5
		}
		d.lines(f.x0, y, f.width(), contact, small, "C")
	}}
}

// contentBottom is where the content of a page must end to leave room for the footer.
func (f frame) contentBottom(d *document, footer block) float64 {
	return d.page.h - f.bottom - footer.h
}

func pageOf(page, pages int) string {
	return "Page " + strconv.Itoa(page) + " of " + strconv.Itoa(pages)
}

// contactLine is the shop's name, address, email, phone and website on one line.
func contactLine(s *Shop) string {
	return joinNonEmpty(sep, s.Name, oneLine(s.Address), s.Email, s.Phone, s.Website)
}

// oneLine joins a multi-line address with commas.
func oneLine(s string) string {
	return strings.Join(splitLines(s), ", ")
}
