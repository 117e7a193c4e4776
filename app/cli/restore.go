package cli

import (
	"flag"
	"fmt"
	"text/tabwriter"
)

// setupRestore is `clockwork restore`: list the backups beside the database, or put one back
// (the current data is saved as a backup of its own first, so a restore can be undone).
func setupRestore(fs *flag.FlagSet) func(c *call) error {
	list := fs.Bool("list", false, "list the backups in backups/ beside the database, newest first")
	return func(c *call) error {
		if *list == (len(c.args) == 1) || len(c.args) > 1 {
			return usagef("give one backup FILE to restore, or --list")
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		if *list {
			files, err := a.Backups()
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "WHEN\tSIZE\tFILE")
			for _, f := range files {
				fmt.Fprintf(w, "%s\t%.1f MB\t%s\n", f.ModTime.In(a.Location()).Format("2006-01-02 15:04"), float64(f.Size)/(1<<20), f.Path)
			}
			return w.Flush()
		}
		safety, err := a.Restore(c.args[0])
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(c.env.Stdout, "restored %s; the data it replaced is in %s\n", c.args[0], safety)
		return err
	}
}
