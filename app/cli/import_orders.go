package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"clockwork/app"
)

func setupImportOrders(fs *flag.FlagSet, dryRun *bool) func(c *call, file string) error {
	format := fs.String("format", "auto", "the export's layout: "+strings.Join(app.OrderFormats, ", ")+" (auto reads the header)")
	return func(c *call, file string) error {
		if !slices.Contains(app.OrderFormats, *format) {
			return usagef("--format %q: use %s", *format, strings.Join(app.OrderFormats, ", "))
		}
		f, err := os.Open(file)
		if err != nil { // nothing was written: bad input, as a missing --logo file is
			return &app.InputError{Problems: []app.Problem{{File: file, Message: "cannot open it: " + errors.Unwrap(err).Error()}}}
		}
		defer f.Close()
		a, err := c.app()
		if err != nil {
			return err
		}
		res, err := a.ImportOrders(c.env.Context, f, file, app.ImportOptions{Format: *format, DryRun: *dryRun})
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(c.env.Stdout, res.Summary())
		return err
	}
}
