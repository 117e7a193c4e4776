package cli

import (
	"flag"
	"fmt"
	"text/tabwriter"

	"clockwork/app"
	"clockwork/data"
)

const migrateSynopsis = "--from SHOP.db --to postgres://USER@HOST/DB"

// setupMigrate is `clockwork migrate`: copy a whole shop into a new database (a one-laptop
// shop moving to a shared PostgreSQL server), then print each table's rows, counted on both
// sides.
func setupMigrate(fs *flag.FlagSet) func(c *call) error {
	from := fs.String("from", "", "the shop to copy: its file (or a database URL)")
	to := fs.String("to", "", "the new, empty database to copy it into: a postgres:// URL (or a new file)")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		if *from == "" || *to == "" {
			return usagef("--from and --to are both required")
		}
		counts, err := app.MoveShop(*from, *to)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, "TABLE\tROWS\tCOPIED")
		var total int64
		for _, t := range counts {
			fmt.Fprintf(w, "%s\t%d\t%d\n", t.Table, t.Rows, t.Copied)
			total += t.Rows
		}
		if err := w.Flush(); err != nil {
			return err
		}
		_, err = fmt.Fprintf(c.env.Stdout, "copied %d rows of %d tables from %s to %s; the counts agree. Open the shop with --db %s\n",
			total, len(counts), data.ShowLocation(*from), data.ShowLocation(*to), app.WithoutPassword(*to))
		return err
	}
}
