package reports

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomedium"
	"golang.org/x/image/font/gofont/goregular"
)

// benchSlips are 1,000 orders cycling through the three sample customers.
func benchSlips() []PackingSlip {
	samples := sampleSlips()
	slips := make([]PackingSlip, 1000)
	for i := range slips {
		slips[i] = samples[i%len(samples)]
		slips[i].OrderNumber = fmt.Sprintf("#%d", 2001+i)
	}
	return slips
}

// BenchmarkPackingSlips1000 renders 1,000 slips with the demo logo into one PDF.
func BenchmarkPackingSlips1000(b *testing.B) {
	slips, shop := benchSlips(), demoShop()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := WritePackingSlips(&buf, PaperA4, shop, slips); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkPlainGofpdf1000 is the baseline: plain gofpdf writes the same 1,000 pages with
// the same fonts and logo, each text placed on the next line, without our layout.
func BenchmarkPlainGofpdf1000(b *testing.B) {
	slips, shop := benchSlips(), demoShop()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := plainSlips(&buf, shop, slips); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

func plainSlips(w io.Writer, shop Shop, slips []PackingSlip) error {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddUTF8FontFromBytes("go", "", goregular.TTF)
	pdf.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes("go", "I", goitalic.TTF)
	pdf.AddUTF8FontFromBytes("gomedium", "", gomedium.TTF)
	pdf.RegisterImageOptionsReader("logo", gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(shop.Logo))
	for _, s := range slips {
		pdf.AddPage()
		pdf.ImageOptions("logo", 18, 16, 67, 18, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		y := 40.0
		put := func(style, text string) {
			pdf.SetFont("go", style, 10)
			pdf.SetXY(18, y)
			pdf.Cell(170, 5, plainText(text))
			y += 5
		}
		put("B", "PACKING SLIP Order "+s.OrderNumber+" "+s.OrderDate)
		for _, l := range append([]string{s.ShipTo.Name}, addressLines(s.ShipTo)...) {
			put("", l)
		}
		for _, l := range s.Lines {
			put("", fmt.Sprintf("%s %s %d %s %s", l.SKU, l.Title, l.Qty, l.UnitPrice, l.Total))
		}
		put("B", "Total "+s.Total)
		put("I", s.GiftMessage)
		put("", s.CustomerNote)
		put("I", Personalise(shop.ThankYouTemplate, s.greeting(), s.OrderNumber, shop.Name))
		put("", shop.ReturnInstructions)
		put("", contactLine(&shop))
	}
	return pdf.Output(w)
}

// plainText is what plain gofpdf with the Go fonts can print of s: other scripts and emoji
// left out.
func plainText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || printable(r) {
			return r
		}
		return -1
	}, cleanText(s))
}
