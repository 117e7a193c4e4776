package cli

import (
	"flag"
	"fmt"
	"io"

	"clockwork/app"
)

// setupCards is `clockwork cards`: thank-you cards, one order a card, with the shop's note.
func setupCards(fs *flag.FlagSet) func(c *call) error {
	var orders repeated
	fs.Var(&orders, "order", "an order NUMBER to print a card for (repeat for more)")
	ready := fs.Bool("ready", false, "every order ready to pack, earliest ship-by day first")
	out := fs.String("out", "", "the PDF to write")
	return func(c *call) error {
		a, ids, err := c.documentOrders(orders, *ready, *out)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			_, err := fmt.Fprintln(c.env.Stdout, "no orders are ready to pack")
			return err
		}
		if err := app.WriteFile(*out, func(w io.Writer) error { return a.WriteThankYouCards(w, ids) }); err != nil {
			return err
		}
		_, err = fmt.Fprintf(c.env.Stdout, "%d thank-you cards written to %s\n", len(ids), *out)
		return err
	}
}
