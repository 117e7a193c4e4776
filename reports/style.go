package reports

import (
	"fmt"
	"math"
	"strconv"
)

// rgb is a colour with 0–255 channels.
type rgb struct{ r, g, b int }

// palette holds the few colours a document uses, derived from the shop's accent.
type palette struct {
	accent rgb // rules and bands, exactly the shop's colour
	strong rgb // accent text: the shop's colour, darkened if too pale to read on white
	tint   rgb // a wash of the accent for boxes behind text
	ink    rgb // body text
	muted  rgb // labels and secondary text
	line   rgb // hairlines
}

// newPalette derives the document colours from "#RRGGBB" ("" is a neutral grey).
func newPalette(accent string) (palette, error) {
	a := rgb{0x33, 0x33, 0x33}
	if accent != "" {
		var err error
		if a, err = parseColor(accent); err != nil {
			return palette{}, err
		}
	}
	strong := a
	// Headings in a pale accent (a yellow, a pastel) would vanish on white paper.
	for i := 0; i < 20 && contrast(strong) < 4.5; i++ {
		strong = mix(strong, rgb{0, 0, 0}, 0.12)
	}
	return palette{
		accent: a,
		strong: strong,
		tint:   mix(a, rgb{255, 255, 255}, 0.92),
		ink:    rgb{0x22, 0x22, 0x22},
		muted:  rgb{0x6b, 0x6b, 0x6b},
		line:   rgb{0xd6, 0xd6, 0xd6},
	}, nil
}

func parseColor(s string) (rgb, error) {
	if len(s) != 7 || s[0] != '#' {
		return rgb{}, fmt.Errorf("accent colour %q: use the form #2F6F62", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return rgb{}, fmt.Errorf("accent colour %q: use the form #2F6F62", s)
	}
	return rgb{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}, nil
}

// mix moves c towards t by the fraction f.
func mix(c, t rgb, f float64) rgb {
	m := func(a, b int) int { return int(math.Round(float64(a) + (float64(b)-float64(a))*f)) }
	return rgb{m(c.r, t.r), m(c.g, t.g), m(c.b, t.b)}
}

// contrast is the WCAG contrast ratio of c against white paper.
func contrast(c rgb) float64 {
	lin := func(v int) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
	return 1.05 / (l + 0.05)
}
