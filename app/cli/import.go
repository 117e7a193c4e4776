package cli

import (
	"flag"
	"io"
	"os"
	"strings"

	"clockwork/app/importfile"
	"clockwork/reports"
)

// importKind is one `clockwork import KIND FILE` variant. setup defines the kind's own
// flags (beside the shared ones) and returns the function that imports FILE.
type importKind struct {
	name  string
	args  string // the synopsis after "import KIND"
	setup func(fs *flag.FlagSet, shared importFlags) func(c *call, file string) error
}

// importFlags are the flags every kind of import takes.
type importFlags struct {
	dryRun  *bool   // check and say what would change; write nothing
	skip    *bool   // import the valid rows or orders, list the others
	mapText *string // a column map, FIELD=COLUMN,...; "" for the file's layout or its saved map
}

// importKinds is every kind of file `clockwork import` takes.
func importKinds() []importKind {
	return []importKind{
		{"orders", "FILE [--format auto|" + strings.Join(orderFormatNames(), "|") + "] [--map FIELD=COLUMN,...] [--dry-run] [--skip-invalid] [--json]", setupImportOrders},
		{"catalog", "FILE --supplier NAME [--map FIELD=COLUMN,...] [--dry-run] [--skip-invalid]", setupImportCatalog},
	}
}

// importSynopsis is the import command's synopsis, one line per kind.
func importSynopsis() string {
	var lines []string
	for _, k := range importKinds() {
		lines = append(lines, k.name+" "+k.args)
	}
	return strings.Join(lines, "\n                     | ")
}

func setupImport(fs *flag.FlagSet) func(c *call) error {
	shared := importFlags{
		dryRun: fs.Bool("dry-run", false, "check the file and say what would change; write nothing"),
		skip:   fs.Bool("skip-invalid", false, "import what is valid and leave out what has problems (they are still listed)"),
		mapText: fs.String("map", "", `read the file through a column map, saved for files with its header: FIELD=COLUMN,... `+
			`e.g. orders: order_number="Order ID",placed_at=Date,sku=SKU,qty=Qty,unit_price=Price (fields: `+fieldList()+`); `+
			`catalog: sku=Code,unit_cost="Netto EUR",available_qty=Stock (fields: `+catalogFieldList()+`)`),
	}
	runners := map[string]func(c *call, file string) error{}
	owner := map[string]string{} // flag name → the kind that defined it
	for _, k := range importKinds() {
		before := map[string]bool{}
		fs.VisitAll(func(f *flag.Flag) { before[f.Name] = true })
		runners[k.name] = k.setup(fs, shared)
		fs.VisitAll(func(f *flag.Flag) {
			if !before[f.Name] {
				owner[f.Name] = k.name
			}
		})
	}
	return func(c *call) error {
		if len(c.args) == 0 {
			return usagef("say what to import: %s", kindNames())
		}
		kind := c.args[0]
		run, ok := runners[kind]
		if !ok {
			return usagef("cannot import %q: the kinds are %s", kind, kindNames())
		}
		if len(c.args) != 2 {
			return usagef("give one file to import: clockwork import %s FILE", kind)
		}
		var foreign error
		fs.Visit(func(f *flag.Flag) {
			if k, ok := owner[f.Name]; ok && k != kind && foreign == nil {
				foreign = usagef("--%s belongs to import %s, not import %s", f.Name, k, kind)
			}
		})
		if foreign != nil {
			return foreign
		}
		if !importfile.ReadsWorkbooks && isWorkbookFile(c.args[1]) {
			return reports.ErrNotInThisBinary // before anything is read or written
		}
		return run(c, c.args[1])
	}
}

// isWorkbookFile says whether the file at path is an .xlsx workbook (false when it cannot be
// read: the import then says why).
func isWorkbookFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	return importfile.IsWorkbook(head[:n])
}

func kindNames() string {
	var names []string
	for _, k := range importKinds() {
		names = append(names, k.name)
	}
	return strings.Join(names, " or ")
}
