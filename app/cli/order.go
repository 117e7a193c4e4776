package cli

import (
	"flag"
	"fmt"
)

// setupOrder is `clockwork order release NUMBER`: one order's actions.
func setupOrder(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		if len(c.args) == 0 {
			return usagef("say what to do: clockwork order release NUMBER")
		}
		switch c.args[0] {
		case "release":
			if len(c.args) != 2 {
				return usagef("give one order number: clockwork order release NUMBER")
			}
			a, err := c.app()
			if err != nil {
				return err
			}
			o, err := a.ReleaseOrder(c.args[1])
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(c.env.Stdout, "Order %s released: the next purchase buys it\n", o.Number)
			return err
		}
		return usagef("cannot %q an order: the action is release", c.args[0])
	}
}
