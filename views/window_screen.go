package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// workArea is the part of a screen a window may fill (without the panels and the dock), in
// Fyne's units.
type workArea struct{ width, height float32 }

// laptopWidth is the widest work area that counts as a laptop's: there the window opens
// maximised the first time; on a bigger screen it opens at roomySize, centred.
const laptopWidth = 1440

// roomySize is the first size on a big screen: all of the daily loop without a maximised
// window across a 27" monitor.
var roomySize = fyne.NewSize(1440, 900)

// placement is how the window opens.
type placement struct {
	size      fyne.Size
	maximised bool
	centred   bool
}

// openingPlacement decides how the window opens on a screen with work area a: the first time
// (saved is zero) maximised on a laptop and at roomySize on a bigger screen; after that at
// the size the owner left it, maximised again if it was, never bigger than the screen.
func openingPlacement(saved fyne.Size, wasMaximised bool, a workArea) placement {
	fits := func(s fyne.Size) fyne.Size {
		return fyne.NewSize(min(s.Width, a.width), min(s.Height, a.height))
	}
	switch {
	case saved.IsZero() && a.width <= laptopWidth:
		return placement{size: fits(fyne.NewSize(a.width, a.height)), maximised: true, centred: true}
	case saved.IsZero():
		return placement{size: fits(roomySize), centred: true}
	}
	return placement{size: fits(saved), maximised: wasMaximised, centred: true}
}

// fillsArea says whether a window of size s fills work area a, as a maximised one does
// (less its title bar).
func fillsArea(s fyne.Size, a workArea) bool {
	return s.Width >= a.width-8 && s.Height >= a.height-64
}

// primaryWorkArea is the primary screen's work area, read from GLFW, which Fyne's desktop
// driver has started; ok is false for windows that are not native ones (tests). It must run
// on the main goroutine.
func primaryWorkArea(w fyne.Window) (a workArea, ok bool) {
	if _, native := w.(driver.NativeWindow); !native {
		return workArea{}, false
	}
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return workArea{}, false
	}
	_, _, width, height := m.GetWorkarea()
	if width <= 0 || height <= 0 {
		mode := m.GetVideoMode()
		if mode == nil {
			return workArea{}, false
		}
		width, height = mode.Width, mode.Height
	}
	scale, _ := m.GetContentScale()
	scale = max(scale, 1)
	return workArea{float32(width) / scale, float32(height) / scale}, true
}

// placeOnScreen sizes the window for the screen before it is first shown: maximised on a
// laptop (GLFW's maximised hint, which the window manager applies when the window appears;
// the size fills the work area where no window manager does), then as the owner left it.
// Fyne has no maximise of its own. It must run on the main goroutine, before Show.
func placeOnScreen(w fyne.Window) {
	a, ok := primaryWorkArea(w)
	if !ok {
		return
	}
	p := fyne.CurrentApp().Preferences()
	saved := fyne.NewSize(float32(p.Float("window.width")), float32(p.Float("window.height")))
	at := openingPlacement(saved, p.Bool("window.maximised"), a)
	w.Resize(at.size)
	if at.centred {
		w.CenterOnScreen()
	}
	if at.maximised {
		glfw.WindowHint(glfw.Maximized, glfw.True)
	}
}

// rememberMaximised notes whether the window fills the screen as it closes, so that it opens
// maximised again. It must run on the main goroutine.
func rememberMaximised(w fyne.Window) {
	if a, ok := primaryWorkArea(w); ok {
		fyne.CurrentApp().Preferences().SetBool("window.maximised", fillsArea(w.Canvas().Size(), a))
	}
}
