package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A return can start on the Returns screen: find the shipped order by its number or the
// customer, tap it, and say what comes back.
func TestStartAReturnFromTheReturnsScreen(t *testing.T) {
	s, a, _ := newTestShell(t)
	shipOrder(t, a, "Atlas", "#1001", map[string]int{"MUG-1": 2})
	r := returnsOf(t, s)
	test.Tap(button(t, r.root, "Start a return…"))
	f := r.finding
	test.Type(f.search, "nobody")
	if len(f.matches) != 0 || !strings.Contains(f.note.Text, "No shipped order matches") {
		t.Fatalf("a search for nobody: %d matches, %q", len(f.matches), f.note.Text)
	}
	f.search.SetText("")
	test.Type(f.search, "1001")
	if len(f.matches) != 1 || f.matches[0].Number != "#1001" {
		t.Fatalf("searching 1001 found %+v", f.matches)
	}
	f.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter takes the order found
	sr := ordersOf(t, s).detail.returning
	if sr == nil || len(sr.lines) != 1 || sr.lines[0].line.SKU != "MUG-1" {
		t.Fatalf("Start a return for #1001 shows %+v", sr)
	}
}
