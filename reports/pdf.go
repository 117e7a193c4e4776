// Package reports writes Clockwork's documents — packing slips, thank-you cards, purchase
// orders (PDF) and the scorecard workbook — from plain input structs to an io.Writer.
package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomedium"
	"golang.org/x/image/font/gofont/goregular"
)

// Paper is a page size documents can be printed on; the values match the shop setting.
type Paper string

// The paper sizes: A4 and US Letter for office printers, 4×6 in for label printers.
const (
	PaperA4     Paper = "a4"
	PaperLetter Paper = "letter"
	Paper4x6    Paper = "4x6"
)

// pageSize is a page's width and height in millimetres.
type pageSize struct{ w, h float64 }

func (p Paper) size() (pageSize, error) {
	switch p {
	case PaperA4:
		return pageSize{210, 297}, nil
	case PaperLetter:
		return pageSize{215.9, 279.4}, nil
	case Paper4x6:
		return pageSize{101.6, 152.4}, nil
	}
	return pageSize{}, fmt.Errorf("paper %q: use a4, letter or 4x6", string(p))
}

// Shop is the sender printed on every document, as the shop's settings hold it.
type Shop struct {
	Name    string
	Address string // several lines, printed as typed
	Email   string
	Phone   string
	Website string
	// Logo is an 8-bit, non-interlaced PNG as app.PrepareLogo makes it; nil prints the
	// shop's name alone. Anything else makes the document fail with ErrLogo.
	Logo []byte
	// Accent is the shop's colour as "#RRGGBB", used for the name, headings and rules;
	// empty means a neutral dark grey.
	Accent string
	// ThankYouTemplate is the note on slips and cards, with the placeholders Personalise
	// fills in.
	ThankYouTemplate string
	// ReturnInstructions close every packing slip.
	ReturnInstructions string
}

// Font families embedded in every document. Each Go font is added once per document and
// gofpdf subsets it to the characters used, so a thousand slips carry one copy of each.
const (
	fontText   = "go"
	fontMedium = "gomedium"
)

// face is a font, its size in points and its colour.
type face struct {
	family, style string
	size          float64
	color         rgb
}

// ptToMM converts a font size in points to millimetres.
const ptToMM = 25.4 / 72

// document is one PDF being written: gofpdf with the fonts, colours and logo set up.
type document struct {
	pdf    *gofpdf.Fpdf
	page   pageSize
	colors palette
	// logoAspect is the logo's width over its height; 0 when the shop has none.
	logoAspect float64
	// cur is the face last set by use.
	cur face
	// borrowed marks the computer's fonts (family and style) added to this document.
	borrowed map[string]bool
}

// newDocument starts a PDF of the given paper with the shop's fonts, colours and logo.
func newDocument(paper Paper, title string, shop Shop) (*document, error) {
	page, err := paper.size()
	if err != nil {
		return nil, err
	}
	return newDocumentSized(page, title, shop)
}

// newDocumentSized starts a PDF of pages w×h mm (landscape when wider than high).
func newDocumentSized(page pageSize, title string, shop Shop) (*document, error) {
	colors, err := newPalette(shop.Accent)
	if err != nil {
		return nil, err
	}
	// gofpdf takes a size upright and turns it for landscape.
	orientation, size := "P", gofpdf.SizeType{Wd: page.w, Ht: page.h}
	if page.w > page.h {
		orientation, size = "L", gofpdf.SizeType{Wd: page.h, Ht: page.w}
	}
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: orientation, UnitStr: "mm", Size: size})
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	// Pages are laid out by hand; an automatic break would split an order's block silently.
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetTitle(cleanLine(title), true)
	pdf.SetAuthor(cleanLine(shop.Name), true)
	pdf.SetCreator("Clockwork", true)
	pdf.AddUTF8FontFromBytes(fontText, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(fontText, "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes(fontText, "I", goitalic.TTF)
	pdf.AddUTF8FontFromBytes(fontMedium, "", gomedium.TTF)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("embed fonts: %w", err)
	}
	d := &document{pdf: pdf, page: page, colors: colors, borrowed: map[string]bool{}}
	if len(shop.Logo) > 0 {
		if err := d.registerLogo(shop.Logo); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// use sets the font and text colour for what follows.
func (d *document) use(f face) {
	d.cur = f
	d.pdf.SetFont(f.family, f.style, f.size)
	d.pdf.SetTextColor(f.color.r, f.color.g, f.color.b)
}

// lineHeight is the distance between baselines for a font size, in millimetres.
func lineHeight(size float64) float64 {
	return size * ptToMM * 1.35
}

// text prints one line of s in a box w wide with its top at y, shortened with "…" when it
// does not fit; align is "L", "C" or "R". It returns the height used.
func (d *document) text(x, y, w float64, s string, f face, align string) float64 {
	d.use(f)
	s = d.fit(cleanLine(s), w)
	h := lineHeight(f.size)
	d.cell(x, y, w, h, s, f, align)
	return h
}

// fit shortens an already clean line with "…" until it fits w in the current font.
func (d *document) fit(s string, w float64) string {
	if d.width(s, d.cur) <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.width(string(r[:mid])+"…", d.cur) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(r[:lo]), " ") + "…"
}

// wrap breaks s into lines no wider than w in face f, keeping the line breaks typed.
func (d *document) wrap(s string, w float64, f face) []string {
	s = strings.TrimSpace(cleanText(s))
	if s == "" {
		return nil
	}
	d.use(f)
	if !simple(s) {
		return d.wrapMixed(s, w, f)
	}
	return d.pdf.SplitText(s, w)
}

// lines prints already wrapped lines from y down and returns the height used; align is
// "L", "C" or "R".
func (d *document) lines(x, y, w float64, lines []string, f face, align string) float64 {
	d.use(f)
	h := lineHeight(f.size)
	for i, l := range lines {
		d.cell(x, y+float64(i)*h, w, h, l, f, align)
	}
	return float64(len(lines)) * h
}

// clip keeps at most max lines, ending the last kept one with "…" when some were cut.
func (d *document) clip(lines []string, max int, w float64, f face) []string {
	if len(lines) <= max {
		return lines
	}
	lines = lines[:max]
	d.use(f)
	// fit cuts the added "…" first when the shortened line is still too wide.
	lines[max-1] = d.fit(strings.TrimRight(lines[max-1], " ")+"…", w)
	return lines
}

// rule draws a horizontal line from x1 to x2 at y.
func (d *document) rule(x1, x2, y float64, c rgb, width float64) {
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(width)
	d.pdf.Line(x1, y, x2, y)
}

// box fills a rectangle with rounded corners.
func (d *document) box(x, y, w, h float64, c rgb) {
	d.pdf.SetFillColor(c.r, c.g, c.b)
	d.pdf.RoundedRect(x, y, w, h, 1.5, "1234", "F")
}

// finish writes the PDF, or the first error gofpdf collected while building it.
func (d *document) finish(w io.Writer) error {
	if err := d.pdf.Error(); err != nil {
		return err
	}
	return d.pdf.Output(w)
}
