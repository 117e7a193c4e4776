package reports

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"math"
	"strconv"

	"github.com/jung-kurt/gofpdf"
)

// ErrLogo means the shop's logo cannot be printed; the app asks the owner to choose it
// again (app.PrepareLogo turns any PNG, JPEG or GIF into the form documents need).
var ErrLogo = errors.New("the logo cannot be printed; choose the logo again in Settings")

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

// logoName is the one name the logo is registered under, so every page refers to the same
// embedded image.
const logoName = "logo"

// registerLogo checks the logo and embeds it once in the document.
func (d *document) registerLogo(logo []byte) (err error) {
	if err := checkLogo(logo); err != nil {
		return err
	}
	// gofpdf's PNG reader indexes into chunks without bounds checks; a file that passes
	// the checks above but still trips it must not take the app down.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w (the PNG could not be embedded: %v)", ErrLogo, r)
		}
	}()
	info := d.pdf.RegisterImageOptionsReader(logoName, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(logo))
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("%w (%v)", ErrLogo, err)
	}
	if info == nil || info.Width() <= 0 || info.Height() <= 0 {
		return fmt.Errorf("%w (the image has no size)", ErrLogo)
	}
	d.logoAspect = info.Width() / info.Height()
	return nil
}

// checkLogo accepts the PNGs gofpdf embeds: a complete image with 8 bits or fewer per
// channel and no interlacing.
func checkLogo(logo []byte) error {
	cfg, err := png.DecodeConfig(bytes.NewReader(logo))
	if err != nil {
		return fmt.Errorf("%w (not a PNG image: %v)", ErrLogo, err)
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > 4096 || cfg.Height > 4096 {
		return fmt.Errorf("%w (the image is %d×%d pixels)", ErrLogo, cfg.Width, cfg.Height)
	}
	// DecodeConfig has read a valid IHDR: bit depth at byte 24, interlace method at 28.
	depth, interlace := logo[24], logo[28]
	if depth > 8 {
		return fmt.Errorf("%w (it has %d bits per channel; 8 are needed)", ErrLogo, depth)
	}
	if interlace != 0 {
		return fmt.Errorf("%w (it is interlaced)", ErrLogo)
	}
	if _, err := png.Decode(bytes.NewReader(logo)); err != nil {
		return fmt.Errorf("%w (the image data is damaged: %v)", ErrLogo, err)
	}
	return nil
}

// drawLogo places the logo to fit inside maxW×maxH with its top-left corner at x, y, or
// right-aligned to x when right is set, and returns the size drawn (0, 0 when none).
func (d *document) drawLogo(x, y, maxW, maxH float64, right bool) (w, h float64) {
	if d.logoAspect == 0 {
		return 0, 0
	}
	w, h = maxH*d.logoAspect, maxH
	if w > maxW {
		w, h = maxW, maxW/d.logoAspect
	}
	if right {
		x -= w
	}
	d.pdf.ImageOptions(logoName, x, y, w, h, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return w, h
}
