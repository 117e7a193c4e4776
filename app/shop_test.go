package app_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

func TestSaveShopChecksEverything(t *testing.T) {
	a, _ := apptest.NewApp(t)
	shop, _ := a.Shop()
	shop.Name, shop.AccentColor, shop.Paper, shop.Currency = " ", "green", "a5", "euro"
	shop.HandlingDays, shop.TimeZone, shop.PurchasePolicy = -1, "Mars/Olympus", "random"
	shop.Weights.OTIF = 50
	err := a.SaveShop(shop)
	var ie *app.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("SaveShop = %v, want InputError", err)
	}
	fields := map[string]bool{}
	for _, p := range ie.Problems {
		fields[p.Field] = true
	}
	for _, f := range []string{"name", "accent", "paper", "currency", "handling days", "time zone", "purchase policy", "weights"} {
		if !fields[f] {
			t.Errorf("no problem reported for %s (got %v)", f, ie.Problems)
		}
	}
	stored, _ := a.Shop()
	if stored.Name != "My shop" {
		t.Errorf("a refused save changed the shop: %q", stored.Name)
	}
}

func TestSaveShopKeepsWhatIsValid(t *testing.T) {
	a, _ := apptest.NewApp(t)
	shop, _ := a.Shop()
	shop.Name, shop.AccentColor, shop.Paper, shop.ThankYouTemplate = "Zoë's Łódź Shop", "#aa3300", data.PaperLetter, "Danke, {first_name}!"
	if err := a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	got, _ := a.Shop()
	if got.Name != "Zoë's Łódź Shop" || got.AccentColor != "#AA3300" || got.Paper != data.PaperLetter || got.ThankYouTemplate != "Danke, {first_name}!" {
		t.Errorf("stored %+v", got)
	}
}

func pngOf(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, 0, color.NRGBA{R: 200, A: 255})
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

func TestPrepareLogo(t *testing.T) {
	interlaced, err := os.ReadFile("testdata/interlaced16.png")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		in     []byte
		ok     bool
		maxW   int
		wantIn string
	}{
		{"small png kept as is", pngOf(300, 100), true, 300, ""},
		{"big png scaled down", pngOf(2400, 600), true, app.LogoSide, ""},
		{"16-bit interlaced re-encoded", interlaced, true, 40, ""},
		{"too many pixels", pngOf(app.MaxLogoPixels+1, 2), false, 0, "pixels"},
		{"too many bytes", make([]byte, app.MaxLogoBytes+1), false, 0, "MB"},
		{"not an image", []byte("%PDF-1.4 hello"), false, 0, "not a PNG"},
	}
	for _, tt := range tests {
		out, err := app.PrepareLogo(tt.in)
		if !tt.ok {
			var ie *app.InputError
			if !errors.As(err, &ie) || !bytes.Contains([]byte(err.Error()), []byte(tt.wantIn)) {
				t.Errorf("%s: err = %v, want an InputError mentioning %q", tt.name, err, tt.wantIn)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(out))
		if err != nil || format != "png" || cfg.Width != tt.maxW {
			t.Errorf("%s: got %s %dx%d, %v", tt.name, format, cfg.Width, cfg.Height, err)
		}
		if depth, interlace := out[24], out[28]; depth != 8 || interlace != 0 { // from the IHDR chunk
			t.Errorf("%s: bit depth %d, interlace %d; want 8-bit, not interlaced", tt.name, depth, interlace)
		}
	}
}

func TestSaveShopRefusesUnpreparedLogo(t *testing.T) {
	a, _ := apptest.NewApp(t)
	shop, _ := a.Shop()
	shop.Logo = []byte("GIF89a not really")
	if err := a.SaveShop(shop); err == nil {
		t.Fatal("saved a logo that is not a prepared PNG")
	}
}
