package app_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

func TestBackupRefusesToOverwrite(t *testing.T) {
	a, _ := apptest.NewApp(t)
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := a.Backup(out); err != nil {
		t.Fatal(err)
	}
	var ie *app.InputError
	if err := a.Backup(out); !errors.As(err, &ie) {
		t.Fatalf("second backup: %v, want an InputError", err)
	}
	copyApp, err := app.Open(out)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer copyApp.Close()
	if problems, err := copyApp.Check(); err != nil || len(problems) > 0 {
		t.Errorf("backup check: %v %v", problems, err)
	}
}

func TestDailyBackupOncePerDayKeepsFourteen(t *testing.T) {
	a, clock := apptest.NewApp(t)
	stem := "" // "shop-" for shop.db; named after the server and database for a shop there
	for day := 0; day < 20; day++ {
		path, err := a.DailyBackup()
		if err != nil || path == "" {
			t.Fatalf("day %d: %q %v", day, path, err)
		}
		if day == 0 {
			stem = strings.TrimSuffix(filepath.Base(path), "daily-"+string(a.Today())+".db")
		}
		if again, err := a.DailyBackup(); err != nil || again != "" {
			t.Fatalf("day %d: a second backup the same day: %q %v", day, again, err)
		}
		clock.Advance(24 * time.Hour)
	}
	files, err := a.Backups()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != app.KeepDailyBackups {
		t.Fatalf("%d backups kept, want %d", len(files), app.KeepDailyBackups)
	}
	newest := stem + "daily-" + string(data.DayOf(clock.T.Add(-24*time.Hour), time.UTC)) + ".db"
	if _, err := os.Stat(filepath.Join(a.BackupDir(), newest)); err != nil {
		t.Errorf("newest backup %s missing", newest)
	}
	oldest := stem + "daily-" + string(data.DayOf(apptest.Now, time.UTC)) + ".db"
	if _, err := os.Stat(filepath.Join(a.BackupDir(), oldest)); err == nil {
		t.Errorf("oldest backup %s was kept", oldest)
	}
}

func TestRestoreBringsBackTheDataAndKeepsTheCurrent(t *testing.T) {
	a, clock := apptest.NewApp(t)
	s := data.Supplier{Name: "Nordlicht Trading", Status: data.SupplierActive}
	if err := a.SaveSupplier(&s); err != nil {
		t.Fatal(err)
	}
	backup, err := a.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	s.Name = "Renamed by mistake"
	if err := a.SaveSupplier(&s); err != nil {
		t.Fatal(err)
	}
	changed := false
	a.OnChange(func() { changed = true })
	safety, err := a.Restore(backup)
	if err != nil {
		t.Fatal(err)
	}
	if !changed {
		t.Error("listeners were not told about the restore")
	}
	stem := strings.TrimSuffix(filepath.Base(backup), clock.T.Add(-time.Hour).Format("2006-01-02-150405")+".db")
	if !strings.HasPrefix(filepath.Base(safety), stem+"before-restore-") {
		t.Errorf("safety copy %q", safety)
	}
	shop, err := a.Shop()
	if err != nil || shop.TimeZone != "UTC" {
		t.Errorf("shop after restore: %+v %v", shop, err)
	}
	var names []string
	for _, f := range []string{backup, safety} {
		other, err := app.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, strings.Join(supplierNames(other), ","))
		other.Close()
	}
	if names[1] != "Renamed by mistake" {
		t.Errorf("the safety copy holds %q, want the data from before the restore", names[1])
	}
	if current := supplierNames(a); strings.Join(current, ",") != "Nordlicht Trading" {
		t.Errorf("after restore: %v", current)
	}
}

func TestRestoreRefusesNonBackups(t *testing.T) {
	a, _ := apptest.NewApp(t)
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not sqlite"), 0o600)
	var ie *app.InputError
	if _, err := a.Restore(junk); !errors.As(err, &ie) {
		t.Fatalf("Restore(junk) = %v, want an InputError", err)
	}
}

