package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"clockwork/app/importfile"
	"clockwork/data"

	"gorm.io/gorm"
)

// OrderFormats are the order export layouts an import can be told to read ("auto" detects).
var OrderFormats = []string{"auto", string(importfile.FormatShopify), string(importfile.FormatWooCommerce), string(importfile.FormatGeneric)}

// ImportOptions say how to import an order file.
type ImportOptions struct {
	Format    string                // "" or "auto" detects the layout by its header
	DryRun    bool                  // check and count everything, write nothing
	OnlyValid bool                  // import the orders without problems; list the others' problems
	Progress  func(done, total int) // orders stored so far; may be nil
}

// ImportResult says what an import did, or on a dry run would do.
type ImportResult struct {
	File         string
	Format       string
	DryRun       bool
	Valid        int       // orders in the file without problems
	Imported     int       // new orders stored
	Already      int       // orders stored before (same channel and number): not added again
	Cancelled    int       // of the new orders, those cancelled in the web shop
	UnknownLines int       // lines of new open orders whose SKU is not in the catalog
	UnknownSKUs  []string  // those SKUs, sorted
	Problems     []Problem // every problem found; with OnlyValid, those of the orders left out
}

// Summary says in one sentence what happened: "412 orders imported, 3 already there, 2 lines
// with unknown SKUs".
func (r ImportResult) Summary() string {
	verb := "imported"
	if r.DryRun {
		verb = "to import (dry run: nothing was written)"
	}
	parts := []string{fmt.Sprintf("%s %s", plural(r.Imported, "order", "orders"), verb)}
	if r.Already > 0 {
		parts = append(parts, fmt.Sprintf("%d already there", r.Already))
	}
	if r.Cancelled > 0 {
		parts = append(parts, fmt.Sprintf("%d of them cancelled in the shop", r.Cancelled))
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
	orders, err := a.parseOrderFile(ctx, r, &res, opt.Format, loc)
	if err != nil {
		return res, err
	}
	if len(res.Problems) > 0 && !opt.OnlyValid {
		return res, &InputError{Problems: res.Problems}
	}
	if len(orders) == 0 {
		return res, &InputError{Problems: append(res.Problems, Problem{File: res.File, Message: "the file holds no orders to import"})}
	}
	defer a.bigCache()()
	store := func(tx *gorm.DB) error {
		res.Imported, res.Already, res.Cancelled, res.UnknownLines, res.UnknownSKUs = 0, 0, 0, 0, nil
		q := newTxSQL(ctx, tx, &a.shared.stmts)
		restore, err := setIndexesAside(q, tx.Dialector.Name(), len(orders))
		if err != nil {
			return err
		}
		if err := storeOrders(q, &a.shared.leads, a.Now(), loc, orders, &res, opt.Progress); err != nil {
			return err
		}
		return restore()
	}
	if opt.DryRun {
		err = a.db.Transaction(func(tx *gorm.DB) error {
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
	return res, nil
}

// importCacheKiB is SQLite's page cache while an import runs: the indexes of 100,000 orders
// outgrow the default 2 MB, and every insert would read index pages back from disk.
const importCacheKiB = 128 << 10

// bigCache enlarges SQLite's page cache for a long write and returns what puts it back.
func (a *App) bigCache() func() {
	var old int
	if err := a.db.Raw("PRAGMA cache_size").Row().Scan(&old); err != nil || a.inTx {
		return func() {}
	}
	a.db.Exec(fmt.Sprintf("PRAGMA cache_size = -%d", importCacheKiB))
	return func() { a.db.Exec(fmt.Sprintf("PRAGMA cache_size = %d", old)) }
}

// parseOrderFile reads and checks the file, filling res's format, valid count and problems.
func (a *App) parseOrderFile(ctx context.Context, r io.Reader, res *ImportResult, format string, loc *time.Location) ([]OrderInput, error) {
	t, err := importfile.Read(r, res.File)
	if err != nil {
		return nil, &InputError{Problems: []Problem{{File: res.File, Message: err.Error()}}}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f := importfile.Format(strings.ToLower(strings.TrimSpace(format)))
	if f == "" || f == "auto" {
		if f, err = importfile.DetectOrderFormat(t); err != nil {
			return nil, &InputError{Problems: []Problem{{File: res.File, Message: err.Error()}}}
		}
	} else if !slices.Contains(OrderFormats, string(f)) {
		return nil, invalid("format", "%q is not an order format: use %s", format, strings.Join(OrderFormats, ", "))
	}
	res.Format = string(f)
	parsed, probs := importfile.ParseOrdersIn(t, f, loc)
	for _, p := range probs {
		res.Problems = append(res.Problems, Problem{File: res.File, Line: p.Line, Field: p.Column, Message: p.Message})
	}
	var out []OrderInput
	for _, o := range parsed {
		in := orderInputOf(o)
		if ps := in.check(); len(ps) > 0 {
			for _, p := range ps {
				res.Problems = append(res.Problems, Problem{File: res.File, Line: o.Line, Field: p.Field, Message: p.Message})
			}
			continue
		}
		out = append(out, in)
	}
	res.Valid = len(out)
	return out, ctx.Err()
}

func orderInputOf(o importfile.Order) OrderInput {
	in := OrderInput{
		Channel: o.Channel, Number: o.Number, PlacedAt: o.PlacedAt, Customer: o.Customer, Email: o.Email,
		Phone: o.Phone, ShipTo: o.ShipTo, Subtotal: o.Subtotal, Shipping: o.Shipping, Tax: o.Tax, Total: o.Total,
		Note: o.Note, Gift: o.Gift, Cancelled: o.Cancelled,
	}
	for _, l := range o.Lines {
		in.Lines = append(in.Lines, LineInput{SKU: l.SKU, Title: l.Title, Qty: l.Qty, UnitPrice: l.UnitPrice})
	}
	return in
}

// count adds a newly imported order to the result: cancelled, or with lines to map.
func (r *ImportResult) count(o data.Order, unknown map[string]bool) {
	r.Imported++
	if o.Status == data.OrderCancelled {
		r.Cancelled++
		return
	}
	for _, l := range o.Lines {
		if l.ProductID == nil {
			r.UnknownLines++
			unknown[skuOrTitle(l)] = true
		}
	}
}

// progressEvery is how many orders go by between progress reports and cancellation checks.
const progressEvery = 250

// storeOrders adds the orders in tx, counting what happened into res.
func storeOrders(q *txSQL, leads *leadHistory, now time.Time, loc *time.Location, orders []OrderInput, res *ImportResult, progress func(done, total int)) error {
	w, err := newOrderWriter(q, leads, now, loc, true)
	if err != nil {
		return err
	}
	unknown := map[string]bool{}
	for i, in := range orders {
		if i%progressEvery == 0 {
			if err := q.ctx.Err(); err != nil {
				return err
			}
			if progress != nil {
				progress(i, len(orders))
			}
		}
		o, err := w.add(in)
		if errors.Is(err, ErrDuplicateOrder) {
			res.Already++
			continue
		}
		if err != nil {
			return err
		}
		res.count(o, unknown)
	}
	if err := w.flush(); err != nil {
		return err
	}
	for sku := range unknown {
		res.UnknownSKUs = append(res.UnknownSKUs, sku)
	}
	slices.Sort(res.UnknownSKUs)
	if progress != nil {
		progress(len(orders), len(orders))
	}
	return nil
}
