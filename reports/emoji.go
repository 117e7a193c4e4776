package reports

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// gofpdf cannot write characters beyond U+FFFF as text (emoji among them), so an emoji
// found in a font on the computer is drawn as a small picture of its glyph, in the ink
// colour, one em wide, registered once per document.

// emojiPixels is the size the glyph is drawn at: sharp when printed at a few millimetres.
const emojiPixels = 96

// isPicture reports whether r is drawn as a picture rather than as text.
func isPicture(r rune) bool { return r > 0xFFFF }

// emojiWidth is the width of an emoji in face f, in mm.
func emojiWidth(f face) float64 { return f.size * ptToMM }

// drawEmoji draws r with its box's left edge at x, in a line of height h from y.
func (d *document) drawEmoji(r rune, x, y, h float64, f face) {
	name := fmt.Sprintf("emoji-%x-%02x%02x%02x", r, f.color.r, f.color.g, f.color.b)
	opt := gofpdf.ImageOptions{ImageType: "PNG"}
	if d.pdf.GetImageInfo(name) == nil {
		b, err := emojiPNG(r, f.color)
		if err != nil {
			return // the space stays blank rather than the document failing over a smiley
		}
		d.pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(b))
	}
	em := emojiWidth(f)
	// The picture is marked as standing for the character, and an invisible letter under it
	// carries that text, so copying from the PDF or pdftotext still gives the emoji.
	d.pdf.RawWriteStr(fmt.Sprintf("/Span <</ActualText <FEFF%s>>> BDC\n", utf16Hex(r)))
	d.pdf.RawWriteStr("3 Tr\n")
	d.use(f)
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(em, h, "o", "", 0, "C", false, 0, "")
	d.pdf.RawWriteStr("0 Tr\n")
	d.pdf.ImageOptions(name, x, y+(h-em)/2, em, em, false, opt, 0, "")
	d.pdf.RawWriteStr("EMC\n")
}

// utf16Hex is r in UTF-16BE as hex digits, the way a PDF text string carries it.
func utf16Hex(r rune) string {
	r -= 0x10000
	return fmt.Sprintf("%04X%04X", 0xD800+(r>>10), 0xDC00+(r&0x3FF))
}

// emojiPNG draws the glyph for r from the first font on the computer that has it.
func emojiPNG(r rune, c rgb) ([]byte, error) {
	lib := systemFonts()
	i := lib.fontFor(r)
	if i < 0 {
		return nil, fmt.Errorf("no font has %U", r)
	}
	face, err := opentype.NewFace(lib.fonts[i].font, &opentype.FaceOptions{Size: emojiPixels * 0.8, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	defer face.Close()
	img := image.NewNRGBA(image.Rect(0, 0, emojiPixels, emojiPixels))
	ink := image.NewUniform(color.NRGBA{uint8(c.r), uint8(c.g), uint8(c.b), 255})
	adv, _ := face.GlyphAdvance(r)
	m := face.Metrics()
	x := (fixed.I(emojiPixels) - adv) / 2
	y := (fixed.I(emojiPixels)-(m.Ascent+m.Descent))/2 + m.Ascent
	dr := &font.Drawer{Dst: img, Src: ink, Face: face, Dot: fixed.Point26_6{X: x, Y: y}}
	dr.DrawString(string(r))
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
