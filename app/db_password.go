package app

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zalando/go-keyring"
)

// A shared database's password is kept like the mail password (mail_password.go): in the
// operating system's keyring, else in a file only the owner can read, never in the database,
// a backup, a log or an error. Each password is filed under the role at the server's database
// (anna@db.example:5432/shop), so a URL without a password finds it again.

// dbKeyringService is the name database passwords are filed under in the keyring.
const dbKeyringService = "Clockwork database"

// dbPasswordFile is the private file used where there is no keyring: one "account<TAB>password"
// a line (the password %-escaped, so a tab or line break in it stays whole), in the data folder.
func dbPasswordFile() (string, error) {
	dir, err := DataFolder()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "database-passwords"), nil
}

// keepDBPassword keeps the password for account and says where it went.
func keepDBPassword(account, password string) (string, error) {
	if useKeyring() {
		if err := keyring.Set(dbKeyringService, account, password); err == nil {
			_ = updateDBPasswordFile(account, "") // an older copy in the file goes
			return "The database password is kept in your system's keyring.", nil
		}
	}
	if err := updateDBPasswordFile(account, password); err != nil {
		return "", err
	}
	path, _ := dbPasswordFile()
	return "This computer has no keyring Clockwork can use, so the database password is kept in " + path +
		", which only you can read.", nil
}

// forgetDBPassword removes the password kept for account (one the server refused).
func forgetDBPassword(account string) {
	if useKeyring() {
		_ = keyring.Delete(dbKeyringService, account)
	}
	_ = updateDBPasswordFile(account, "")
}

// dbPassword reads the password kept for account; "" when none is kept.
func dbPassword(account string) (string, error) {
	if useKeyring() {
		if p, err := keyring.Get(dbKeyringService, account); err == nil {
			return p, nil
		}
	}
	kept, err := readDBPasswordFile()
	if err != nil {
		return "", err
	}
	return kept[account], nil
}

// readDBPasswordFile reads the private file's passwords by account (none when it is missing).
func readDBPasswordFile() (map[string]string, error) {
	kept := map[string]string{}
	path, err := dbPasswordFile()
	if err != nil {
		return kept, nil
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return kept, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the database passwords in %s: %w", path, err)
	}
	defer f.Close()
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		if account, password, ok := strings.Cut(lines.Text(), "\t"); ok {
			if p, err := url.QueryUnescape(password); err == nil {
				kept[account] = p
			}
		}
	}
	return kept, nil
}

// updateDBPasswordFile sets account's password in the private file ("" removes it); a file
// left with no passwords is removed.
func updateDBPasswordFile(account, password string) error {
	path, err := dbPasswordFile()
	if err != nil {
		return err
	}
	kept, err := readDBPasswordFile()
	if err != nil {
		return err
	}
	if password == "" {
		if _, ok := kept[account]; !ok {
			return nil
		}
		delete(kept, account)
	} else {
		kept[account] = password
	}
	if len(kept) == 0 {
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", path, err)
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("keep the database password: %w", err)
	}
	accounts := make([]string, 0, len(kept))
	for a := range kept {
		accounts = append(accounts, a)
	}
	sort.Strings(accounts)
	err = WriteFile(path, func(w io.Writer) error {
		for _, a := range accounts {
			if _, err := fmt.Fprintf(w, "%s\t%s\n", a, url.QueryEscape(kept[a])); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("keep the database password: %w", err)
	}
	return os.Chmod(path, 0o600)
}
