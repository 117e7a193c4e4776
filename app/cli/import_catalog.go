package cli

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"clockwork/app"
	"clockwork/app/importfile"
)

// catalogFieldList names every field a price list's column map may set.
func catalogFieldList() string {
	names := make([]string, len(importfile.CatalogFields))
	for i, fi := range importfile.CatalogFields {
		names[i] = string(fi.Field)
	}
	return strings.Join(names, ", ")
}

func setupImportCatalog(fs *flag.FlagSet, shared importFlags) func(c *call, file string) error {
	supplier := fs.String("supplier", "", "the supplier the price list is from (created as a prospect if new)")
	dryRun, skip := shared.dryRun, shared.skip
	return func(c *call, file string) error {
		if *supplier == "" {
			return usagef("say whose price list it is: --supplier NAME")
		}
		var m importfile.ColumnMap
		if *shared.mapText != "" {
			var err error
			if m, err = importfile.ParseColumnMap(*shared.mapText); err != nil {
				return usagef("--map: %v", err)
			}
		}
		f, err := os.Open(file)
		if err != nil {
			return fmt.Errorf("open %s: %w", file, err)
		}
		defer f.Close()
		a, err := c.app()
		if err != nil {
			return err
		}
		res, err := a.ImportCatalog(f, file, app.CatalogImportOptions{Supplier: *supplier, DryRun: *dryRun, SkipInvalid: *skip, Map: m})
		if err != nil {
			return err
		}
		if *dryRun {
			if err := printCatalogPreview(c, res); err != nil {
				return err
			}
		}
		for _, p := range res.Problems { // left out on request with --skip-invalid
			fmt.Fprintf(c.env.Stderr, "clockwork import: skipped %s\n", p)
		}
		for _, w := range res.Warnings {
			fmt.Fprintf(c.env.Stderr, "clockwork import: warning: %s\n", w)
		}
		_, err = fmt.Fprintln(c.env.Stdout, res.Summary())
		return err
	}
}

// printCatalogPreview lists what the import would do with each row.
func printCatalogPreview(c *call, res app.CatalogImport) error {
	w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "LINE\tSKU\tTITLE\tCOST\tCHANGE\tDETAIL")
	for _, r := range res.Rows {
		cost := "-"
		if r.UnitCost != nil {
			cost = r.UnitCost.String()
		}
		title := r.Title
		if r.Change == app.ChangeInvalid {
			title = r.Raw
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", r.Line, r.SKU, clip(title, 40), cost, r.Change, r.Detail)
	}
	return w.Flush()
}

// clip puts text on one line of at most n characters, for a table column.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
