// Command iconart draws Clockwork's app icon (assets/icon.png) from shapes, so it can be
// tuned for the sizes desktops show it at: a clock face filling a rounded square, with hands
// thick enough to read at 16 px (run `go generate ./assets` after changing it).
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

// The palette: the app's teal, a warm paper face, dark hands and the amber of the accent.
var (
	teal  = color.NRGBA{0x2a, 0x6b, 0x5e, 0xff}
	paper = color.NRGBA{0xf7, 0xf1, 0xe3, 0xff}
	ink   = color.NRGBA{0x17, 0x33, 0x2e, 0xff}
	amber = color.NRGBA{0xe8, 0x9f, 0x2c, 0xff}
)

// A shape is a signed distance in icon units (the icon spans -1..1): negative inside.
type shape struct {
	dist func(x, y float64) float64
	fill color.NRGBA
}

func main() {
	out := "icon.png"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	if err := write(out, 512); err != nil {
		fmt.Fprintln(os.Stderr, "iconart:", err)
		os.Exit(1)
	}
}

func write(path string, size int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, render(size)); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// shapes is the icon from back to front. The hands show four o'clock: two clearly
// different directions even when tiny. The ticks at three, six and nine only show at larger sizes (twelve is under the minute hand).
func shapes() []shape {
	hour := hand(4*30, 0.40)
	minute := hand(0, 0.58)
	ticks := func(x, y float64) float64 {
		d := math.Inf(1)
		for _, deg := range []float64{90, 180, 270} {
			d = math.Min(d, tick(deg)(x, y))
		}
		return d
	}
	return []shape{
		{roundedSquare(0.94, 0.24), teal},
		{circle(0, 0, 0.76), paper},
		{ticks, teal},
		{func(x, y float64) float64 { return math.Min(minute(x, y), hour(x, y)) }, ink},
		{circle(0, 0, 0.13), amber},
	}
}

// render draws the shapes at size×size pixels with 4×4 samples a pixel.
func render(size int) *image.NRGBA {
	const n = 4
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	all := shapes()
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < n; sy++ {
				for sx := 0; sx < n; sx++ {
					x := (float64(px)+(float64(sx)+0.5)/n)/float64(size)*2 - 1
					y := (float64(py)+(float64(sy)+0.5)/n)/float64(size)*2 - 1
					c, ok := sample(all, x, y)
					if ok {
						r, g, b, a = r+float64(c.R), g+float64(c.G), b+float64(c.B), a+1
					}
				}
			}
			if a > 0 {
				img.SetNRGBA(px, py, color.NRGBA{uint8(r / a), uint8(g / a), uint8(b / a), uint8(a / (n * n) * 255)})
			}
		}
	}
	return img
}

// sample is the colour of the frontmost shape covering (x, y).
func sample(all []shape, x, y float64) (color.NRGBA, bool) {
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].dist(x, y) <= 0 {
			return all[i].fill, true
		}
	}
	return color.NRGBA{}, false
}

func circle(cx, cy, r float64) func(x, y float64) float64 {
	return func(x, y float64) float64 { return math.Hypot(x-cx, y-cy) - r }
}

// roundedSquare is a square of half-width h with corners of radius r, centred.
func roundedSquare(h, r float64) func(x, y float64) float64 {
	return func(x, y float64) float64 {
		qx, qy := math.Abs(x)-(h-r), math.Abs(y)-(h-r)
		outside := math.Hypot(math.Max(qx, 0), math.Max(qy, 0))
		return outside + math.Min(math.Max(qx, qy), 0) - r
	}
}

// hand is a round-ended bar from the centre towards deg (clockwise from twelve), length
// long; 0.075 is half its thickness: 1.2 px at 16 px.
func hand(deg, long float64) func(x, y float64) float64 {
	return bar(deg, 0, long, 0.075)
}

// tick is the short mark at the rim for the hour at deg.
func tick(deg float64) func(x, y float64) float64 {
	return bar(deg, 0.60, 0.68, 0.03)
}

// bar is a round-ended bar along the ray at deg (clockwise from twelve) from distance from
// to distance to, half as thick as half.
func bar(deg, from, to, half float64) func(x, y float64) float64 {
	rad := deg * math.Pi / 180
	dx, dy := math.Sin(rad), -math.Cos(rad)
	sx, sy := dx*from, dy*from
	ex, ey := dx*(to-from), dy*(to-from)
	return func(x, y float64) float64 {
		px, py := x-sx, y-sy
		t := math.Max(0, math.Min(1, (px*ex+py*ey)/(ex*ex+ey*ey)))
		return math.Hypot(px-t*ex, py-t*ey) - half
	}
}
