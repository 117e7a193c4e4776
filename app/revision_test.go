package app_test

import (
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
)

// TestRevisionSeesAnotherStationsCommit: the window refreshes when Revision changes, so a
// commit by another App on the same shop (another station, or the command line beside the
// window) must change it, on SQLite and on PostgreSQL alike; one's own commit changes Local.
func TestRevisionSeesAnotherStationsCommit(t *testing.T) {
	a, _ := apptest.NewApp(t)
	other, err := app.OpenExisting(a.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	before, err := a.Revision()
	if err != nil {
		t.Fatal(err)
	}
	shop, err := other.Shop()
	if err != nil {
		t.Fatal(err)
	}
	shop.Name = "Renamed on the packing bench"
	if err := other.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second) // PostgreSQL tells the listener shortly after
	for {
		after, err := a.Revision()
		if err != nil {
			t.Fatal(err)
		}
		if after.External != before.External {
			if after.Local != before.Local {
				t.Errorf("Local moved from %d to %d without a write of this App", before.Local, after.Local)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Revision stayed %+v after another App renamed the shop", after)
		}
		time.Sleep(20 * time.Millisecond)
	}
	shop.Name = "Renamed here"
	if err := a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	if mine, _ := a.Revision(); mine.Local == before.Local {
		t.Errorf("Revision.Local stayed %d after this App's own write", mine.Local)
	}
}