func TestCheckFindsBrokenReferences(t *testing.T) {
	apptest.SQLiteOnly(t, "rows planted with SQLite's foreign keys switched off; a server enforces them, and data's TestShopProblemsOnServer checks them there")
	a, _ := apptest.NewApp(t)
	if problems, err := a.Check(); err != nil || len(problems) != 0 {
		t.Fatalf("fresh shop: %v %v", problems, err)
	}
	db := a.DBForTest()
	db.Exec("PRAGMA foreign_keys = OFF")
	err := db.Exec("INSERT INTO offers (product_id, supplier_id, supplier_sku, pack_size, min_qty, priority, active) VALUES (404, 405, 'X', 1, 1, 1, 1)").Error
	db.Exec("PRAGMA foreign_keys = ON")
	if err != nil {
		t.Fatal(err)
	}
	problems, err := a.Check()
	if err != nil || len(problems) != 2 || !strings.Contains(problems[0], "offers") {
		t.Errorf("Check = %v, %v; want the offer's two missing references", problems, err)
	}
}

func supplierNames(a *app.App) []string {
	var names []string
	a.DBForTest().Model(&data.Supplier{}).Order("name").Pluck("name", &names)
	return names
}

// TestCheckFindsReceiptsOnAnotherPO: a receipt line must be for a line of its receipt's PO.
func TestCheckFindsReceiptsOnAnotherPO(t *testing.T) {
	a, _ := apptest.NewApp(t)
	db := a.DBForTest()
	s := data.Supplier{Name: "Atlas", Status: data.SupplierActive}
	if err := db.Create(&s).Error; err != nil {
		t.Fatal(err)
	}
	first := data.PurchaseOrder{Number: "PO-000001", SupplierID: s.ID, Status: data.POSent, Lines: []data.POLine{{SKU: "MUG-1", Qty: 2}}}
	second := data.PurchaseOrder{Number: "PO-000002", SupplierID: s.ID, Status: data.POSent}
	for _, po := range []*data.PurchaseOrder{&first, &second} {
		if err := db.Create(po).Error; err != nil {
			t.Fatal(err)
		}
	}
	r := data.Receipt{PurchaseOrderID: second.ID, ReceivedAt: time.Now(), Lines: []data.ReceiptLine{{POLineID: first.Lines[0].ID, QtyAccepted: 2}}}
	if err := db.Create(&r).Error; err != nil {
		t.Fatal(err)
	}
	problems, err := a.Check()
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "(PO-000002) is for a line of PO-000001") {
		t.Errorf("Check = %q, %v; want the receipt line on PO-000001's line", problems, err)
	}
}

// Two shops in one folder each take their own daily backup and list only their own; the
// default database's backups keep the names they always had.
func TestBackupsBelongToTheirDatabase(t *testing.T) {
	dir := t.TempDir()
	open := func(name string) *app.App {
		a, err := app.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { a.Close() })
		return a
	}
	shop, shop2, def := open("shop.db"), open("shop-2.db"), open("clockwork.db")
	for _, a := range []*app.App{shop, shop2, def} {
		path, err := a.DailyBackup()
		if err != nil || path == "" {
			t.Fatalf("%s: daily backup %q %v", a.Path(), path, err)
		}
		if _, err := a.BackupNow(); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		a      *app.App
		prefix string
	}{{shop, "shop-"}, {shop2, "shop-2-"}, {def, "clockwork-"}} {
		files, err := c.a.Backups()
		if err != nil {
			t.Fatal(err)
		}
		daily := 0
		for _, f := range files {
			if !strings.HasPrefix(f.Name, c.prefix) || (c.prefix == "shop-" && strings.HasPrefix(f.Name, "shop-2-")) {
				t.Errorf("%s lists %s, another shop's backup", filepath.Base(c.a.Path()), f.Name)
			}
			if f.Daily {
				daily++
			}
		}
		if len(files) != 2 || daily != 1 {
			t.Errorf("%s lists %d backups (%d daily), want its own two, one daily", filepath.Base(c.a.Path()), len(files), daily)
		}
	}
	today := string(def.Today())
	if _, err := os.Stat(filepath.Join(dir, "backups", "clockwork-daily-"+today+".db")); err != nil {
		t.Errorf("the default database's daily backup is not named as before: %v", err)
	}
}
