package cli

import (
	"fmt"
	"strings"

	"clockwork/app"
	"clockwork/data"
)

// returnSynopsis is the synopsis of `clockwork return`: open, then receive, then close.
const returnSynopsis = `ORDER --line SKU=QTY:REASON ... [--disposition D] [--comment TEXT] [--at T]
                     | receive RMA [--at T]
                     | close RMA [--line SKU=DISPOSITION ...] [--disposition D] [--at T]`

// returnStep runs `return receive RMA` (the goods are back) or `return close RMA` (carry out
// each line's disposition: --line SKU=DISPOSITION per line, --disposition for the rest).
func returnStep(c *call, step, number string, lines []string, disposition, at string) error {
	a, err := c.appAt(at)
	if err != nil {
		return err
	}
	ret, err := a.ReturnByNumber(number)
	if err != nil {
		return err
	}
	if step == "receive" {
		if len(lines) > 0 || disposition != "" {
			return usagef("return receive takes only --at; dispositions go with return close")
		}
		if err := a.ReceiveReturn(ret.ID, a.Now()); err != nil {
			return err
		}
		_, err := fmt.Fprintf(c.env.Stdout, "%s received; close it with the disposition of each item\n", ret.Number)
		return err
	}
	choice, err := dispositions(ret, lines, data.Disposition(disposition))
	if err != nil {
		return err
	}
	res, err := a.CloseReturnAs(ret.ID, choice)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "%s closed", ret.Number)
	if n := len(res.Replacements); n > 0 {
		fmt.Fprintf(c.env.Stdout, "; %d replacement lines to buy", n)
	}
	if res.KeptAsStock > 0 {
		fmt.Fprintf(c.env.Stdout, "; %d units kept as stock", res.KeptAsStock)
	}
	if len(res.SupplierIssue) > 0 {
		fmt.Fprintf(c.env.Stdout, "; claim logged with %s", strings.Join(res.SupplierIssue, ", "))
	}
	_, err = fmt.Fprintln(c.env.Stdout)
	return err
}

// dispositions reads --line SKU=DISPOSITION into a choice per return line; --disposition
// covers every line not named (and still undecided lines keep their decision otherwise).
func dispositions(ret app.ReturnDetail, specs []string, all data.Disposition) (map[uint]data.Disposition, error) {
	choice := map[uint]data.Disposition{}
	if all != "" {
		for _, l := range ret.Lines {
			choice[l.ID] = all
		}
	}
	var in inputs
	for _, spec := range specs {
		sku, d, ok := strings.Cut(spec, "=")
		sku = strings.TrimSpace(sku)
		if !ok || sku == "" || strings.Contains(d, ":") {
			in.add("--line", "%q: write SKU=DISPOSITION, e.g. MUG-1=refund", spec)
			continue
		}
		found := false
		for _, l := range ret.Lines {
			if l.SKU == sku {
				choice[l.ID], found = data.Disposition(strings.TrimSpace(d)), true
			}
		}
		if !found {
			in.add("--line", "%s is not an item of %s", sku, ret.Number)
		}
	}
	return choice, in.err()
}
