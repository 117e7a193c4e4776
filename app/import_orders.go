package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"clockwork/app/importfile"
	"clockwork/data"

	"gorm.io/gorm"
)

// OrderFormats are the order export layouts an import can be told to read ("auto" detects).
var OrderFormats = []string{"auto", string(importfile.FormatShopify), string(importfile.FormatWooCommerce), string(importfile.FormatEtsy),
	string(importfile.FormatAmazon), string(importfile.FormatEbay), string(importfile.FormatGeneric)}

// ImportOptions say how to import an order file.
type ImportOptions struct {
	Format string // "" or "auto": a map saved for the file's header, or the layout its header names
	// Map reads the file through a column map instead of a layout; a real (not dry-run)
	// import saves it for files with the same header.
	Map       importfile.ColumnMap
	DryRun    bool                  // check and count everything, write nothing: the preview
	OnlyValid bool                  // import the orders without problems; list the others' problems
	Progress  func(done, total int) // orders stored so far; may be nil
}

// ImportResult says what an import did, or on a dry run (the preview) would do, per kind:
// new, changed, already there, held, skipped as fulfilled, cancelled, problems.
type ImportResult struct {
	File     string
	Format   string   // shopify, woocommerce, etsy, amazon, ebay, generic, or mapped
	Map      string   // the column map used (field=column,…), when Format is mapped
	SavedMap bool     // the map was the one saved for this header
	NeedsMap bool     // the file is no layout Clockwork knows: it needs a column map
	Header   []string // the file's header row, for a mapping step
	DryRun   bool
	Valid    int // orders in the file without problems
	Imported int // new orders stored
	// Of the new orders: Held are unpaid in the web shop (not bought until paid or
	// released), Cancelled were cancelled there, Converted came in another currency.
	Held, Cancelled, Converted int
	// SkippedFulfilled are orders the web shop fulfilled entirely before Clockwork saw them:
	// not stored, as there is nothing left to buy or ship.
	SkippedFulfilled int
	Already          int           // orders stored before and unchanged in the web shop
	Changes          []OrderChange // orders stored before that the web shop changed since
	TellSuppliers    []string      // sent POs with lines for orders cancelled or fulfilled since
	UnknownLines     int           // lines of new open orders whose SKU is not in the catalog
	UnknownSKUs      []string      // those SKUs, sorted
	Problems         []Problem     // every problem found; with OnlyValid, those of the orders left out
	// Rows are, on a dry run (the preview), every order of the file in its order with what
	// the import would do with it.
	Rows []ImportRow
}

// ChangeKind is what a later export changed about an order already stored.
type ChangeKind string

// The changes an import brings to stored orders.
const (
	ChangeCancelled ChangeKind = "cancelled" // cancelled, refunded or voided in the web shop since
	ChangeReleased  ChangeKind = "released"  // paid since: no longer held
	ChangeFulfilled ChangeKind = "fulfilled" // lines fulfilled by the web shop, outside Clockwork
)

// OrderChange is one stored order changed by an import.
type OrderChange struct {
	Number string
	Kind   ChangeKind
	Lines  int // lines it took off the lists to buy (cancelled or fulfilled)
	// TellSuppliers are the sent POs with those lines: the owner tells the supplier.
	TellSuppliers []string
	Note          string // e.g. "on PO-0042 already sent: tell the supplier"
}

// Changed counts the changes of one kind.
func (r ImportResult) Changed(kind ChangeKind) int {
	n := 0
	for _, c := range r.Changes {
		if c.Kind == kind {
			n++
		}
	}
	return n
}

