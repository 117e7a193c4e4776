package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"clockwork/data"

	"github.com/zalando/go-keyring"
)

// The SMTP password never goes into the database (a backup or a copied file would carry
// it): it is kept in the operating system's keyring — Keychain, Windows Credential Manager,
// the Secret Service on Linux — and where there is none, in a file beside the database
// that only the owner can read.

// keyringService is the name the password is filed under in the keyring.
const keyringService = "Clockwork SMTP"

// noKeyringEnv, set to 1, keeps the password in the private file even where a keyring
// exists (tests, and owners who prefer it).
const noKeyringEnv = "CLOCKWORK_NO_KEYRING"

// mailPasswordFile is the private file used when there is no keyring.
func (a *App) mailPasswordFile() string {
	return filepath.Join(a.Folder(), "mail-password")
}

// keyringAccount names the password in the keyring: the user at the server, for this
// database (two shops on one computer keep two passwords).
func (a *App) keyringAccount(user, host string) string {
	if !a.IsFile() {
		return user + "@" + host + " for " + data.ShowLocation(a.path)
	}
	abs, err := filepath.Abs(a.path)
	if err != nil {
		abs = a.path
	}
	return user + "@" + host + " for " + abs
}

func useKeyring() bool { return os.Getenv(noKeyringEnv) != "1" }

// storeMailPassword keeps the password and says where, with a warning when it is a file.
func (a *App) storeMailPassword(user, host, password string) (string, error) {
	if useKeyring() {
		if err := keyring.Set(keyringService, a.keyringAccount(user, host), password); err == nil {
			_ = os.Remove(a.mailPasswordFile())
			return "The password is kept in your system's keyring.", nil
		}
	}
	path := a.mailPasswordFile()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("keep the mail password: %w", err)
	}
	if err := WriteFile(path, func(w io.Writer) error { _, err := w.Write([]byte(password)); return err }); err != nil {
		return "", fmt.Errorf("keep the mail password: %w", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		return "", fmt.Errorf("make the mail password file private: %w", err)
	}
	return "This computer has no keyring Clockwork can use, so the password is kept in " + path +
		", which only you can read. Anyone with your account, or a copy of that folder, can read it.", nil
}

// mailPassword reads the kept password; "" when none is kept.
func (a *App) mailPassword(user, host string) (string, error) {
	if useKeyring() {
		p, err := keyring.Get(keyringService, a.keyringAccount(user, host))
		if err == nil {
			return p, nil
		}
	}
	b, err := os.ReadFile(a.mailPasswordFile())
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read the mail password: %w", err)
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}
