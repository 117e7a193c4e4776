package views

import (
	"sync"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screen is one entry of the navigation. Its view is built the first time it is shown and
// then kept, so nothing typed into it is lost when the user looks elsewhere.
type screen struct {
	title string
	icon  fyne.Resource
	build func() view
	view  view
	obj   fyne.CanvasObject
}

// view is what a screen shows.
type view interface{ content() fyne.CanvasObject }

// refresher is a view that reloads itself when the shop's data changed.
type refresher interface{ refresh() }

// unsaved is a view that may hold edits not yet saved; it says which.
type unsaved interface{ unsavedChanges() string }

// runner runs work that may take a while: on a goroutine in the app, inline in tests
// (so tests read widgets only after the work is done, without races).
type runner func(work func())

func inBackground(work func()) { go work() }

// shell is the main window: navigation on the left, the current screen on the right.
type shell struct {
	win      fyne.Window
	app      *app.App
	bg       runner
	screens  []*screen
	nav      *widget.List
	body     *fyne.Container
	mu       sync.Mutex
	watchers []refresher
	seen     app.Revision
	stop     chan struct{}
	// lastPreview is the "Purchase now" dialog last opened (tests read it).
	lastPreview *purchasePreview
}

// Screen titles, as the navigation shows them.
const (
	screenToday     = "Today"
	screenSuppliers = "Suppliers"
	screenCatalog   = "Catalog"
	screenOrders    = "Orders"
	screenPOs       = "Purchase orders"
	screenReceiving = "Receiving"
	screenPack      = "Pack & ship"
	screenReturns   = "Returns"
	screenScores    = "Scorecards"
	screenSettings  = "Settings"
)

// NewMainWindow builds Clockwork's window over a. It watches the database for changes made
// by other processes until the window closes.
func NewMainWindow(fa fyne.App, a *app.App) fyne.Window {
	s := newShell(fa, a, inBackground)
	go s.watch()
	return s.win
}

// newShell builds the window; tests call it with an inline runner and no watcher.
func newShell(fa fyne.App, a *app.App, bg runner) *shell {
	s := &shell{win: fa.NewWindow("Clockwork"), app: a, bg: bg, stop: make(chan struct{})}
	s.seen, _ = a.Revision()
	s.screens = s.makeScreens()
	s.nav = widget.NewList(
		func() int { return len(s.screens) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Purchase orders"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(s.screens) {
				return
			}
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(s.screens[id].icon)
			row.Objects[1].(*widget.Label).SetText(s.screens[id].title)
		},
	)
	s.nav.OnSelected = func(id widget.ListItemID) { s.show(id) }
	s.body = container.NewStack()
	split := container.NewHSplit(s.nav, s.body)
	split.Offset = 0.16
	s.win.SetContent(split)
	s.win.SetMainMenu(s.makeMenu())
	s.win.Canvas().SetOnTypedKey(s.dialogKey)
	s.restoreSize()
	s.win.SetCloseIntercept(s.onClose)
	s.win.SetOnClosed(func() { close(s.stop) })
	s.nav.Select(0)
	a.OnChange(s.signal)
	return s
}

func (s *shell) makeScreens() []*screen {
	return []*screen{
		{title: screenToday, icon: theme.HomeIcon(), build: func() view {
			t := newToday(s.app, s, s.bg, func() { runDemo(s.app, s.win, s.bg) }, s.importOrders)
			t.onPurchase = s.purchaseNow
			t.onPriceList = s.importPriceList
			return t
		}},
		{title: screenSuppliers, icon: theme.AccountIcon(), build: func() view { return newSuppliers(s.app, s.win, s.bg) }},
		{title: screenCatalog, icon: theme.GridIcon(), build: func() view { return newCatalog(s.app, s.win, s.bg) }},
		{title: screenOrders, icon: theme.DocumentIcon(), build: func() view {
			o := newOrders(s.app, s.win, s, s.bg)
			o.onPurchase = s.purchaseNow
			return o
		}},
		{title: screenPOs, icon: theme.DocumentCreateIcon(), build: func() view { return newPurchaseOrders(s.app, s.win, s, s.bg) }},
		{title: screenReceiving, icon: theme.DownloadIcon(), build: func() view { return newReceiving(s.app, s, s.bg) }},
		{title: screenPack, icon: theme.MailSendIcon(), build: func() view { return newPack(s.app, s.win, s.bg) }},
		{title: screenReturns, icon: theme.MailReplyIcon(), build: func() view {
			r := newReturns(s.app, s.win, s.bg)
			r.startReturn = s.startReturnFor
			return r
		}},
		{title: screenScores, icon: theme.ListIcon(), build: func() view { return newScorecards(s.app, s.win, s.bg) }},
		{title: screenSettings, icon: theme.SettingsIcon(), build: func() view { return newSettings(s.app, s.win, s.bg) }},
	}
}

