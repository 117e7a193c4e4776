package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"clockwork/app"
	"clockwork/app/importfile"
)

// importOrdersJSON is the `import orders --json` shape: what the import did (or on a dry run
// would do), per kind.
type importOrdersJSON struct {
	File             string       `json:"file"`
	Format           string       `json:"format"`
	Map              string       `json:"map,omitempty"`
	DryRun           bool         `json:"dry_run"`
	Imported         int          `json:"imported"`
	Held             int          `json:"held"`
	Cancelled        int          `json:"cancelled"`
	Converted        int          `json:"converted"`
	SkippedFulfilled int          `json:"skipped_fulfilled"`
	Already          int          `json:"already_there"`
	Changes          []changeJSON `json:"changes"`
	TellSuppliers    []string     `json:"tell_suppliers"`
	UnknownSKUs      []string     `json:"unknown_skus"`
	Problems         []string     `json:"problems"`
}

type changeJSON struct {
	OrderNumber   string   `json:"order_number"`
	Kind          string   `json:"kind"`
	Lines         int      `json:"lines"`
	TellSuppliers []string `json:"tell_suppliers,omitempty"`
}

func newImportOrdersJSON(r app.ImportResult) importOrdersJSON {
	out := importOrdersJSON{File: r.File, Format: r.Format, Map: r.Map, DryRun: r.DryRun, Imported: r.Imported,
		Held: r.Held, Cancelled: r.Cancelled, Converted: r.Converted, SkippedFulfilled: r.SkippedFulfilled,
		Already: r.Already, Changes: []changeJSON{}, TellSuppliers: nonNil(r.TellSuppliers),
		UnknownSKUs: nonNil(r.UnknownSKUs), Problems: []string{}}
	for _, c := range r.Changes {
		out.Changes = append(out.Changes, changeJSON{OrderNumber: c.Number, Kind: string(c.Kind), Lines: c.Lines, TellSuppliers: c.TellSuppliers})
	}
	for _, p := range r.Problems {
		out.Problems = append(out.Problems, p.String())
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// orderFormatNames are the layouts --format takes besides auto.
func orderFormatNames() []string {
	return slices.DeleteFunc(slices.Clone(app.OrderFormats), func(s string) bool { return s == "auto" })
}

func setupImportOrders(fs *flag.FlagSet, shared importFlags) func(c *call, file string) error {
	format := fs.String("format", "auto", "the export's layout: "+strings.Join(app.OrderFormats, ", ")+" (auto: a map saved for the file's header, or the layout its header names)")
	mapText := shared.mapText
	asJSON := fs.Bool("json", false, "print what the import did as one JSON document")
	return func(c *call, file string) error {
		if !slices.Contains(app.OrderFormats, *format) {
			return usagef("--format %q: use %s", *format, strings.Join(app.OrderFormats, ", "))
		}
		var m importfile.ColumnMap
		if *mapText != "" {
			var err error
			if m, err = importfile.ParseColumnMap(*mapText); err != nil {
				return usagef("--map: %v", err)
			}
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
		res, err := a.ImportOrders(c.env.Context, f, file, app.ImportOptions{Format: *format, Map: m, DryRun: *shared.dryRun, OnlyValid: *shared.skip})
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(c.env.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(newImportOrdersJSON(res))
		}
		return printImportOrders(c, res)
	}
}

// printImportOrders writes the summary, then each changed order and each order left out.
func printImportOrders(c *call, res app.ImportResult) error {
	for _, p := range res.Problems { // left out on request with --skip-invalid
		fmt.Fprintf(c.env.Stderr, "clockwork import: skipped %s\n", p)
	}
	if _, err := fmt.Fprintln(c.env.Stdout, res.Summary()); err != nil {
		return err
	}
	for _, ch := range res.Changes {
		line := fmt.Sprintf("  %s: %s", ch.Number, ch.Kind)
		if ch.Lines > 0 {
			line += fmt.Sprintf(" (%s)", plural(ch.Lines, "line", "lines"))
		}
		if ch.Note != "" {
			line += "; " + ch.Note
		}
		if _, err := fmt.Fprintln(c.env.Stdout, line); err != nil {
			return err
		}
	}
	return nil
}

// fieldList names every field a column map may set.
func fieldList() string {
	var names []string
	for _, fi := range importfile.OrderFields {
		names = append(names, string(fi.Field))
	}
	return strings.Join(names, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
