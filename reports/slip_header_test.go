package reports

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// longShop is a shop whose name, e-mail, website and address are longer than any column.
func longShop() Shop {
	s := demoShop()
	s.Logo = nil
	s.Name = "Linden & Loom Handweberei und Gartenbedarf Łódź-Leipzig GmbH & Co. KG"
	s.Website = "https://www.linden-and-loom-handweberei-und-gartenbedarf.example.com/shop/de"
	s.Email = "kundenservice.bestellungen@linden-and-loom-handweberei.example.com"
	s.Address = "Дмитрий Иванов-Papadopoulou, Ulica Piotrkowska 123/45 lokal 6 (Oficyna, III piętro)\n90-006 Łódź\nPolska"
	return s
}

// On every paper the slip shows a long shop name, e-mail, website and address whole
// (wrapped or set smaller, never cut off with "…").
func TestSlipShowsALongShopNameWebsiteAndAddressWhole(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	shop := longShop()
	for _, paper := range papers {
		path := filepath.Join(t.TempDir(), "slip.pdf")
		if err := os.WriteFile(path, render(t, paper, shop, sampleSlips()[:1]), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		text := strings.Join(strings.Fields(strings.ReplaceAll(string(out), "−", "-")), "")
		for _, want := range []string{shop.Name, shop.Website, shop.Email, "Piotrkowska123/45lokal6(Oficyna,IIIpiętro)"} {
			if !strings.Contains(text, strings.Join(strings.Fields(want), "")) {
				t.Errorf("%s: the slip does not show %q whole:\n%s", paper, want, out)
			}
		}
	}
}

// fitLines keeps every character and keeps each line within the width.
func TestFitLinesKeepsTheWholeTextWithinTheWidth(t *testing.T) {
	d, err := newDocument(PaperA4, "test", demoShop())
	if err != nil {
		t.Fatal(err)
	}
	f := face{fontText, "", 8, rgb{}}
	for _, s := range []string{"shop.example", longShop().Website, longShop().Name} {
		lines, used := d.fitLines(s, 40, f, 3)
		if used.size < f.size*0.8 || used.size > f.size {
			t.Errorf("%q set at %.2f pt", s, used.size)
		}
		if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(s, " ", "") {
			t.Errorf("%q set as %q", s, lines)
		}
		for _, l := range lines {
			if w := d.width(l, used); w > 40.01 {
				t.Errorf("%q: line %q is %.1f mm wide, more than 40", s, l, w)
			}
		}
	}
}
