package reports

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"clockwork/assets"

	"github.com/jung-kurt/gofpdf"
)

// encodePNG encodes an image with Go's encoder (16-bit images stay 16-bit).
func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withChunkAfterIHDR inserts a chunk right after the header, with a correct CRC.
func withChunkAfterIHDR(p []byte, kind string, data []byte) []byte {
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	chunk = append(chunk, kind...)
	chunk = append(chunk, data...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	const afterIHDR = 8 + 4 + 4 + 13 + 4
	return append(append(append([]byte{}, p[:afterIHDR]...), chunk...), p[afterIHDR:]...)
}

// interlaced marks a 1×1 PNG as Adam7-interlaced: for one pixel the data is the same, so
// the file stays valid.
func interlaced(t testing.TB) []byte {
	one := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	one.Set(0, 0, color.NRGBA{0x2f, 0x6f, 0x62, 0xff})
	p := encodePNG(t, one)
	p[28] = 1
	binary.BigEndian.PutUint32(p[29:], crc32.ChecksumIEEE(p[12:29]))
	return p
}

func TestBadLogoIsAnErrorNotAPanic(t *testing.T) {
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, image.NewRGBA(image.Rect(0, 0, 4, 4)), nil); err != nil {
		t.Fatal(err)
	}
	damaged := append([]byte{}, assets.DemoLogo...)
	damaged[len(damaged)/2] ^= 0xff
	huge := encodePNG(t, image.NewGray(image.Rect(0, 0, 1, 1)))
	binary.BigEndian.PutUint32(huge[16:], 100000)
	binary.BigEndian.PutUint32(huge[29:], crc32.ChecksumIEEE(huge[12:29]))
	bad := map[string][]byte{
		"text":            []byte("not a picture"),
		"truncated":       assets.DemoLogo[:len(assets.DemoLogo)/2],
		"JPEG":            jpg.Bytes(),
		"damaged data":    damaged,
		"100000 px wide":  huge,
		"PNG header only": assets.DemoLogo[:33],
	}
	for name, logo := range bad {
		shop := demoShop()
		shop.Logo = logo
		var slips, cards, po bytes.Buffer
		errs := []error{
			WritePackingSlips(&slips, PaperA4, shop, sampleSlips()),
			WriteThankYouCards(&cards, shop, []ThankYouCard{{OrderNumber: "#1", FirstName: "Zoë"}}),
			WritePurchaseOrder(&po, PaperA4, shop, samplePO()),
		}
		for i, err := range errs {
			if !errors.Is(err, ErrLogo) {
				t.Errorf("%s logo, document %d: error %v, want ErrLogo", name, i, err)
			}
		}
		if slips.Len()+cards.Len()+po.Len() != 0 {
			t.Errorf("%s logo: bytes were written despite the error", name)
		}
	}
}

func TestUnpreparedLogoIsEncodedAgain(t *testing.T) {
	deep := image.NewNRGBA64(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		deep.Set(x, x/2, color.NRGBA64{0x2f00, 0x6f00, 0x6200, 0xffff})
	}
	ok := map[string][]byte{
		"prepared":          assets.DemoLogo,
		"16-bit":            encodePNG(t, deep),
		"interlaced":        interlaced(t),
		"empty chunk":       withChunkAfterIHDR(assets.DemoLogo, "prVt", nil),
		"odd pHYs":          withChunkAfterIHDR(assets.DemoLogo, "pHYs", []byte{0, 0, 0, 1}),
		"paletted and gray": encodePNG(t, image.NewGray(image.Rect(0, 0, 8, 8))),
	}
	for name, logo := range ok {
		if _, err := png.Decode(bytes.NewReader(logo)); err != nil {
			t.Fatalf("%s: the test logo itself is broken: %v", name, err)
		}
		shop := demoShop()
		shop.Logo = logo
		var buf bytes.Buffer
		if err := WritePackingSlips(&buf, PaperA4, shop, sampleSlips()[:1]); err != nil {
			t.Errorf("%s logo: %v", name, err)
			continue
		}
		if !bytes.Contains(buf.Bytes(), []byte("/Subtype /Image")) {
			t.Errorf("%s logo: no image in the PDF", name)
		}
	}
}

// FuzzLogo feeds documents any bytes as a logo: they must come back as a document or an
// error, never a panic.
func FuzzLogo(f *testing.F) {
	f.Add(assets.DemoLogo)
	f.Add(assets.DemoLogo[:100])
	f.Add(interlaced(f))
	f.Add(withChunkAfterIHDR(assets.DemoLogo, "prVt", nil))
	f.Fuzz(func(t *testing.T, logo []byte) {
		// A bare gofpdf document: the fonts would only slow the fuzzer down.
		d := &document{pdf: gofpdf.New("P", "mm", "A4", "")}
		if err := d.registerLogo(logo); err != nil {
			if !errors.Is(err, ErrLogo) {
				t.Fatalf("error %v is not ErrLogo", err)
			}
			return
		}
		d.pdf.AddPage()
		d.drawLogo(10, 10, 50, 20)
		var buf bytes.Buffer
		if err := d.finish(&buf); err != nil {
			t.Fatalf("a logo that was accepted failed to print: %v", err)
		}
	})
}
