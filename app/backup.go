package app

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"clockwork/data"
)

// KeepDailyBackups is how many automatic daily backups are kept.
const KeepDailyBackups = 14

// A backup's name starts with its database's name, so shops sharing a folder each keep and
// list their own: "shop-daily-2026-03-14.db", "shop-2026-03-14-093000.db" (taken by hand),
// "shop-before-restore-2026-03-14-093000.db". The default database is clockwork.db, so its
// backups keep the names they had before backups were per database.
var backupName = regexp.MustCompile(`^(daily-\d{4}-\d{2}-\d{2}|before-restore-\d{4}-\d{2}-\d{2}-\d{6}|\d{4}-\d{2}-\d{2}-\d{6})\.db$`)

// backupStem is what this database's backups are named after: its file name without ".db".
func (a *App) backupStem() string {
	if !a.IsFile() {
		return serverStem(a.path)
	}
	return strings.TrimSuffix(filepath.Base(a.path), filepath.Ext(a.path)) + "-"
}

// serverStem names the backups of a shop on a server after the server and the database
// ("db.example.com-shop-"), in characters any file system takes.
func serverStem(location string) string {
	name := "server"
	if u, err := url.Parse(location); err == nil {
		host := u.Hostname()
		if host == "" { // a unix socket on this machine
			host = "localhost"
		}
		name = host + "-" + strings.TrimPrefix(u.Path, "/")
	}
	safe := strings.Map(func(r rune) rune {
		if r == '.' || r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, name)
	return safe + "-"
}

// ownBackup says whether a file in the backups folder is one of this database's, and whether
// it is a daily one.
func (a *App) ownBackup(name string) (own, daily bool) {
	rest, ok := strings.CutPrefix(name, a.backupStem())
	if !ok || !backupName.MatchString(rest) {
		return false, false
	}
	return true, strings.HasPrefix(rest, "daily-")
}

// Backup writes a consistent copy of the database to out; it refuses to overwrite a file.
func (a *App) Backup(out string) error {
	if err := data.BackupTo(a.db, out); err != nil {
		if errors.Is(err, data.ErrExists) {
			return invalid("out", "%s already exists; choose a new file name", out)
		}
		return err
	}
	return nil
}

// BackupNow writes a backup into the backups folder and returns its path.
func (a *App) BackupNow() (string, error) {
	if err := os.MkdirAll(a.BackupDir(), 0o700); err != nil {
		return "", fmt.Errorf("create backups folder: %w", err)
	}
	out := filepath.Join(a.BackupDir(), a.backupStem()+a.now().Format("2006-01-02-150405")+".db")
	return out, a.Backup(out)
}

// DailyBackup takes today's automatic backup unless there is one already, and keeps only
// the newest KeepDailyBackups of them. It returns the new file's path, or "" if none was due.
func (a *App) DailyBackup() (string, error) {
	dir := a.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create backups folder: %w", err)
	}
	out := filepath.Join(dir, a.backupStem()+"daily-"+string(a.Today())+".db")
	if _, err := os.Stat(out); err == nil {
		return "", nil
	}
	if err := data.BackupTo(a.db, out); err != nil {
		return "", err
	}
	return out, a.pruneDaily()
}

// pruneDaily keeps this database's newest KeepDailyBackups daily backups.
func (a *App) pruneDaily() error {
	entries, err := os.ReadDir(a.BackupDir())
	if err != nil {
		return fmt.Errorf("list backups: %w", err)
	}
	var matches []string
	for _, e := range entries {
		if own, daily := a.ownBackup(e.Name()); own && daily && !e.IsDir() {
			matches = append(matches, filepath.Join(a.BackupDir(), e.Name()))
		}
	}
	sort.Strings(matches) // names carry the day, so this is oldest first
	for len(matches) > KeepDailyBackups {
		if err := os.Remove(matches[0]); err != nil {
			return fmt.Errorf("remove old backup: %w", err)
		}
		matches = matches[1:]
	}
	return nil
}

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Path    string
	Name    string
	Size    int64
	ModTime time.Time
	Daily   bool // taken automatically when the window opened
}

