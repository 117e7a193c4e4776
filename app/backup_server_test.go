package app_test

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app/apptest"
	"clockwork/data"
)

// TestServerShopBackups: a station on a shop on a server keeps its backups in the shop's folder
// on this machine, named after the server and database; they list, check out as Clockwork
// files, and one restores over the server's shop (the data it replaced saved first).
func TestServerShopBackups(t *testing.T) {
	if os.Getenv(apptest.ServerEnv) == "" {
		t.Skipf("needs a PostgreSQL server: set %s to a postgres:// URL whose role may create databases (make test does)", apptest.ServerEnv)
	}
	a, _ := apptest.NewApp(t)
	if a.IsFile() {
		t.Fatal("the test shop is not on the server")
	}
	if want := filepath.Join(a.Folder(), "backups"); a.BackupDir() != want {
		t.Fatalf("backups go to %s, want %s", a.BackupDir(), want)
	}
	sup := data.Supplier{Name: "Łódź Parts", Status: data.SupplierActive}
	if err := a.SaveSupplier(&sup); err != nil {
		t.Fatal(err)
	}
	daily, err := a.DailyBackup()
	u, _ := url.Parse(a.Path())
	if err != nil || !strings.HasPrefix(filepath.Base(daily), u.Hostname()) && !strings.HasPrefix(filepath.Base(daily), "localhost-") ||
		!strings.HasSuffix(daily, "-"+strings.TrimPrefix(u.Path, "/")+"-daily-"+string(a.Today())+".db") {
		t.Fatalf("daily backup %q: %v", daily, err)
	}
	if _, err := data.InspectFile(daily); err != nil {
		t.Fatalf("the daily backup: %v", err)
	}
	if list, err := a.Backups(); err != nil || len(list) != 1 || list[0].Path != daily || !list[0].Daily {
		t.Fatalf("backups listed: %+v, %v", list, err)
	}
	sup.Name = "Renamed after the backup"
	if err := a.SaveSupplier(&sup); err != nil {
		t.Fatal(err)
	}
	safety, err := a.Restore(daily)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(safety) != a.BackupDir() {
		t.Errorf("the data the restore replaced went to %s", safety)
	}
	var names []string
	apptest.DB(t, a).Model(&data.Supplier{}).Pluck("name", &names)
	if len(names) != 1 || names[0] != "Łódź Parts" {
		t.Errorf("suppliers after the restore: %v", names)
	}
	if problems, err := a.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check after the restore: %v %v", problems, err)
	}
}
