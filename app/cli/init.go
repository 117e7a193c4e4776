package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"clockwork/app"
	"clockwork/data"
)

// setupInit is `clockwork init`: a new, empty shop at the database path, never over a file
// that is already there.
func setupInit(_ *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		path, err := c.path()
		if err != nil {
			return err
		}
		if err := noShopAt(path); err != nil {
			return err
		}
		c.dbPath = path
		a, err := c.app()
		if err != nil {
			return fmt.Errorf("create the shop at %s: %w", app.Masked(path), err)
		}
		_, err = fmt.Fprintf(c.env.Stdout, "new empty shop at %s\nnext: clockwork shop --name NAME, then clockwork supplier add NAME\n", a.Where())
		return err
	}
}

// noShopAt refuses a path where a file is already, or a shared database that already holds a
// shop (one that cannot be reached is reported as such).
func noShopAt(path string) error {
	if !app.IsShared(path) {
		if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
			return &app.InputError{Problems: []app.Problem{{File: path, Field: "--db",
				Message: "a file is already there; give a new path, or use the shop that is there"}}}
		}
		return nil
	}
	a, err := app.OpenExisting(path)
	if err == nil {
		a.Close()
		return &app.InputError{Problems: []app.Problem{{File: app.Masked(path), Field: "--db",
			Message: "this database already holds a shop; use it as it is, or give an empty database"}}}
	}
	if !errors.Is(err, data.ErrNotClockwork) {
		return err
	}
	return nil
}