// show switches the body to screen id, building it the first time.
func (s *shell) show(id int) {
	if id < 0 || id >= len(s.screens) {
		return
	}
	sc := s.screens[id]
	if sc.view == nil {
		sc.view = sc.build()
		sc.obj = sc.view.content()
		restoreSplits(sc.title, sc.obj)
		if r, ok := sc.view.(refresher); ok {
			s.mu.Lock()
			s.watchers = append(s.watchers, r)
			s.mu.Unlock()
		}
	}
	s.body.Objects = []fyne.CanvasObject{sc.obj}
	s.body.Refresh()
}

// navigate shows the screen with the given title.
func (s *shell) navigate(title string) {
	for i, sc := range s.screens {
		if sc.title == title {
			s.nav.Select(i)
			return
		}
	}
}

// openPO shows the Purchase orders screen, at the PO numbered number when that screen can.
func (s *shell) openPO(number string) {
	s.navigate(screenPOs)
	for _, sc := range s.screens {
		if p, ok := sc.view.(interface{ showPO(number string) }); ok && sc.title == screenPOs {
			p.showPO(number)
		}
	}
}

// openReturn shows the Returns screen at one return.
func (s *shell) openReturn(id uint) {
	s.navigate(screenReturns)
	for _, sc := range s.screens {
		if r, ok := sc.view.(*returns); ok {
			r.showReturn(id)
		}
	}
}

// startReturnFor shows order o on the Orders screen and opens Start a return for it.
func (s *shell) startReturnFor(o data.Order) {
	s.navigate(screenOrders)
	for _, sc := range s.screens {
		if v, ok := sc.view.(*orders); ok {
			v.detail.show(o.ID)
			v.detail.startReturnFor(o)
		}
	}
}

// importOrders shows the Orders screen and starts "Import orders…" there.
func (s *shell) importOrders() {
	s.navigate(screenOrders)
	for _, sc := range s.screens {
		if o, ok := sc.view.(*orders); ok {
			o.imp.start()
		}
	}
}

// signal is called after this process changed data: screens reload.
func (s *shell) signal() { s.bg(s.refreshIfChanged) }

// refreshIfChanged reloads every built screen if the data changed since last time.
func (s *shell) refreshIfChanged() {
	rev, err := s.app.Revision()
	s.mu.Lock()
	if err != nil || rev == s.seen {
		s.mu.Unlock()
		return
	}
	s.seen = rev
	ws := append([]refresher{}, s.watchers...)
	s.mu.Unlock()
	for _, w := range ws {
		w.refresh()
	}
}

// watch polls for changes made by other processes (a scheduled import on the command line,
// say) until the window closes.
func (s *shell) watch() {
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-tick.C:
			s.refreshIfChanged()
		}
	}
}

// onClose asks before closing when a screen holds unsaved edits; the window's size and
// dividers are remembered for next time.
func (s *shell) onClose() {
	s.saveLayout()
	for _, sc := range s.screens {
		if u, ok := sc.view.(unsaved); ok {
			if what := u.unsavedChanges(); what != "" {
				dialog.ShowConfirm("Unsaved changes", what+"\n\nClose Clockwork and lose them?", func(yes bool) {
					if yes {
						s.win.Close()
					}
				}, s.win)
				return
			}
		}
	}
	s.win.Close()
}
