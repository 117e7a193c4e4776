package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"gorm.io/gorm"
)

// backupByCopy writes a shop on a database server to a new SQLite file at out that any
// station can open: the rows are read in one snapshot, written into a temporary file beside
// out, checked, and only then given out's name, so out is either a whole backup or absent.
func backupByCopy(db *gorm.DB, out string) error {
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("back up to %s: %w", out, ErrExists)
	}
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.partial")
	if err != nil {
		return fmt.Errorf("back up to %s: %w", out, err)
	}
	tmp := f.Name()
	f.Close()
	defer removeSQLiteFiles(tmp)
	if err := writeCopy(db, tmp); err != nil {
		return fmt.Errorf("back up to %s (nothing was written): %w", out, err)
	}
	if _, err := InspectFile(tmp); err != nil {
		return fmt.Errorf("back up to %s: the copy did not check out: %w", out, err)
	}
	return placeBackup(tmp, out)
}

// writeCopy copies the shop into a new SQLite file at path and leaves that file standing
// alone, its write-ahead log folded in.
func writeCopy(db *gorm.DB, path string) error {
	dst, err := Open(path)
	if err != nil {
		return err
	}
	if _, err := CopyShop(dst, db); err != nil {
		Close(dst)
		return err
	}
	if err := dst.Exec("PRAGMA journal_mode = DELETE").Error; err != nil {
		Close(dst)
		return err
	}
	return Close(dst)
}

// placeBackup gives the finished file out's name without ever replacing a file there: a hard
// link fails when out exists; where links are not to be had, a last look, then a rename.
func placeBackup(tmp, out string) error {
	err := os.Link(tmp, out)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("back up to %s: %w", out, ErrExists)
	}
	if err == nil {
		return nil
	}
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("back up to %s: %w", out, ErrExists)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("back up to %s: %w", out, err)
	}
	return nil
}

// removeSQLiteFiles removes a database file and the journals SQLite keeps beside it.
func removeSQLiteFiles(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		os.Remove(p)
	}
}
