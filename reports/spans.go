package reports

import (
	"strconv"
	"strings"
	"unicode"
)

// span is a piece of a line drawn in one font, or one emoji drawn as a picture.
type span struct {
	family, text string
	picture      bool
}

// simple reports whether the Go fonts draw every character of s, left to right: the fast
// path most text takes.
func simple(s string) bool {
	for _, r := range s {
		if r >= 0x80 && !printable(r) {
			return false
		}
	}
	return true
}

// spans cuts a clean line into pieces by the font that draws them: the family of face f
// where the Go fonts have the character, else a font found on the computer. Combining marks
// stay with their letter's font when it has them.
func (d *document) spans(s string, f face) []span {
	lib := systemFonts()
	var out []span
	font := -1
	for _, r := range s {
		if isPicture(r) {
			out = append(out, span{text: string(r), picture: true})
			continue
		}
		fam := f.family
		switch {
		case unicode.Is(unicode.Mn, r) && len(out) > 0 && (font < 0 && printable(r) || font >= 0 && lib.fonts[font].has(r)):
			fam = out[len(out)-1].family
		case printable(r):
			font = -1
		default:
			if i := lib.fontFor(r); i >= 0 {
				font = i
				fam = d.borrow(i, f.style)
			}
		}
		if n := len(out); n > 0 && out[n-1].family == fam && !out[n-1].picture {
			out[n-1].text += string(r)
		} else {
			out = append(out, span{family: fam, text: string(r)})
		}
	}
	return out
}

// borrow adds font i of the computer's library to the document the first time it is used
// in a style, and returns its family name. A bold face uses the font's bold file when there
// is one; italics print upright.
func (d *document) borrow(i int, style string) string {
	family := "sys" + strconv.Itoa(i)
	if style != "B" {
		style = ""
	}
	key := family + style
	if !d.borrowed[key] {
		f := systemFonts().fonts[i]
		ttf := f.ttf
		if style == "B" && f.bold != nil {
			ttf = f.bold
		}
		d.pdf.AddUTF8FontFromBytes(family, style, ttf)
		d.borrowed[key] = true
	}
	return family
}

// spanStyle is the style a span is set in: the face's own for the Go fonts; bold or regular
// for a borrowed font.
func spanStyle(sp span, f face) string {
	if strings.HasPrefix(sp.family, "sys") && f.style != "B" {
		return ""
	}
	return f.style
}

// width is how wide s prints in face f, in mm.
func (d *document) width(s string, f face) float64 {
	if simple(s) {
		d.use(f)
		return d.pdf.GetStringWidth(s)
	}
	w := 0.0
	for _, sp := range d.spans(s, f) {
		if sp.picture {
			w += emojiWidth(f)
			continue
		}
		d.pdf.SetFont(sp.family, spanStyle(sp, f), f.size)
		w += d.pdf.GetStringWidth(sp.text)
	}
	d.use(f)
	return w
}

// cell draws one line of clean text in face f in a box w wide at x, y; align is "L", "C" or
// "R". Right-to-left text is put in visual order first.
func (d *document) cell(x, y, w, h float64, s string, f face, align string) {
	d.use(f)
	if simple(s) {
		d.pdf.SetXY(x, y)
		d.pdf.CellFormat(w, h, s, "", 0, align, false, 0, "")
		return
	}
	s = visual(s)
	total := d.width(s, f)
	switch align {
	case "R":
		x += w - total
	case "C":
		x += (w - total) / 2
	}
	for _, sp := range d.spans(s, f) {
		if sp.picture {
			d.drawEmoji([]rune(sp.text)[0], x, y, h, f)
			x += emojiWidth(f)
			continue
		}
		d.pdf.SetFont(sp.family, spanStyle(sp, f), f.size)
		sw := d.pdf.GetStringWidth(sp.text)
		d.pdf.SetXY(x, y)
		d.pdf.CellFormat(sw, h, sp.text, "", 0, "L", false, 0, "")
		x += sw
	}
	d.use(f)
}

// wrapMixed breaks clean text into lines no wider than w in face f, for text the fast path
// cannot measure: it breaks after spaces and between Chinese and Japanese characters, and
// inside a word only when the word alone is too wide.
func (d *document) wrapMixed(s string, w float64, f face) []string {
	var out []string
	fits := func(line string) bool { return d.width(strings.TrimRight(line, " "), f) <= w }
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, t := range breakTokens(para) {
			if line != "" && !fits(line+t) {
				out = append(out, strings.TrimRight(line, " "))
				line = strings.TrimLeft(t, " ")
			} else {
				line += t
			}
			for !fits(line) && len([]rune(line)) > 1 {
				head := d.longestFit(line, w, f)
				out = append(out, head)
				line = strings.TrimLeft(line[len(head):], " ")
			}
		}
		out = append(out, strings.TrimRight(line, " "))
	}
	return out
}

// longestFit is the longest start of s (at least one character) that fits w.
func (d *document) longestFit(s string, w float64, f face) string {
	r := []rune(s)
	lo, hi := 1, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.width(string(r[:mid]), f) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo])
}

// breakTokens cuts a paragraph where a line may break: after a run of spaces, and before
// and after each ideograph or kana (Chinese and Japanese are written without spaces).
func breakTokens(s string) []string {
	var out []string
	cur := ""
	flush := func() {
		if cur != "" {
			out = append(out, cur)
			cur = ""
		}
	}
	prevSpace := false
	for _, r := range s {
		wide := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
		if wide || (prevSpace && r != ' ') {
			flush()
		}
		cur += string(r)
		if wide {
			flush()
		}
		prevSpace = r == ' '
	}
	flush()
	return out
}
