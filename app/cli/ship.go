package cli

import (
	"flag"
	"fmt"
	"io"

	"clockwork/app"
)

func setupSlips(fs *flag.FlagSet) func(c *call) error {
	var orders repeated
	fs.Var(&orders, "order", "an order NUMBER to print (repeat for more)")
	ready := fs.Bool("ready", false, "every order ready to pack, earliest ship-by day first")
	gift := fs.Bool("gift", false, "gift slips: no prices")
	paper := fs.String("paper", "", "a4, letter or 4x6 (default: the shop's paper)")
	out := fs.String("out", "", "the PDF to write")
	return func(c *call) error {
		a, ids, err := c.documentOrders(orders, *ready, *out)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			fmt.Fprintln(c.env.Stdout, "no orders are ready to pack")
			return nil
		}
		err = app.WriteFile(*out, func(w io.Writer) error {
			return a.WritePackingSlips(w, ids, app.SlipOptions{Gift: *gift, Paper: *paper})
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "%d slips written to %s\n", len(ids), *out)
		if advice, err := a.FontAdvice(ids); err == nil && advice != "" {
			fmt.Fprintln(c.env.Stderr, "warning: "+advice)
		}
		return nil
	}
}

// documentOrders checks a document command's --order/--ready/--out, opens the shop and
// finds the orders to print: the ones named, in order, or every order ready to pack.
func (c *call) documentOrders(numbers []string, ready bool, out string) (*app.App, []uint, error) {
	if err := c.noArgs(); err != nil {
		return nil, nil, err
	}
	if out == "" {
		return nil, nil, usagef("--out FILE.pdf is required")
	}
	if ready == (len(numbers) > 0) {
		return nil, nil, usagef("give either --ready or one --order per order")
	}
	a, err := c.app()
	if err != nil {
		return nil, nil, err
	}
	ids, err := slipOrders(a, numbers, ready)
	return a, ids, err
}

func slipOrders(a *app.App, numbers []string, ready bool) ([]uint, error) {
	if ready {
		return a.ReadyOrderIDs()
	}
	ids := make([]uint, len(numbers))
	for i, n := range numbers {
		o, err := a.OrderByNumber(n)
		if err != nil {
			return nil, err
		}
		ids[i] = o.ID
	}
	return ids, nil
}

func setupShip(fs *flag.FlagSet) func(c *call) error {
	carrier := fs.String("carrier", "", "the carrier (DHL, UPS, Royal Mail ...)")
	service := fs.String("service", "", "the carrier's service (optional)")
	tracking := fs.String("tracking", "", "the parcel's tracking number")
	at := fs.String("at", "", "when it left (2006-01-02 or RFC 3339; default now)")
	return func(c *call) error {
		if len(c.args) != 1 {
			return usagef("name one order, e.g. '#1001'")
		}
		if *carrier == "" || *tracking == "" {
			return usagef("--carrier and --tracking are required")
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		when, err := parseAt(*at, a)
		if err != nil {
			return err
		}
		o, err := a.OrderByNumber(c.args[0])
		if err != nil {
			return err
		}
		err = a.ShipOrders([]app.ShipInput{{OrderID: o.ID, Carrier: *carrier, Service: *service, Tracking: *tracking, At: when}})
		if err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "%s shipped with %s, tracking %s\n", o.Number, *carrier, *tracking)
		return nil
	}
}
