package reports

import "strings"

// giftMessage is the buyer's message on a tinted card-like panel.
func (o *slipOrder) giftMessage() (block, bool) {
	d, st, cl := o.d, o.st, o.d.colors
	pad := 4 * o.scale()
	w := o.width() - 2*pad
	text := face{fontText, "I", st.body + 1, cl.ink}
	lines := d.clip(d.wrap(o.s.GiftMessage, w, text), st.giftLines, w, text)
	if len(lines) == 0 {
		return block{}, false
	}
	top := 6 * o.scale()
	inner := lineHeight(st.label) + 1 + float64(len(lines))*lineHeight(text.size)
	h := top + inner + 2*pad
	return block{h: h, draw: func(y float64) {
		y += top
		d.box(o.x0, y, o.width(), inner+2*pad, cl.tint)
		y += pad
		y += d.text(o.x0+pad, y, w, "GIFT MESSAGE", o.sectionLabel(), "L") + 1
		d.lines(o.x0+pad, y, w, lines, text, "L")
	}}, true
}

// customerNote is what the customer wrote with the order, so the packer sees it too.
func (o *slipOrder) customerNote() (block, bool) {
	d, st, cl := o.d, o.st, o.d.colors
	text := face{fontText, "", st.body, cl.muted}
	lines := d.clip(d.wrap(o.s.CustomerNote, o.width(), text), st.noteLines, o.width(), text)
	if len(lines) == 0 {
		return block{}, false
	}
	top := 5 * o.scale()
	h := top + lineHeight(st.label) + 0.8 + float64(len(lines))*lineHeight(st.body)
	return block{h: h, draw: func(y float64) {
		y += top
		y += d.text(o.x0, y, o.width(), "YOUR NOTE", o.sectionLabel(), "L") + 0.8
		d.lines(o.x0, y, o.width(), lines, text, "L")
	}}, true
}

// thankYou is the shop's personalised note, centred under a short accent rule and signed
// with the shop's name.
func (o *slipOrder) thankYou() (block, bool) {
	d, st, cl := o.d, o.st, o.d.colors
	note := Personalise(o.shop.ThankYouTemplate, o.s.greeting(), o.s.OrderNumber, o.shop.Name)
	w := min(o.width(), 140)
	text := face{fontText, "I", st.note, cl.ink}
	lines := d.clip(d.wrap(note, w, text), 5, w, text)
	if len(lines) == 0 {
		return block{}, false
	}
	sign := face{fontMedium, "", st.small, cl.strong}
	top, below := 10*o.scale(), 8*o.scale()
	if st.compact {
		top, below = 4, 2
	}
	h := top + float64(len(lines))*lineHeight(st.note) + 1.5 + lineHeight(st.small) + below
	return block{h: h, foot: true, draw: func(y float64) {
		mid := (o.x0 + o.x1) / 2
		d.rule(mid-8, mid+8, y+top/2, cl.accent, 0.4)
		y += top
		y += d.lines(mid-w/2, y, w, lines, text, "C") + 1.5
		d.text(o.x0, y, o.width(), "— "+cleanLine(o.shop.Name), sign, "C")
	}}, true
}

// nonEmpty keeps the values that have text.
func nonEmpty(values ...string) []string {
	var keep []string
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			keep = append(keep, v)
		}
	}
	return keep
}

// joinNonEmpty joins the values that have text.
func joinNonEmpty(sep string, values ...string) string {
	return strings.Join(nonEmpty(values...), sep)
}

// splitLines is a multi-line field's non-empty lines.
func splitLines(s string) []string {
	return nonEmpty(strings.Split(cleanText(s), "\n")...)
}
