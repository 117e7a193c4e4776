package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"clockwork/data"
)

// WriteWait is how long a write waits for another Clockwork that holds the shop (a long import
// on another station, a nightly script) before it gives up with data.ErrBusy.
const WriteWait = 5 * time.Minute

// busyPause is the breath between two attempts at the write lock; each attempt itself waits
// the database's busy timeout.
const busyPause = 50 * time.Millisecond

// OnWait registers f, told how long a write has waited so far each time it finds the shop's
// database held by another process and goes on waiting (the CLI says so on stderr).
func (a *App) OnWait(f func(waited time.Duration)) {
	a.shared.mu.Lock()
	defer a.shared.mu.Unlock()
	a.shared.onWait = f
}

// guarded runs one write attempt after another while the database is busy with another
// process's write, up to WriteWait; run says whether its transaction had begun (a write that
// began is never run again). A damaged database is refused before and marked when found.
func (a *App) guarded(run func() (started bool, err error)) error {
	if err := a.refuseDamaged(); err != nil {
		return err
	}
	begun := time.Now()
	for {
		started, err := run()
		switch {
		case err == nil:
			return nil
		case data.IsDamaged(err):
			a.markDamaged([]string{err.Error()})
			return a.refuseDamaged()
		case !data.IsBusy(err):
			return err
		case started || time.Since(begun) >= WriteWait:
			return fmt.Errorf("%w (waited %s)", data.ErrBusy, time.Since(begun).Round(time.Second))
		}
		a.shared.mu.Lock()
		tell := a.shared.onWait
		a.shared.mu.Unlock()
		if tell != nil {
			tell(time.Since(begun))
		}
		time.Sleep(busyPause)
	}
}

// damagedMark is the file beside the database that records a failed integrity check: while
// it is there, nothing is written to the shop. A shared database's server checks its own
// pages, so it has none.
func (a *App) damagedMark() string {
	if a.path == "" || !a.IsFile() {
		return ""
	}
	return a.path + ".damaged"
}

// markDamaged records the problems of a failed integrity check beside the database.
func (a *App) markDamaged(problems []string) {
	if mark := a.damagedMark(); mark != "" {
		os.WriteFile(mark, []byte(strings.Join(problems, "\n")+"\n"), 0o600)
	}
}

// clearDamaged forgets a failed integrity check: the shop was checked sound, or restored.
func (a *App) clearDamaged() {
	if mark := a.damagedMark(); mark != "" {
		os.Remove(mark)
	}
}

// refuseDamaged is an error saying how to restore the shop when its last integrity check failed.
func (a *App) refuseDamaged() error {
	mark := a.damagedMark()
	if mark == "" {
		return nil
	}
	found, err := os.ReadFile(mark)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	first, _, _ := strings.Cut(strings.TrimSpace(string(found)), "\n")
	return fmt.Errorf("%w (%s), so Clockwork writes nothing to it: restore the newest good copy from %s "+
		"(Settings → Backups in the window), then run clockwork check", data.ErrDamaged, first, a.BackupDir())
}

// openError says what to do about a path that holds no shop.
func openError(path string, err error) error {
	path = data.ShowLocation(path) // never a password in a message
	switch {
	case errors.Is(err, data.ErrNoDatabase):
		return shopError{fmt.Sprintf("there is no Clockwork shop at %s (nothing was created): check --db or CLOCKWORK_DB, or create a shop with clockwork init", path), err}
	case errors.Is(err, data.ErrDamaged):
		return shopError{fmt.Sprintf("%s is damaged, so Clockwork writes nothing to it: restore the newest good copy from %s "+
			"(Settings → Backups in the window), then run clockwork check", path, filepath.Join(filepath.Dir(path), "backups")), err}
	case errors.Is(err, data.ErrNotClockwork):
		return shopError{fmt.Sprintf("%s is not a Clockwork shop and was left as it was: check --db or CLOCKWORK_DB", path), err}
	}
	return err
}

// shopError is a sentence for the user over the sentinel error it stands for.
type shopError struct {
	msg string
	err error
}

func (e shopError) Error() string { return e.msg }
func (e shopError) Unwrap() error { return e.err }