// Backups lists this database's backups in the backups folder, newest first (another
// database's in the same folder are not its).
func (a *App) Backups() ([]BackupFile, error) {
	entries, err := os.ReadDir(a.BackupDir())
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	var out []BackupFile
	for _, e := range entries {
		own, daily := a.ownBackup(e.Name())
		if e.IsDir() || !own {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupFile{
			Path: filepath.Join(a.BackupDir(), e.Name()), Name: e.Name(), Size: info.Size(),
			ModTime: info.ModTime(), Daily: daily,
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ModTime.After(out[j].ModTime) })
	return out, nil
}

// Restore replaces the shop's data with the backup at path. The current data is first
// saved as a backup of its own, so a restore can itself be undone; that file's path is returned.
func (a *App) Restore(path string) (string, error) {
	if _, err := data.InspectFile(path); err != nil {
		return "", invalid("backup", "%s is not a Clockwork backup that can be restored (%v)", filepath.Base(path), err)
	}
	if err := os.MkdirAll(a.BackupDir(), 0o700); err != nil {
		return "", fmt.Errorf("create backups folder: %w", err)
	}
	safety := filepath.Join(a.BackupDir(), a.backupStem()+"before-restore-"+a.now().Format("2006-01-02-150405")+".db")
	if err := data.BackupTo(a.db, safety); err != nil {
		return "", fmt.Errorf("save current data before restoring: %w", err)
	}
	err := data.RestoreFrom(a.db, path)
	a.shared.leads.reset() // whatever happened, the data may be other than the history read
	if err != nil {
		return safety, fmt.Errorf("restore %s: %w", filepath.Base(path), err)
	}
	a.clearDamaged()
	a.shared.locMu.Lock()
	a.shared.loc = nil
	a.shared.locMu.Unlock()
	a.changed()
	return safety, nil
}

// Check runs the engine's integrity and foreign key checks (on a server: the tables read
// through, every declared foreign key in force, the id sequences ahead of the rows), the shop's
// one row of details and Clockwork's own rules that the schema cannot state; it lists every
// problem.
func (a *App) Check() ([]string, error) {
	problems, err := data.IntegrityProblems(a.db)
	if err != nil {
		if data.IsDamaged(err) { // so damaged the check itself cannot finish
			a.markDamaged([]string{err.Error()})
		}
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	fk, err := data.ForeignKeyProblems(a.db)
	if err != nil {
		return nil, fmt.Errorf("foreign key check: %w", err)
	}
	if len(problems) > 0 {
		a.markDamaged(problems)
	} else {
		a.clearDamaged()
	}
	own, err := a.receiptProblems()
	if err != nil {
		return nil, fmt.Errorf("receipts check: %w", err)
	}
	shop, err := data.ShopProblems(a.db)
	if err != nil {
		return nil, fmt.Errorf("shop check: %w", err)
	}
	own = append(own, shop...)
	beyond, err := a.boundsProblems()
	if err != nil {
		return nil, err
	}
	own = append(own, beyond...)
	return append(append(problems, fk...), own...), nil
}

// receiptProblems lists receipt lines for a line of another PO than their receipt's (the
// scorecards find a period's receipts through their POs).
func (a *App) receiptProblems() ([]string, error) {
	var rows []struct {
		ID, ReceiptID uint
		Receipt, Line string
	}
	err := a.db.Raw(`SELECT rl.id, rl.receipt_id, rp.number AS receipt, lp.number AS line
		FROM receipt_lines rl JOIN receipts r ON r.id = rl.receipt_id JOIN po_lines l ON l.id = rl.po_line_id
		JOIN purchase_orders rp ON rp.id = r.purchase_order_id JOIN purchase_orders lp ON lp.id = l.purchase_order_id
		WHERE l.purchase_order_id <> r.purchase_order_id ORDER BY rl.id`).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		out = append(out, fmt.Sprintf("receipt_lines: line %d of receipt %d (%s) is for a line of %s", r.ID, r.ReceiptID, r.Receipt, r.Line))
	}
	return out, nil
}
