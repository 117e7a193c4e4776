package app

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"clockwork/app/importfile"

	"gorm.io/gorm"
)

// MaxImportBytes is the largest file an import reads; a bigger one is refused whole.
const MaxImportBytes = importfile.MaxFileSize

// CatalogImportOptions say how to import a supplier's price list.
type CatalogImportOptions struct {
	Supplier    string // the supplier's name (any case); a new name creates the supplier as a prospect
	DryRun      bool   // check and preview only: write nothing
	SkipInvalid bool   // import the valid rows and leave out those with problems (the window offers this once it has shown them)
	// Map reads the file through a column map (importfile.CatalogFields) instead of its
	// header names; an import that writes saves it for files with the same header.
	Map importfile.ColumnMap
}

// CatalogChange says what an import does with one row of the file.
type CatalogChange string

// What a catalog import can do with a row.
const (
	ChangeNewProduct CatalogChange = "new product" // a product for a new SKU, with this supplier's offer
	ChangeNewOffer   CatalogChange = "new offer"   // an existing product gets an offer from this supplier
	ChangeUpdate     CatalogChange = "update"      // the offer's terms or the product's title or price change
	ChangeUnchanged  CatalogChange = "unchanged"
	ChangeStock      CatalogChange = "stock"   // a stock list row: the offer's availability is updated
	ChangeSkipped    CatalogChange = "skipped" // a stock list row for something this supplier has no offer for
	ChangeInvalid    CatalogChange = "invalid" // the row has problems
)

// CatalogImportRow is one data row of the file and what the import does with it.
type CatalogImportRow struct {
	importfile.CatalogRow
	Change CatalogChange
	Detail string // what changes ("cost 5.00 → 5.40"), why a row is skipped, or the row's problems
	Raw    string // an invalid row's cells as the file has them, to recognise it by
}

// CatalogImport is what an import did, or would do on a dry run.
type CatalogImport struct {
	File                                                                           string
	Supplier                                                                       string
	NewSupplier                                                                    bool // the supplier did not exist (and was created, unless nothing was written)
	StockOnly                                                                      bool // the file has no costs: a stock list, so only availability was taken from it
	TermsSet                                                                       bool // the file states the supplier's order fee or shipping, and they change
	Written                                                                        bool // false on a dry run and when problems stopped the import
	Rows                                                                           []CatalogImportRow
	Problems                                                                       []Problem
	Warnings                                                                       []Problem // what was read differently from the file without refusing a row (a negative stock read as 0)
	NeedsMap                                                                       bool      // the header names no price list columns Clockwork knows: the file needs a column map
	Header                                                                         []string  // the file's header row, for a mapping step
	Map                                                                            string    // the column map used (field=column,…), if any
	SavedMap                                                                       bool      // the map was the one saved for this header
	NewProducts, NewOffers, Updated, Unchanged, CostChanges, StockUpdates, Skipped int
}

// Summary says in one sentence what the import did or would do.
func (r CatalogImport) Summary() string {
	verb := "would be"
	if r.Written {
		verb = "were"
	}
	if r.StockOnly {
		return fmt.Sprintf("%s: availability of %d offers from %s %s updated; %d rows skipped (no offer from %s for them).",
			r.File, r.StockUpdates, r.Supplier, verb, r.Skipped, r.Supplier)
	}
	s := fmt.Sprintf("%s: %d new products, %d new offers, %d updated (%d cost changes), %d unchanged from %s",
		r.File, r.NewProducts, r.NewOffers, r.Updated, r.CostChanges, r.Unchanged, r.Supplier)
	if r.NewSupplier {
		s += " (a new supplier)"
	}
	if r.TermsSet {
		s += "; the supplier's order fee and shipping taken from the list"
	}
	if len(r.Warnings) > 0 {
		s += fmt.Sprintf("; %s (see the rows)", plural(len(r.Warnings), "warning", "warnings"))
	}
	if len(r.Problems) > 0 && r.Written {
		s += fmt.Sprintf("; %d rows with problems left out", r.invalidRows())
	}
	if !r.Written {
		return s + "; nothing was written."
	}
	return s + "."
}

func (r CatalogImport) invalidRows() int {
	n := 0
	for _, row := range r.Rows {
		if row.Change == ChangeInvalid {
			n++
		}
	}
	return n
}

// ImportCatalog reads a supplier's price list (.csv or .xlsx, DESIGN 9) and brings the
// catalog in line with it in one transaction: the supplier is created if new, products for
// new SKUs (title and price from the file), offers added or updated, cost changes kept in
// the cost history. A file with any invalid row writes nothing and returns every problem
// as an *InputError (unless opt.SkipInvalid); the CatalogImport then still previews the rows.
// A stock list (no cost column) only updates the availability of the supplier's offers.
func (a *App) ImportCatalog(r io.Reader, fileName string, opt CatalogImportOptions) (CatalogImport, error) {
	res := CatalogImport{File: fileName, Supplier: strings.TrimSpace(opt.Supplier)}
	t, rows, found, err := a.readCatalog(r, &res, opt.Map)
	if err != nil {
		return res, err
	}
	err = a.write(func(tx *gorm.DB) error {
		pl, err := newCatalogPlan(tx, &res, rows)
		if err != nil {
			return err
		}
		res.Rows = previewRows(t, found, pl.rows)
		sortProblems(res.Problems)
		if len(res.Problems) > 0 && (!opt.SkipInvalid || res.Problems[0].Line == 0) {
			return &InputError{Problems: res.Problems} // a problem with the whole file is never skipped
		}
		if opt.DryRun {
			return errDryRun
		}
		if err := pl.apply(tx, a.Now().UTC()); err != nil {
			return err
		}
		if opt.Map != nil {
			if err := saveColumnMap(tx, MapCatalog, t.Header, opt.Map); err != nil {
				return err
			}
		}
		res.Written = true
		return nil
	})
	var ie *InputError
	switch {
	case errors.Is(err, errDryRun):
		return res, nil
	case err != nil && !errors.As(err, &ie):
		return res, fmt.Errorf("import %s: %w", fileName, err)
	}
	return res, err
}

