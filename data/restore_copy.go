package data

import (
	"fmt"
	"io"
	"os"
	"slices"

	"gorm.io/gorm"
)

// restoreByCopy replaces every row of a shop on a server with the rows of the backup file at
// path, in one transaction: the other stations see the old shop or the restored one, never a
// mix. The backup is first brought up to this Clockwork's schema in a temporary copy, so the
// file itself is never changed.
func restoreByCopy(db *gorm.DB, path string) error {
	tmp, err := copyToTemp(path)
	if err != nil {
		return fmt.Errorf("restore %s: %w", path, err)
	}
	defer removeSQLiteFiles(tmp)
	src, err := Open(tmp)
	if err != nil {
		return fmt.Errorf("restore %s: %w", path, err)
	}
	defer Close(src)
	if _, err := copyShop(db, src, clearShop); err != nil {
		return fmt.Errorf("restore %s (nothing was changed): %w", path, err)
	}
	return nil
}

// clearShop deletes every row of every table, those that refer to others first.
func clearShop(tx *gorm.DB) error {
	models := Models()
	slices.Reverse(models)
	for _, m := range models {
		if err := tx.Session(&gorm.Session{AllowGlobalUpdate: true}).Delete(m).Error; err != nil {
			return fmt.Errorf("clear %T: %w", m, err)
		}
	}
	return nil
}

// copyToTemp copies the file at path into a new private temporary file and returns its name.
func copyToTemp(path string) (string, error) {
	in, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp("", "clockwork-restore-*.db")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}
