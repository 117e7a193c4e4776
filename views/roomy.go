package views

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// compactTheme is the app's theme with less padding inside cells, so that a list shows a
// dozen rows or more on a laptop screen (1366×768) beside room for the detail.
type compactTheme struct{}

func (compactTheme) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.current().Color(n, v)
}

func (t compactTheme) Font(s fyne.TextStyle) fyne.Resource { return t.current().Font(s) }

func (t compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.current().Icon(n) }

func (t compactTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameInnerPadding {
		return t.current().Size(n) / 2
	}
	return t.current().Size(n)
}

// compact shows a list table with compactTheme's tighter rows.
func compact(table fyne.CanvasObject) fyne.CanvasObject {
	return container.NewThemeOverride(table, compactTheme{})
}

// The window's size the first time it opens where the screen's size is not known (the real
// window is then placed by placeOnScreen): it fits a 1366×768 laptop screen with a panel.
const (
	firstWidth  = 1360
	firstHeight = 700
)

// restoreSize sizes the window as the owner left it last time.
func (s *shell) restoreSize() {
	p := fyne.CurrentApp().Preferences()
	w, h := p.FloatWithFallback("window.width", firstWidth), p.FloatWithFallback("window.height", firstHeight)
	s.win.Resize(fyne.NewSize(float32(max(w, 800)), float32(max(h, 500))))
}

// saveLayout remembers the window's size and where the owner put each screen's dividers.
func (s *shell) saveLayout() {
	p := fyne.CurrentApp().Preferences()
	rememberMaximised(s.win)
	size := s.win.Canvas().Size()
	if size.Width >= 400 && size.Height >= 300 {
		p.SetFloat("window.width", float64(size.Width))
		p.SetFloat("window.height", float64(size.Height))
	}
	for _, sc := range s.screens {
		for i, sp := range splitsIn(sc.obj) {
			p.SetFloat(splitKey(sc.title, i), sp.Offset)
		}
	}
}

// restoreSplits puts a screen's dividers where the owner left them.
func restoreSplits(title string, obj fyne.CanvasObject) {
	p := fyne.CurrentApp().Preferences()
	for i, sp := range splitsIn(obj) {
		if off := p.FloatWithFallback(splitKey(title, i), -1); off >= 0.1 && off <= 0.9 {
			sp.SetOffset(off)
		}
	}
}

func splitKey(title string, i int) string { return fmt.Sprintf("split.%s.%d", title, i) }

// splitsIn finds the dividers of a screen, in a stable order.
func splitsIn(o fyne.CanvasObject) []*container.Split {
	var out []*container.Split
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *container.Split:
			out = append(out, x)
			walk(x.Leading)
			walk(x.Trailing)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.AppTabs:
			for _, t := range x.Items {
				walk(t.Content)
			}
		}
	}
	walk(o)
	return out
}

// sortHeader is the template of a sortable column's header: a flat button, themed compact
// here because the table sizes its rows by the header and does not theme it.
func sortHeader() fyne.CanvasObject {
	b := widget.NewButton("Customer ▼", nil)
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	return container.NewThemeOverride(b, compactTheme{})
}

// headerButton is the button of a header cell made by sortHeader.
func headerButton(o fyne.CanvasObject) *widget.Button {
	if t, ok := o.(*container.ThemeOverride); ok {
		o = t.Content
	}
	return o.(*widget.Button)
}
