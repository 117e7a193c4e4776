package cli

import (
	"flag"
	"fmt"
)

func setupBackup(fs *flag.FlagSet) func(c *call) error {
	out := fs.String("out", "", "the backup file to write (must not exist yet)")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		if *out == "" {
			return usagef("--out FILE is required")
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		if err := a.Backup(*out); err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "backup written to %s\n", *out)
		return nil
	}
}

// errProblems is a failed check: the problems were already printed.
type errProblems int

func (e errProblems) Error() string { return fmt.Sprintf("%d problems found", int(e)) }

func setupCheck(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		problems, err := a.Check()
		if err != nil {
			return err
		}
		for _, p := range problems {
			fmt.Fprintf(c.env.Stderr, "clockwork check: %s\n", p)
		}
		if len(problems) > 0 {
			return errProblems(len(problems))
		}
		fmt.Fprintf(c.env.Stdout, "%s: ok\n", a.Where())
		return nil
	}
}
