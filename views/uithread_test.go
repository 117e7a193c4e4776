package views

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// uiWatch catches database work done on the UI thread outside the background runner: the
// test's goroutine stands for the UI thread, and its runner runs work inline but counted.
type uiWatch struct {
	ui      uint64
	inside  atomic.Int32
	mu      sync.Mutex
	offence []string
}

// goroutine is the running goroutine's number.
func goroutine() uint64 {
	var buf [64]byte
	f := strings.Fields(string(buf[:runtime.Stack(buf[:], false)]))
	n, _ := strconv.ParseUint(f[1], 10, 64)
	return n
}

func (w *uiWatch) run(work func()) {
	w.inside.Add(1)
	defer w.inside.Add(-1)
	work()
}

// statement is told of every statement the app runs; one from a handler is an offence.
func (w *uiWatch) statement() {
	if goroutine() != w.ui || w.inside.Load() > 0 {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.offence = append(w.offence, handlerOf(string(stack())))
}

func stack() []byte {
	buf := make([]byte, 64<<10)
	return buf[:runtime.Stack(buf, false)]
}

// handlerOf is the first frame of views' own code (not a test's): the handler at fault.
func handlerOf(trace string) string {
	lines := strings.Split(trace, "\n")
	for i := 0; i+1 < len(lines); i++ {
		file := strings.TrimSpace(lines[i+1])
		if strings.HasPrefix(lines[i], "clockwork/views.") && !strings.Contains(file, "_test.go") {
			return strings.TrimSpace(lines[i]) + " at " + file
		}
	}
	return trace
}

// watchedShell is a test window whose every app call from a handler is checked.
func watchedShell(t *testing.T) (*shell, *app.App, *uiWatch) {
	t.Helper()
	s, a, _ := newTestShell(t)
	w := &uiWatch{ui: goroutine()}
	s.bg = w.run
	for _, sc := range s.screens {
		sc.view, sc.obj = nil, nil // rebuilt with the watched runner
	}
	if err := a.WatchStatements(w.statement); err != nil {
		t.Fatal(err)
	}
	return s, a, w
}

// The screens' handlers leave the database to the background runner: opening each screen,
// picking rows, saving a supplier, a product and the shop, backing up and restoring.
func TestNoDatabaseWorkOnTheUIThread(t *testing.T) {
	s, a, w := watchedShell(t)
	w.inside.Add(1) // the shop is set up as a script would, not through the window
	stockShop(t, a, time.Now().Add(-time.Hour))
	shipOrder(t, a, "Atlas", "#2001", map[string]int{"MUG-1": 1})
	if _, err := a.Purchase(); err != nil {
		t.Fatal(err)
	}
	w.inside.Add(-1)
	for i := range s.screens {
		s.nav.Select(i)
	}
	pick := func(t *widget.Table) { t.Select(widget.TableCellID{Row: 0, Col: 0}) }
	s.navigate(screenOrders)
	o := ordersOf(t, s)
	test.Type(o.search, "1")
	pick(o.table)
	s.navigate(screenSuppliers)
	sup := s.current().(*suppliers)
	pick(sup.list.table)
	sup.detail.form.byKey["phone"].entry.SetText("+49 30 98765")
	test.Tap(sup.detail.save)
	s.navigate(screenCatalog)
	cat := s.current().(*catalog)
	pick(cat.list.table)
	test.Tap(cat.detail.save)
	s.navigate(screenPOs)
	pick(posOf(t, s).list.table)
	s.navigate(screenReceiving)
	pick(s.current().(*receiving).list.table)
	s.navigate(screenPack)
	pick(s.current().(*pack).list.table)
	s.navigate(screenReturns)
	pick(s.current().(*returns).list.table)
	s.navigate(screenToday)
	s.current().(*today).refresh()
	s.navigate(screenSettings)
	set := settingsOf(s)
	test.Tap(set.save)
	test.Tap(button(t, set.backups.card(), "Back up now"))
	set.backups.list.Select(0)
	set.backups.onRestore()
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		s.dialogKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	if len(w.offence) > 0 {
		t.Errorf("%d statements ran on the UI thread, first from:\n%s", len(w.offence), strings.Join(unique(w.offence), "\n"))
	}
}

func unique(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, fmt.Sprint(s))
		}
	}
	return out
}
