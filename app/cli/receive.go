package cli

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"clockwork/app"
	"clockwork/data"
)

// repeated is a flag that may be given many times (--line A=1 --line B=2).
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ", ") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

func setupReceive(fs *flag.FlagSet) func(c *call) error {
	all := fs.Bool("all", false, "everything still owed arrived as ordered")
	var lines repeated
	fs.Var(&lines, "line", "SKU=ACCEPTED[/REJECTED[:REASON]] for one SKU or supplier SKU (repeat for more); reasons: damaged, wrong_item, quality, missing_parts")
	at := fs.String("at", "", "when the goods arrived (2006-01-02 or RFC 3339; default now)")
	note := fs.String("note", "", "a note on the delivery")
	force := fs.Bool("force", false, "take a delivery far beyond what was ordered (more than twice the quantity and ten)")
	return func(c *call) error {
		if len(c.args) != 1 {
			return usagef("name one purchase order, e.g. PO-000123")
		}
		if *all == (len(lines) > 0) {
			return usagef("give either --all or one --line per SKU")
		}
		skus, err := parseDeliveries(lines)
		if err != nil {
			return err
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		when, err := parseAt(*at, a)
		if err != nil {
			return err
		}
		po, err := a.ReceivingPOByNumber(c.args[0])
		if err != nil {
			return err
		}
		var res app.ReceiveResult
		if *all {
			res, err = a.ReceiveAll(po.ID, when)
		} else {
			res, err = a.ReceiveBySKU(po.ID, app.ReceiveBySKUInput{At: when, Note: *note, SKUs: skus, Force: *force})
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "%s %s: %s\n", res.PONumber, strings.ReplaceAll(string(res.POStatus), "_", " "), res)
		return nil
	}
}

// parseDeliveries reads --line values: SKU=ACCEPTED[/REJECTED[:REASON]].
func parseDeliveries(lines []string) ([]app.SKUDelivery, error) {
	var out []app.SKUDelivery
	for _, l := range lines {
		sku, qty, ok := strings.Cut(l, "=")
		if !ok || strings.TrimSpace(sku) == "" {
			return nil, usagef("--line %q: write SKU=ACCEPTED[/REJECTED[:REASON]], e.g. BET-100=3/1:damaged", l)
		}
		d := app.SKUDelivery{SKU: strings.TrimSpace(sku)}
		acc, rest, _ := strings.Cut(qty, "/")
		rej, reason, _ := strings.Cut(rest, ":")
		var err error
		if d.Accepted, err = strconv.Atoi(strings.TrimSpace(acc)); err != nil {
			return nil, usagef("--line %q: %q is not a whole number of units accepted", l, acc)
		}
		if rest != "" {
			if d.Rejected, err = strconv.Atoi(strings.TrimSpace(rej)); err != nil {
				return nil, usagef("--line %q: %q is not a whole number of units rejected", l, rej)
			}
		}
		d.Reason = data.RejectReason(strings.TrimSpace(reason))
		out = append(out, d)
	}
	return out, nil
}
