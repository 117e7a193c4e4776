package cli

import (
	"errors"
	"flag"
	"fmt"

	"clockwork/app"
	"clockwork/app/demo"
)

func setupDemo(fs *flag.FlagSet) func(c *call) error {
	orders := fs.Int("orders", 2000, "how many orders the generated year holds")
	seed := fs.Int64("seed", 1, "the same seed gives the same shop")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		sum, err := demo.Generate(c.env.Context, a, demo.Options{Orders: *orders, Seed: *seed})
		if errors.Is(err, demo.ErrNotEmpty) {
			return &app.InputError{Problems: []app.Problem{{Message: err.Error()}}}
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "demo shop ready: %d suppliers, %d products, %d orders from %s to %s\n",
			sum.Suppliers, sum.Products, sum.Orders, sum.From, sum.To)
		return nil
	}
}
