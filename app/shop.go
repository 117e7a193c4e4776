package app

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/gif"  // logos may come as GIF
	_ "image/jpeg" // or JPEG
	"image/png"
	"regexp"
	"strings"
	"time"

	"clockwork/data"

	xdraw "golang.org/x/image/draw"
	"gorm.io/gorm"
)

// Logo limits: a logo file over MaxLogoBytes or MaxLogoPixels (either side) is refused
// before it is decoded; a smaller one is scaled down to LogoSide pixels on its long side.
const (
	MaxLogoBytes  = 5 << 20
	MaxLogoPixels = 6000
	LogoSide      = 800
)

var accentPattern = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
var currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)

// Shop reads the shop's details and settings.
func (a *App) Shop() (data.Shop, error) {
	var s data.Shop
	if err := a.db.Order("id").First(&s).Error; err != nil {
		return s, fmt.Errorf("read shop: %w", notFound(err, "shop"))
	}
	return s, nil
}

// SaveShop checks and stores the shop's details and settings. Every problem is reported at
// once, and nothing is saved unless all is well.
func (a *App) SaveShop(s data.Shop) error {
	s.Name = strings.TrimSpace(s.Name)
	accent, currency := strings.TrimSpace(s.AccentColor), strings.TrimSpace(s.Currency)
	s.AccentColor, s.Currency = strings.ToUpper(accent), strings.ToUpper(currency)
	var ps problems
	if s.Name == "" {
		ps.add("name", "the shop needs a name; it is printed on every slip")
	}
	if !accentPattern.MatchString(s.AccentColor) {
		ps.add("accent", "%q is not a colour like #2F6F62", accent)
	}
	if !validPaper(s.Paper) {
		ps.add("paper", "%q is not a paper size; use a4, letter or 4x6", s.Paper)
	}
	if !currencyPattern.MatchString(s.Currency) {
		ps.add("currency", "%q is not a currency code like EUR or USD", currency)
	}
	if s.HandlingDays < 0 || s.HandlingDays > 60 {
		ps.add("handling days", "%d is not between 0 and 60 days", s.HandlingDays)
	}
	if s.ReturnWindowDays < 0 || s.ReturnWindowDays > 365 {
		ps.add("return window", "%d is not between 0 and 365 days", s.ReturnWindowDays)
	}
	if s.TimeZone != "" {
		if _, err := time.LoadLocation(s.TimeZone); err != nil {
			ps.add("time zone", "%q is not a time zone like Europe/Berlin", s.TimeZone)
		}
	}
	if !validPolicy(s.PurchasePolicy) {
		ps.add("purchase policy", "%q is not a policy; use preferred, cheapest, fastest or balanced", s.PurchasePolicy)
	}
	if w := s.Weights; w.Sum() != 100 || w.OTIF < 0 || w.Fill < 0 || w.LeadTime < 0 || w.Quality < 0 || w.Price < 0 || w.Responsiveness < 0 {
		ps.add("weights", "scorecard weights must be 0 or more and add up to 100 (they add up to %d)", w.Sum())
	}
	if len(s.Logo) > 0 {
		if _, err := checkedLogo(s.Logo); err != nil {
			ps.add("logo", "%v", err)
		}
	}
	checkShopBounds(&ps, s)
	if err := ps.err(); err != nil {
		return err
	}
	err := a.write(func(tx *gorm.DB) error {
		var current data.Shop
		if err := tx.Select("id", "created_at").Order("id").First(&current).Error; err != nil {
			return err
		}
		s.ID, s.CreatedAt = current.ID, current.CreatedAt
		// The e-mail settings have their own form and SaveMailSetup.
		return tx.Omit(mailColumns...).Save(&s).Error
	})
	if err != nil {
		return fmt.Errorf("save shop: %w", err)
	}
	a.shared.locMu.Lock()
	a.shared.loc = nil
	a.shared.locMu.Unlock()
	return nil
}

// PrepareLogo checks a logo file's bytes (PNG, JPEG or GIF within the size and pixel
// limits) and returns it as an 8-bit, non-interlaced PNG no larger than LogoSide, the form
// every document can embed. Problems come back as an *InputError saying what to do.
func PrepareLogo(raw []byte) ([]byte, error) {
	if len(raw) > MaxLogoBytes {
		return nil, invalid("logo", "the file is %.1f MB; use a logo under %d MB", float64(len(raw))/(1<<20), MaxLogoBytes>>20)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		return nil, invalid("logo", "the file is not a PNG, JPEG or GIF image")
	}
	if cfg.Width > MaxLogoPixels || cfg.Height > MaxLogoPixels || cfg.Width < 1 || cfg.Height < 1 {
		return nil, invalid("logo", "the image is %d×%d pixels; use one at most %d pixels on each side", cfg.Width, cfg.Height, MaxLogoPixels)
	}
	img, _, err := image.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, invalid("logo", "the %s image could not be read (%v); save it again and retry", format, err)
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w > LogoSide || h > LogoSide {
		if w >= h {
			w, h = LogoSide, max(1, h*LogoSide/w)
		} else {
			w, h = max(1, w*LogoSide/h), LogoSide
		}
	}
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	if w == b.Dx() && h == b.Dy() {
		draw.Draw(out, out.Bounds(), img, b.Min, draw.Src)
	} else {
		xdraw.CatmullRom.Scale(out, out.Bounds(), img, b, xdraw.Src, nil)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, out); err != nil {
		return nil, fmt.Errorf("encode logo: %w", err)
	}
	return buf.Bytes(), nil
}

// checkedLogo accepts a stored logo only in the form PrepareLogo makes.
func checkedLogo(logo []byte) ([]byte, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(logo))
	if err != nil || format != "png" {
		return nil, fmt.Errorf("the logo must be prepared first (PrepareLogo)")
	}
	if cfg.Width > LogoSide || cfg.Height > LogoSide {
		return nil, fmt.Errorf("the logo is %d×%d pixels; at most %d", cfg.Width, cfg.Height, LogoSide)
	}
	return logo, nil
}

func validPaper(p string) bool {
	for _, x := range data.Papers {
		if p == x {
			return true
		}
	}
	return false
}

// Policies lists the purchase planning policies (DESIGN section 4).
var Policies = []string{"preferred", "cheapest", "fastest", "balanced"}

func validPolicy(p string) bool {
	for _, x := range Policies {
		if p == x {
			return true
		}
	}
	return false
}
