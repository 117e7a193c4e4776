package cli

import (
	"errors"
	"fmt"
	"io"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// createsShop are the commands that may create the database (DESIGN 10): every other one
// refuses a path with no shop at it, and creates nothing.
var createsShop = map[string]bool{"demo": true, "init": true}

// openShop opens the shop at path for command name; a write that has to wait for another
// Clockwork says so on stderr, once a minute.
func (c *call) openShop(path string) (*app.App, error) {
	open := app.OpenExisting
	if createsShop[c.cmd.name] {
		open = app.Open
	}
	a, err := open(path)
	if err != nil {
		return nil, err
	}
	var told time.Duration = -1
	a.OnWait(func(waited time.Duration) {
		if told < 0 || waited-told >= time.Minute {
			told = waited
			fmt.Fprintf(c.env.Stderr, "clockwork %s: another Clockwork is writing to this shop; waiting for it (waited %s, giving up after %s)\n",
				c.cmd.name, waited.Round(time.Second), app.WriteWait)
		}
	})
	return a, nil
}

// busyMessage replaces SQLite's own words for a busy database with the shop's.
func busyMessage(err error) error {
	if data.IsBusy(err) && !errors.Is(err, data.ErrBusy) {
		return data.ErrBusy
	}
	return err
}

// passwordFilter writes to w with the password of the shared database *loc names masked, so
// no message a command prints (its own, the driver's, a wrapped error's) shows it.
type passwordFilter struct {
	w   io.Writer
	loc *string
}

func (f passwordFilter) Write(p []byte) (int, error) {
	if !app.IsShared(*f.loc) {
		return f.w.Write(p)
	}
	if _, err := io.WriteString(f.w, app.Scrub(string(p), *f.loc)); err != nil {
		return 0, err
	}
	return len(p), nil
}