// readCatalog reads and parses the file (through m, the map saved for its header, or its
// header names), collecting its problems in res; it refuses at once what cannot be planned
// at all (no supplier named, no readable row, not a price list).
func (a *App) readCatalog(r io.Reader, res *CatalogImport, m importfile.ColumnMap) (*importfile.Table, []importfile.CatalogRow, []importfile.Problem, error) {
	t, err := importfile.Read(r, res.File)
	if err != nil {
		return nil, nil, nil, fileError(res.File, err)
	}
	if err := refuseNonCatalog(t); err != nil {
		return nil, nil, nil, err
	}
	res.Header = t.Header
	if m == nil {
		saved, ok, err := a.SavedColumnMap(MapCatalog, t.Header)
		if err != nil {
			return nil, nil, nil, err
		}
		m, res.SavedMap = saved, ok
	}
	var rows []importfile.CatalogRow
	var found []importfile.Problem
	switch {
	case m != nil:
		res.Map = m.String()
		rows, found = boundCatalogRows(importfile.ParseCatalogMapped(t, m))
	default:
		res.NeedsMap = importfile.Detect(t) != importfile.KindCatalog
		rows, found = boundCatalogRows(importfile.ParseCatalog(t))
	}
	if res.Supplier == "" {
		res.Problems = append(res.Problems, Problem{File: res.File, Field: "supplier", Message: "say which supplier the price list is from"})
	}
	for _, p := range found {
		res.Problems = append(res.Problems, Problem{File: res.File, Line: p.Line, Field: p.Column, Message: p.Message})
	}
	for _, r := range rows {
		for _, w := range r.Warnings {
			res.Warnings = append(res.Warnings, Problem{File: res.File, Line: w.Line, Field: w.Column, Message: w.Message})
		}
	}
	if len(rows) == 0 && len(found) == 0 {
		res.Problems = append(res.Problems, Problem{File: res.File, Message: "the file has a header but no rows"})
	}
	if len(res.Problems) > 0 && (len(rows) == 0 || res.Supplier == "") {
		res.Rows = previewRows(t, found, nil)
		return nil, nil, nil, &InputError{Problems: res.Problems}
	}
	return t, rows, found, nil
}

// sortProblems puts problems with the whole file first, then the rows' in line order.
func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
}

// fileError turns a file that cannot be read at all into an InputError naming it.
func fileError(name string, err error) error {
	msg := err.Error()
	p := Problem{File: name, Message: msg}
	if strings.HasPrefix(msg, name) { // the reader's message names the file already
		p.File = ""
	}
	return &InputError{Problems: []Problem{p}}
}

// refuseNonCatalog says what a file is when it is clearly not a supplier's price list.
func refuseNonCatalog(t *importfile.Table) error {
	var msg string
	switch importfile.Detect(t) {
	case importfile.KindShopifyProducts:
		msg = "this is a Shopify products export: your shop's own product list, not a supplier's price list. " +
			"It carries no supplier costs (and its Variant SKU column is often empty), so there is nothing to import as offers. " +
			"Ask the supplier for a price list with at least the columns sku, title and unit_cost"
	case importfile.KindOrders:
		msg = "this is an order export, not a supplier's price list: import it with Orders → Import orders, or `clockwork import orders`"
	default:
		hs := importfile.OrderHeaders(t)
		if len(hs) == 0 {
			return nil
		}
		msg = fmt.Sprintf("this looks like an order export (it has the columns %s), not a supplier's price list: "+
			"import it with Orders → Import orders, or `clockwork import orders`", strings.Join(hs, ", "))
	}
	return &InputError{Problems: []Problem{{File: t.Name, Message: msg}}}
}

// previewRows lists every data row of the file in order: the planned ones with their
// change, the invalid ones with their problems.
func previewRows(t *importfile.Table, found []importfile.Problem, planned []CatalogImportRow) []CatalogImportRow {
	bad := map[int][]string{}
	for _, p := range found {
		if p.Line > 0 {
			bad[p.Line] = append(bad[p.Line], p.String())
		}
	}
	byLine := make(map[int]CatalogImportRow, len(planned))
	for _, r := range planned {
		byLine[r.Line] = r
	}
	out := make([]CatalogImportRow, 0, len(t.Rows))
	for _, raw := range t.Rows {
		if r, ok := byLine[raw.Line]; ok {
			out = append(out, withNotes(r))
			continue
		}
		msgs := bad[raw.Line]
		if len(msgs) == 0 {
			continue
		}
		out = append(out, CatalogImportRow{CatalogRow: importfile.CatalogRow{Line: raw.Line}, Change: ChangeInvalid,
			Detail: strings.Join(msgs, "; "), Raw: strings.Join(raw.Cells, " | ")})
	}
	return out
}

// withNotes adds a planned row's carton quantity and warnings to what the preview says of it.
func withNotes(r CatalogImportRow) CatalogImportRow {
	var notes []string
	if r.Detail != "" {
		notes = append(notes, r.Detail)
	}
	if r.Carton != nil {
		notes = append(notes, fmt.Sprintf("carton of %d (information: not a pack size)", *r.Carton))
	}
	for _, w := range r.Warnings {
		notes = append(notes, w.Column+": "+w.Message)
	}
	r.Detail = strings.Join(notes, "; ")
	return r
}
