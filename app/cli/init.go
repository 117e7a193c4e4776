package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"clockwork/app"
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
		if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
			return &app.InputError{Problems: []app.Problem{{File: path, Field: "--db",
				Message: "a file is already there; give a new path, or use the shop that is there"}}}
		}
		c.dbPath = path
		if _, err := c.app(); err != nil {
			return fmt.Errorf("create the shop at %s: %w", path, err)
		}
		_, err = fmt.Fprintf(c.env.Stdout, "new empty shop at %s\nnext: clockwork shop --name NAME, then clockwork supplier add NAME\n", path)
		return err
	}
}
