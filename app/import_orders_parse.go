package app

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"clockwork/app/importfile"
	"clockwork/data"
)

// FormatMapped is the format of an import read through a column map.
const FormatMapped = "mapped"

// parseOrderFile reads and checks the file, filling res's format, valid count and problems:
// through opt.Map, a map saved for the file's header, or the layout its header names.
func (a *App) parseOrderFile(ctx context.Context, r io.Reader, res *ImportResult, opt ImportOptions, loc *time.Location) ([]OrderInput, *importfile.Table, error) {
	t, err := importfile.Read(r, res.File)
	if err != nil {
		return nil, nil, &InputError{Problems: []Problem{{File: res.File, Message: err.Error()}}}
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	res.Header = t.Header
	parsed, probs, err := a.parseTable(t, res, opt, loc)
	if err != nil {
		return nil, t, err
	}
	for _, p := range probs {
		res.Problems = append(res.Problems, Problem{File: res.File, Line: p.Line, Field: p.Column, Message: p.Message})
	}
	shop, err := a.Shop()
	if err != nil {
		return nil, t, err
	}
	rates, err := a.rateTable()
	if err != nil {
		return nil, t, err
	}
	out := make([]OrderInput, 0, len(parsed))
	for _, o := range parsed {
		in := orderInputOf(o)
		ps := in.check()
		if len(ps) == 0 {
			ps = convertOrder(&in, shop.Currency, rates)
			for i := range ps {
				ps[i].Field = firstNonEmpty(o.CurrencyColumn, ps[i].Field)
			}
		}
		var mine []Problem
		for _, p := range ps {
			mine = append(mine, Problem{File: res.File, Line: o.Line, Field: p.Field, Message: p.Message})
		}
		res.Problems = append(res.Problems, mine...)
		if opt.DryRun {
			row := rowOfOrder(o)
			if len(mine) > 0 {
				row.Kind, row.Detail = RowProblem, problemDetail(mine)
			} else if in.Currency != "" {
				row.Detail = "converted from " + in.Currency + " at your rate"
			}
			res.Rows = append(res.Rows, row)
			in.row = len(res.Rows)
		}
		if len(mine) == 0 {
			out = append(out, in)
		}
	}
	if opt.DryRun {
		res.Rows = problemRows(res.Rows, probs, res.File)
	}
	res.Valid = len(out)
	return out, t, ctx.Err()
}

// parseTable reads the orders of a table by the map given, a saved map, or its layout.
func (a *App) parseTable(t *importfile.Table, res *ImportResult, opt ImportOptions, loc *time.Location) ([]importfile.Order, []importfile.Problem, error) {
	m := opt.Map
	f := importfile.Format(strings.ToLower(strings.TrimSpace(opt.Format)))
	if m == nil && (f == "" || f == "auto") {
		saved, ok, err := a.SavedColumnMap(MapOrders, t.Header)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			m, res.SavedMap = saved, true
		}
	}
	if m != nil {
		res.Format, res.Map = FormatMapped, m.String()
		o, ps := importfile.ParseOrdersMapped(t, m, loc)
		return o, ps, nil
	}
	if f == "" || f == "auto" {
		var err error
		if f, err = importfile.DetectOrderFormat(t); err != nil {
			if importfile.Detect(t) != importfile.KindUnknown { // a price list or a products export: no map makes it orders
				return nil, nil, &InputError{Problems: []Problem{{File: res.File, Line: t.HeaderLine, Message: err.Error()}}}
			}
			res.NeedsMap = true
			return nil, nil, &InputError{Problems: []Problem{{File: res.File, Line: t.HeaderLine, Message: err.Error() +
				": map its columns (in the window, or with --map order_number=COLUMN,placed_at=COLUMN,sku=COLUMN,qty=COLUMN,unit_price=COLUMN)"}}}
		}
	} else if !slices.Contains(OrderFormats, string(f)) {
		return nil, nil, invalid("format", "%q is not an order format: use %s", opt.Format, strings.Join(OrderFormats, ", "))
	}
	res.Format = string(f)
	o, ps := importfile.ParseOrdersIn(t, f, loc)
	return o, ps, nil
}

func orderInputOf(o importfile.Order) OrderInput {
	in := OrderInput{
		Channel: o.Channel, Number: o.Number, PlacedAt: o.PlacedAt, Customer: o.Customer, Email: o.Email,
		Phone: o.Phone, ShipTo: o.ShipTo, Subtotal: o.Subtotal, Shipping: o.Shipping, Tax: o.Tax, Total: o.Total,
		Note: o.Note, Gift: o.Gift, Cancelled: o.Cancelled, CancelledAt: o.CancelledAt, Held: o.Held,
		Discount: o.Discount, Fees: o.Fees, FeeNames: o.FeeNames, Currency: o.Currency,
		PlatformID: o.SourceID, PlatformStatus: o.SourceStatus, PlatformFulfillment: o.SourceFulfillment,
	}
	for _, l := range o.Lines {
		in.Lines = append(in.Lines, LineInput{SKU: l.SKU, Title: l.Title, Qty: l.Qty, UnitPrice: l.UnitPrice,
			Fulfilled: l.Fulfilled, NoShipping: l.NoShipping})
	}
	return in
}

// convertOrder turns an order in a foreign currency into the shop's at the owner's rate,
// keeping its own currency and total. Without a rate it is a problem naming both currencies.
func convertOrder(in *OrderInput, shopCurrency string, rates map[string]int64) problems {
	if in.Currency == "" || in.Currency == shopCurrency {
		in.Currency = ""
		return nil
	}
	var ps problems
	micros, ok := rates[in.Currency]
	if !ok {
		ps.add("currency", "order %s is in %s but the shop's currency is %s, and no %s rate is set (rates set: %s): "+
			"set one (Settings → Currencies, or clockwork shop --rate %s=RATE) and import again",
			in.Number, in.Currency, shopCurrency, in.Currency, rateList(rates), in.Currency)
		return ps
	}
	if in.Total == 0 {
		in.Total = in.Subtotal + in.Shipping + in.Tax + in.Fees
		if in.Subtotal == 0 {
			for _, l := range in.Lines {
				in.Total += l.UnitPrice * data.Money(l.Qty)
			}
		}
	}
	in.Original = OriginalAmounts{Subtotal: in.Subtotal, Discount: in.Discount, Shipping: in.Shipping, Tax: in.Tax, Fees: in.Fees, Total: in.Total}
	for i := range in.Lines {
		in.Lines[i].OriginalUnitPrice = in.Lines[i].UnitPrice
	}
	amounts := []*data.Money{&in.Subtotal, &in.Shipping, &in.Tax, &in.Total, &in.Discount, &in.Fees}
	for i := range in.Lines {
		amounts = append(amounts, &in.Lines[i].UnitPrice)
	}
	for _, m := range amounts {
		v, ok := convert(*m, micros)
		if !ok {
			ps.add("currency", "order %s: %s %s is too large to convert", in.Number, m.Plain(), in.Currency)
			return ps
		}
		*m = v
	}
	return nil
}

// describeRate is "1 USD = 0.9234 EUR", for a summary.
func describeRate(code string, micros int64, shop string) string {
	return fmt.Sprintf("1 %s = %s %s", code, Rate{Currency: code, Micros: micros}.String(), shop)
}