// Summary says in one sentence what happened: "412 orders imported (3 held until paid), 2
// skipped as fulfilled, 3 changed (1 cancelled, 2 paid and released), 10 already there".
func (r ImportResult) Summary() string {
	verb := "imported"
	if r.DryRun {
		verb = "to import (dry run: nothing was written)"
	}
	first := fmt.Sprintf("%s %s", plural(r.Imported, "order", "orders"), verb)
	var of []string
	for _, k := range []struct {
		n    int
		text string
	}{{r.Held, "held until paid"}, {r.Cancelled, "cancelled in the shop"}, {r.Converted, "converted from another currency"}} {
		if k.n > 0 {
			of = append(of, fmt.Sprintf("%d %s", k.n, k.text))
		}
	}
	if len(of) > 0 {
		first += " (" + strings.Join(of, ", ") + ")"
	}
	parts := []string{first}
	if r.SkippedFulfilled > 0 {
		parts = append(parts, fmt.Sprintf("%d skipped as fulfilled in the shop", r.SkippedFulfilled))
	}
	if len(r.Changes) > 0 {
		var kinds []string
		for _, k := range []struct {
			kind ChangeKind
			text string
		}{{ChangeCancelled, "cancelled"}, {ChangeReleased, "paid and released"}, {ChangeFulfilled, "fulfilled in the shop"}} {
			if n := r.Changed(k.kind); n > 0 {
				kinds = append(kinds, fmt.Sprintf("%d %s", n, k.text))
			}
		}
		parts = append(parts, fmt.Sprintf("%d changed (%s)", len(r.Changes), strings.Join(kinds, ", ")))
	}
	if r.Already > 0 {
		parts = append(parts, fmt.Sprintf("%d already there", r.Already))
	}
	if len(r.TellSuppliers) > 0 {
		parts = append(parts, "tell the supplier of "+strings.Join(r.TellSuppliers, ", "))
	}
	if r.UnknownLines > 0 {
		skus := r.UnknownSKUs
		if len(skus) > 5 {
			skus = append(slices.Clone(skus[:5]), "…")
		}
		parts = append(parts, fmt.Sprintf("%s with unknown SKUs (%s)", plural(r.UnknownLines, "line", "lines"), strings.Join(skus, ", ")))
	}
	if len(r.Problems) > 0 {
		parts = append(parts, fmt.Sprintf("orders with %s left out", plural(len(r.Problems), "problem", "problems")))
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// errDryRun rolls a dry run's transaction back once everything was counted.
var errDryRun = errors.New("dry run")

// ImportOrders reads an order export (Shopify, WooCommerce or the generic layout; DESIGN 9)
// and stores its orders in one transaction: all or nothing. Orders already stored (same
// channel and number) are counted, not added again; orders cancelled in the shop arrive
// cancelled; lines whose SKU is not in the catalog are kept and counted for the owner to map.
// Any problem in the file means nothing is written and an *InputError lists every one,
// unless opt.OnlyValid asks for the valid orders alone. ctx cancels the import.
func (a *App) ImportOrders(ctx context.Context, r io.Reader, name string, opt ImportOptions) (ImportResult, error) {
	res := ImportResult{File: filepath.Base(name), DryRun: opt.DryRun}
	loc := a.Location()
	orders, t, err := a.parseOrderFile(ctx, r, &res, opt, loc)
	if err != nil {
		return res, err
	}
	if len(res.Problems) > 0 && !opt.OnlyValid {
		res.finishRows()
		return res, &InputError{Problems: res.Problems}
	}
	if len(orders) == 0 {
		res.finishRows()
		if len(res.Problems) > 0 { // every order has a problem: those are what to fix
			return res, &InputError{Problems: res.Problems}
		}
		return res, &InputError{Problems: []Problem{{File: res.File, Message: "the file holds no orders to import"}}}
	}
	defer a.bigCache()()
	store := func(tx *gorm.DB) error {
		res.resetCounts()
		q := data.NewTxSQL(ctx, tx, &a.shared.stmts)
		restore, err := setIndexesAside(q, len(orders))
		if err != nil {
			return err
		}
		if err := storeOrders(tx, q, &a.shared.leads, a.Now(), loc, orders, &res, opt.Progress); err != nil {
			return err
		}
		if err := restore(); err != nil {
			return err
		}
		if opt.Map != nil && !opt.DryRun {
			return saveColumnMap(tx, MapOrders, t.Header, opt.Map)
		}
		return nil
	}
	if opt.DryRun {
		err = a.db.Transaction(func(tx *gorm.DB) error {
			// A dry run writes, then rolls back: it takes its turn like any write.
			if err := data.EngineOf(tx).LockWrites(tx); err != nil {
				return err
			}
			if err := store(tx); err != nil {
				return err
			}
			return errDryRun
		})
		if errors.Is(err, errDryRun) {
			err = nil
		}
	} else {
		err = a.write(store)
	}
	if err != nil {
		return res, fmt.Errorf("import %s: %w", res.File, err)
	}
	res.finishRows()
	return res, nil
}

// importCacheKiB is the database's cache while an import runs (data.Engine.BigCache).
const importCacheKiB = 128 << 10

// bigCache enlarges the database's cache for a long write and returns what puts it back.
func (a *App) bigCache() func() {
	if a.inTx {
		return func() {}
	}
	return data.EngineOf(a.db).BigCache(a.db, importCacheKiB)
}
