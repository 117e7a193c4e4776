package data_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"clockwork/app/apptest"
	"clockwork/data"
)

// serverShop is a fresh, empty database on the test server, or a skip without one.
func serverShop(t *testing.T) string {
	t.Helper()
	if os.Getenv(apptest.ServerEnv) == "" {
		t.Skipf("set %s to a PostgreSQL server URL to run this test", apptest.ServerEnv)
	}
	return apptest.Location(t, "")
}

func TestServerOpenCreatesShopOnce(t *testing.T) {
	url := serverShop(t)
	if _, err := data.OpenExisting(url); !errors.Is(err, data.ErrNotClockwork) {
		t.Fatalf("an empty database opened as a shop: %v, want ErrNotClockwork", err)
	}
	db, err := data.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer data.Close(db)
	if v, err := data.StoredVersion(db); err != nil || v != data.SchemaVersion() {
		t.Fatalf("schema version %d (%v), want %d", v, err, data.SchemaVersion())
	}
	again, err := data.OpenExisting(url)
	if err != nil {
		t.Fatalf("open the shop again: %v", err)
	}
	defer data.Close(again)
	var shops int64
	if err := again.Model(&data.Shop{}).Count(&shops).Error; err != nil || shops != 1 {
		t.Fatalf("%d shops (%v) after opening twice, want 1", shops, err)
	}
	if name := data.EngineOf(db).Name(); name != "postgres" || data.EngineOf(db).IsFile() {
		t.Errorf("engine %q, IsFile %v: want postgres, not a file", name, data.EngineOf(db).IsFile())
	}
}

func TestServerDataVersionHearsOtherStations(t *testing.T) {
	url := serverShop(t)
	one, err := data.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer data.Close(one)
	two, err := data.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer data.Close(two)
	before, err := data.EngineOf(one).DataVersion(one)
	if err != nil {
		t.Fatal(err)
	}
	if err := one.Model(&data.Shop{}).Where("1 = 1").Update("name", "Own change").Error; err != nil {
		t.Fatal(err)
	}
	if err := two.Model(&data.Shop{}).Where("1 = 1").Update("name", "Station two").Error; err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		after, _ := data.EngineOf(one).DataVersion(one)
		if after == before+1 {
			time.Sleep(300 * time.Millisecond) // the own change, heard late, would show now
			if late, _ := data.EngineOf(one).DataVersion(one); late != after {
				t.Fatalf("data version moved on to %d for this station's own change", late)
			}
			break
		}
		if after > before+1 || time.Now().After(deadline) {
			t.Fatalf("data version went from %d to %d, want one step for the other station's change only", before, after)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServerURLPasswordMasked(t *testing.T) {
	_, err := data.Open("postgres://shop:s3cret-pw@127.0.0.1:1/shop?connect_timeout=2")
	if err == nil {
		t.Fatal("opened a server that is not there")
	}
	if strings.Contains(err.Error(), "s3cret-pw") {
		t.Errorf("the password shows in the error: %v", err)
	}
	if got := data.ShowLocation("postgres://shop:s3cret-pw@db.example/shop"); strings.Contains(got, "s3cret-pw") {
		t.Errorf("ShowLocation shows the password: %s", got)
	}
}
