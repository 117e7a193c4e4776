package reports

import (
	"errors"
	"fmt"
)

// code128Patterns are the bar and space widths, in modules, of the 107 Code 128 symbols
// (values 0–105 and the stop symbol), bar first.
var code128Patterns = [107]string{
	"212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
	"221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
	"221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
	"212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
	"231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
	"231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
	"314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
	"112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
	"111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
	"214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
	"114131", "311141", "411131", "211412", "211214", "211232", "2331112",
}

// The Code 128 control symbols Clockwork uses.
const (
	code128CodeC  = 99
	code128CodeB  = 100
	code128StartB = 104
	code128StartC = 105
	code128Stop   = 106
)

// errBarcodeText is returned for text Code 128 set B cannot carry.
var errBarcodeText = errors.New("a barcode can carry only printable ASCII characters")

// code128 encodes s as Code 128 symbol values, start to stop with the check symbol, using
// set B for text and set C (two digits a symbol) for runs of digits long enough to save
// space, so "#100234" stays short enough to scan from a 4×6 label.
func code128(s string) ([]int, error) {
	if s == "" || len(s) > 40 {
		return nil, fmt.Errorf("barcode %q: %w", s, errBarcodeText)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 32 || s[i] > 126 {
			return nil, fmt.Errorf("barcode %q: %w", s, errBarcodeText)
		}
	}
	var syms []int
	inC := digitRun(s, 0) >= 4 && digitRun(s, 0)%2 == 0 || digitRun(s, 0) == len(s) && len(s) >= 2 && len(s)%2 == 0
	if inC {
		syms = append(syms, code128StartC)
	} else {
		syms = append(syms, code128StartB)
	}
	for i := 0; i < len(s); {
		run := digitRun(s, i)
		switch {
		case inC && run >= 2:
			syms = append(syms, int(s[i]-'0')*10+int(s[i+1]-'0'))
			i += 2
			continue
		case inC:
			syms = append(syms, code128CodeB)
			inC = false
		case run >= 6 || (run >= 4 && i+run == len(s)):
			// An odd run prints its first digit in set B so the rest pairs up.
			if run%2 == 1 {
				syms = append(syms, int(s[i])-32)
				i++
			}
			syms = append(syms, code128CodeC)
			inC = true
			continue
		}
		syms = append(syms, int(s[i])-32)
		i++
	}
	check := syms[0]
	for i := 1; i < len(syms); i++ {
		check += i * syms[i]
	}
	return append(syms, check%103, code128Stop), nil
}

// digitRun counts the ASCII digits from s[i] on.
func digitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '9' {
		n++
	}
	return n
}

// code128Modules is the total width of the symbols in modules.
func code128Modules(syms []int) int {
	n := 0
	for _, v := range syms {
		for _, c := range code128Patterns[v] {
			n += int(c - '0')
		}
	}
	return n
}

// barcodeQuiet is the blank margin a scanner needs each side of a barcode, in modules.
const barcodeQuiet = 10

// barcodeWidth is the width a barcode for s takes with its quiet zones, in mm; 0 when s
// cannot be encoded.
func barcodeWidth(s string, module float64) float64 {
	syms, err := code128(s)
	if err != nil {
		return 0
	}
	return float64(code128Modules(syms)+2*barcodeQuiet) * module
}

// barcode draws s as a Code 128 barcode whose first bar is at x (the quiet zone is the
// caller's to leave blank), bars h high from y, each module the given width in mm.
func (d *document) barcode(x, y, h, module float64, s string) error {
	syms, err := code128(s)
	if err != nil {
		return err
	}
	d.pdf.SetFillColor(0, 0, 0)
	for _, v := range syms {
		for i, c := range code128Patterns[v] {
			w := float64(c-'0') * module
			if i%2 == 0 {
				d.pdf.Rect(x, y, w, h, "F")
			}
			x += w
		}
	}
	return nil
}

// barcodeModule is the width of one barcode module: three dots of a 203 dpi label
// printer, wide enough for any scanner to read from paper.
const barcodeModule = 0.375

// barcodeBlock is s as a barcode aligned to the right edge x1, bars h mm high; nothing
// when s holds characters a barcode cannot carry (the number is printed as text anyway).
func (d *document) barcodeBlock(x1, h float64, s string) (block, bool) {
	w := barcodeWidth(s, barcodeModule)
	if w == 0 {
		return block{}, false
	}
	const top = 2.0
	return block{h: top + h, draw: func(y float64) {
		// The value was encoded once already to measure it, so drawing cannot fail.
		_ = d.barcode(x1-w+barcodeQuiet*barcodeModule, y+top, h, barcodeModule, s)
	}}, true
}
