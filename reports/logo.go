package reports

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/png"

	"github.com/jung-kurt/gofpdf"
)

// ErrLogo means the shop's logo cannot be printed; the app asks the owner to choose it
// again (app.PrepareLogo turns any PNG, JPEG or GIF into the form documents need).
var ErrLogo = errors.New("the logo cannot be printed; choose the logo again in Settings")

// logoName is the one name the logo is registered under, so every page refers to the same
// embedded image.
const logoName = "logo"

// maxLogoSide bounds the logo in pixels; app.PrepareLogo scales logos to 800.
const maxLogoSide = 4096

// registerLogo checks the logo and embeds it once in the document.
func (d *document) registerLogo(logo []byte) (err error) {
	logo, err = embeddableLogo(logo)
	if err != nil {
		return err
	}
	// gofpdf's PNG reader indexes into chunks without bounds checks; should a file get past
	// the checks above and still trip it, the owner gets an error, not a crash.
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

// embeddableLogo returns the logo in a form gofpdf reads safely. A prepared logo (8-bit,
// not interlaced, plain chunks) is used as it is; any other PNG Go can decode is encoded
// again; anything else is ErrLogo.
func embeddableLogo(logo []byte) ([]byte, error) {
	cfg, err := png.DecodeConfig(bytes.NewReader(logo))
	if err != nil {
		return nil, fmt.Errorf("%w (not a PNG image: %v)", ErrLogo, err)
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > maxLogoSide || cfg.Height > maxLogoSide {
		return nil, fmt.Errorf("%w (the image is %d×%d pixels)", ErrLogo, cfg.Width, cfg.Height)
	}
	img, err := png.Decode(bytes.NewReader(logo))
	if err != nil {
		return nil, fmt.Errorf("%w (the image data is damaged: %v)", ErrLogo, err)
	}
	if plainPNG(logo) {
		return logo, nil
	}
	out := image.NewNRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, out); err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrLogo, err)
	}
	return buf.Bytes(), nil
}

// plainPNG reports whether gofpdf's PNG reader can walk this (already decoded) file: 8
// bits or fewer per channel, no interlacing, no empty chunk before the end (gofpdf stops
// at one) and a pHYs chunk of its standard 9 bytes (gofpdf assumes that size).
func plainPNG(b []byte) bool {
	// Signature (8), then IHDR: length, type, width, height, depth at 24, interlace at 28.
	if len(b) < 33 || b[24] > 8 || b[28] != 0 {
		return false
	}
	for at := 8; at+8 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[at:]))
		kind := string(b[at+4 : at+8])
		if kind == "IEND" {
			return true
		}
		if n == 0 || (kind == "pHYs" && n != 9) || n > len(b) {
			return false
		}
		at += 12 + n
	}
	return false
}

// drawLogo places the logo to fit inside maxW×maxH with its top-left corner at x, y and
// returns the size drawn (0, 0 when there is none).
func (d *document) drawLogo(x, y, maxW, maxH float64) (w, h float64) {
	if d.logoAspect == 0 {
		return 0, 0
	}
	w, h = maxH*d.logoAspect, maxH
	if w > maxW {
		w, h = maxW, maxW/d.logoAspect
	}
	d.pdf.ImageOptions(logoName, x, y, w, h, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return w, h
}
