package views

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestAboutShowsVersionFolderAndSchema opens Help → About on a shop and reads what a user
// would copy into a support mail: the version, the data folder and the schema.
func TestAboutShowsVersionFolderAndSchema(t *testing.T) {
	test.NewTempApp(t)
	a, _ := apptest.NewApp(t)
	defer func(v string) { app.Version = v }(app.Version)
	app.Version = "1.2.3"
	win := fyne.CurrentApp().NewWindow("Clockwork")
	win.Resize(fyne.NewSize(900, 600))
	defer win.Close()

	showAbout(win, a)
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("About opened no dialog")
	}
	got := labelsUnder(top)
	folder, where := a.Folder(), a.Where() // a shared database's URL, masked, and its folder
	if a.IsFile() {
		where, _ = filepath.Abs(a.Path())
		folder = filepath.Dir(where)
	}
	for _, want := range []string{"Clockwork", "Version 1.2.3", folder, where, fmt.Sprintf("schema %d", data.SchemaVersion())} {
		if !strings.Contains(got, want) {
			t.Errorf("About does not show %q; it says:\n%s", want, got)
		}
	}
	if !buttonTexts(top)["Open data folder"] {
		t.Error("About offers no way to open the data folder")
	}
}
