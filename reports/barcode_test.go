package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// scanPage renders page 1 of a PDF at a label printer's resolution and decodes every
// barcode on it with zbarimg, as a scanner at the packing table would.
func scanPage(t *testing.T, pdf []byte, page int) []string {
	t.Helper()
	for _, tool := range []string{"pdftoppm", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (make test installs poppler-utils and zbar-tools)", tool)
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	p := strconv.Itoa(page)
	// 203 dpi is what a 4×6 thermal label printer prints; grey anti-aliasing off like ink.
	if out, err := exec.Command("pdftoppm", "-r", "203", "-f", p, "-l", p, "-png", "-aa", "no", "-aaVector", "no", in, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pngs) != 1 {
		t.Fatalf("pdftoppm made %d images, want 1", len(pngs))
	}
	out, err := exec.Command("zbarimg", "--quiet", "--raw", "-Scode128.enable", pngs[0]).Output()
	if err != nil {
		t.Fatalf("zbarimg found no barcode on page %d: %v", page, err)
	}
	return strings.Fields(string(out))
}

func TestSlipBarcodesScanBackToTheOrderNumber(t *testing.T) {
	cases := []struct {
		number string
		paper  Paper
		gift   bool
	}{
		{"#1001", Paper4x6, false},
		{"#100234", Paper4x6, true},
		{"SHOP-7-A", PaperA4, false},
		{"1234567890", PaperLetter, true},
		{"W123456789", Paper4x6, false},
	}
	for _, c := range cases {
		s := sampleSlips()[0]
		s.OrderNumber, s.Gift = c.number, c.gift
		got := scanPage(t, render(t, c.paper, demoShop(), []PackingSlip{s}), 1)
		if !slices.Equal(got, []string{c.number}) {
			t.Errorf("%s slip on %s (gift %v) scans as %q", c.number, c.paper, c.gift, got)
		}
	}
}

func TestPOBarcodeScansBackToThePONumber(t *testing.T) {
	var buf bytes.Buffer
	if err := WritePurchaseOrder(&buf, PaperA4, demoShop(), samplePO()); err != nil {
		t.Fatal(err)
	}
	if got := scanPage(t, buf.Bytes(), 1); !slices.Equal(got, []string{"PO-000123"}) {
		t.Errorf("PO scans as %q, want PO-000123", got)
	}
}

func TestBarcodeLeavesOutWhatItCannotCarry(t *testing.T) {
	if _, err := code128("№1001"); err == nil {
		t.Error("a non-ASCII order number was encoded")
	}
	s := sampleSlips()[0]
	s.OrderNumber = "№1001"
	text := flat(strings.Join(pdfText(t, render(t, Paper4x6, demoShop(), []PackingSlip{s})), " "))
	if !strings.Contains(text, "Order №1001") {
		t.Errorf("the order number is missing from the slip without a barcode: %s", text)
	}
}

func TestCode128Symbols(t *testing.T) {
	for i, p := range code128Patterns {
		sum := 0
		for _, c := range p {
			sum += int(c - '0')
		}
		if want := map[bool]int{true: 13, false: 11}[i == code128Stop]; sum != want {
			t.Errorf("symbol %d is %d modules wide, want %d", i, sum, want)
		}
	}
	// "#1001": "#" in set B, then the four closing digits as two set C pairs.
	got, err := code128("#1001")
	if err != nil {
		t.Fatal(err)
	}
	want := []int{code128StartB, 3, code128CodeC, 10, 1}
	if len(got) != 7 || !slices.Equal(got[:5], want) || got[6] != code128Stop {
		t.Errorf("code128(#1001) = %v", got)
	}
	// Six digits pair up in set C, keeping the bars short for a 4×6 label.
	if w := barcodeWidth("#100234", barcodeModule); w > 45 {
		t.Errorf("#100234 barcode is %.1f mm wide, want under 45", w)
	}
}
