package cli

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// returnJSON is the `returns --json` shape of DESIGN section 8.
type returnJSON struct {
	Number      string           `json:"number"`
	OrderNumber string           `json:"order_number"`
	Status      string           `json:"status"`
	OpenedAt    string           `json:"opened_at"`
	ReceivedAt  *string          `json:"received_at"`
	ClosedAt    *string          `json:"closed_at"`
	Comment     string           `json:"comment"`
	Note        string           `json:"note"`
	Lines       []returnLineJSON `json:"lines"`
}

type returnLineJSON struct {
	SKU         string  `json:"sku"`
	Qty         int     `json:"qty"`
	Reason      string  `json:"reason"`
	Fault       string  `json:"fault"`
	Disposition *string `json:"disposition"`
	Supplier    *string `json:"supplier"`
	PONumber    *string `json:"po_number"`
}

func timeJSON(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

func textJSON[T ~string](s T) *string {
	if s == "" {
		return nil
	}
	v := string(s)
	return &v
}

func newReturnJSON(d app.ReturnDetail) returnJSON {
	out := returnJSON{Number: d.Number, OrderNumber: d.OrderNumber, Status: string(d.Status),
		OpenedAt: d.OpenedAt.UTC().Format(time.RFC3339), ReceivedAt: timeJSON(d.ReceivedAt), ClosedAt: timeJSON(d.ClosedAt),
		Comment: d.CustomerComment, Note: d.InternalNote, Lines: []returnLineJSON{}}
	for _, l := range d.Lines {
		out.Lines = append(out.Lines, returnLineJSON{SKU: l.SKU, Qty: l.Qty, Reason: string(l.Reason), Fault: string(l.Fault),
			Disposition: textJSON(l.Disposition), Supplier: textJSON(l.Supplier), PONumber: textJSON(l.PONumber)})
	}
	return out
}

// eachReturn calls fn for every return with its lines, a page at a time.
func eachReturn(a *app.App, f app.ReturnFilter, fn func(app.ReturnDetail) error) error {
	for offset := 0; ; offset += app.MaxPage {
		page, err := a.ReturnDetails(app.ListQuery{Offset: offset, Limit: app.MaxPage}, f)
		if err != nil {
			return err
		}
		for _, d := range page {
			if err := fn(d); err != nil {
				return err
			}
		}
		if len(page) < app.MaxPage {
			return nil
		}
	}
}

func setupReturns(fs *flag.FlagSet) func(c *call) error {
	status := fs.String("status", "", "only returns with this status (requested, received, closed)")
	asJSON := fs.Bool("json", false, "print one JSON document")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		f := app.ReturnFilter{Status: data.ReturnStatus(*status)}
		if *asJSON {
			return writeJSONArray(c, func(emit func(any) error) error {
				return eachReturn(a, f, func(d app.ReturnDetail) error { return emit(newReturnJSON(d)) })
			})
		}
		w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, "RMA\tORDER\tOPENED\tSTATUS\tSKU\tQTY\tREASON\tFAULT\tDISPOSITION\tSUPPLIER")
		loc := a.Location()
		err = eachReturn(a, f, func(d app.ReturnDetail) error {
			for _, l := range d.Lines {
				_, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", d.Number, d.OrderNumber,
					d.OpenedAt.In(loc).Format("2006-01-02"), d.Status, l.SKU, l.Qty, l.Reason, l.Fault,
					orDefault(string(l.Disposition), "-"), orDefault(l.Supplier, "-"))
				if err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		return w.Flush()
	}
}

// returnLines collects repeated --line SKU=QTY:REASON flags.
type returnLines []string

func (l *returnLines) String() string     { return strings.Join(*l, " ") }
func (l *returnLines) Set(v string) error { *l = append(*l, v); return nil }

func setupReturn(fs *flag.FlagSet) func(c *call) error {
	var lines returnLines
	fs.Var(&lines, "line", "open: SKU=QTY:REASON, once per item coming back; edit: SKU=REASON[/FAULT]; close: SKU=DISPOSITION; reasons: changed_mind, ordered_wrong, not_as_described, address_error, damaged_in_transit, lost, late, defective, wrong_item_sent, other")
	disposition := fs.String("disposition", "", "what happens to the goods (every item, or those without a --line on close): refund, replace, return_to_supplier, keep_as_stock or discard (decide later when left out)")
	comment := fs.String("comment", "", "the customer's own words")
	at := fs.String("at", "", "when the customer asked: 2006-01-02 or RFC 3339 (default now)")
	return func(c *call) error {
		if len(c.args) == 2 && returnSteps[c.args[0]] {
			return returnStep(c, c.args[0], c.args[1], returnStepFlags{lines, *disposition, *at, *comment, setFlags(fs)["comment"]})
		}
		if len(c.args) != 1 {
			return usagef("give the order number, e.g. clockwork return '#1001' --line MUG-1=1:defective")
		}
		if len(lines) == 0 {
			return usagef("give at least one --line SKU=QTY:REASON")
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		in := app.ReturnInput{Comment: *comment}
		if in.At, err = parseAt(*at, a); err != nil {
			return err
		}
		if in.OrderID, err = a.ReturnOrderID(c.args[0]); err != nil {
			return err
		}
		if in.Lines, err = returnLineInputs(a, in.OrderID, lines, data.Disposition(*disposition)); err != nil {
			return err
		}
		ret, err := a.OpenReturn(in)
		if err != nil {
			return err
		}
		d, err := a.ReturnDetail(ret.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "%s opened for order %s\n", d.Number, d.OrderNumber)
		for _, l := range d.Lines {
			fmt.Fprintf(c.env.Stdout, "  %d × %s  %s, fault %s, from %s\n", l.Qty, l.SKU, l.Reason, l.Fault, orDefault(l.Supplier, "no supplier on record"))
		}
		// Outside the shop's return window the return still opens (the owner's call), with a word.
		if w, err := a.ReturnWindowOf(in.OrderID, in.At); err == nil && w.Outside() {
			fmt.Fprintf(c.env.Stderr, "note: order %s %s\n", d.OrderNumber, w)
		}
		return nil
	}
}

// returnLineInputs turns SKU=QTY:REASON into lines of the order: the units go to its shipped
// lines of that SKU with units left to return, first line first.
func returnLineInputs(a *app.App, orderID uint, specs []string, d data.Disposition) ([]app.ReturnLineInput, error) {
	shipped, err := a.ReturnableLines(orderID)
	if err != nil {
		return nil, err
	}
	taken := map[uint]int{}
	var out []app.ReturnLineInput
	for _, spec := range specs {
		sku, qty, reason, err := parseReturnLine(spec)
		if err != nil {
			return nil, err
		}
		found := false
		for _, l := range shipped {
			if l.SKU != sku {
				continue
			}
			found = true
			n := min(qty, l.Left()-taken[l.OrderLineID])
			if n <= 0 {
				continue
			}
			out = append(out, app.ReturnLineInput{OrderLineID: l.OrderLineID, Qty: n, Reason: reason, Disposition: d})
			taken[l.OrderLineID] += n
			qty -= n
		}
		switch {
		case !found:
			return nil, &app.InputError{Problems: []app.Problem{{Field: "--line", Message: fmt.Sprintf("%s is not a shipped item of this order", sku)}}}
		case qty != 0:
			// Left over (too many, or none or a negative number asked): OpenReturn says why.
			out = append(out, app.ReturnLineInput{OrderLineID: firstLineOf(shipped, sku), Qty: qty, Reason: reason, Disposition: d})
		}
	}
	return out, nil
}

// parseReturnLine reads one --line SKU=QTY:REASON: the first "=" ends the SKU, the first
// ":" after it the quantity.
func parseReturnLine(spec string) (string, int, data.ReturnReason, error) {
	sku, rest, ok1 := strings.Cut(spec, "=")
	qtyText, reason, ok2 := strings.Cut(rest, ":")
	qty, err := strconv.Atoi(strings.TrimSpace(qtyText))
	sku = strings.TrimSpace(sku)
	if !ok1 || !ok2 || err != nil || sku == "" {
		return "", 0, "", &app.InputError{Problems: []app.Problem{{Field: "--line", Message: fmt.Sprintf("%q: write SKU=QTY:REASON, e.g. MUG-1=2:defective", spec)}}}
	}
	return sku, qty, data.ReturnReason(strings.TrimSpace(reason)), nil
}

func firstLineOf(lines []app.ReturnableLine, sku string) uint {
	for _, l := range lines {
		if l.SKU == sku {
			return l.OrderLineID
		}
	}
	return 0
}
