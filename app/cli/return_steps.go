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
                     | edit RMA [--line SKU=REASON[/FAULT] ...] [--disposition D] [--comment TEXT]
                     | close RMA [--line SKU=DISPOSITION ...] [--disposition D] [--at T]`

// returnSteps are the steps of a return after it is opened.
var returnSteps = map[string]bool{"receive": true, "edit": true, "close": true}

// returnStepFlags are the `return` flags the steps after opening read.
type returnStepFlags struct {
	lines       []string
	disposition string
	at          string
	comment     string
	commentSet  bool
}

// returnStep runs `return receive RMA` (the goods are back), `return edit RMA` (reasons,
// faults, dispositions and the customer's words) or `return close RMA` (carry out each line's
// disposition: --line SKU=DISPOSITION per line, --disposition for the rest).
func returnStep(c *call, step, number string, f returnStepFlags) error {
	a, err := c.appAt(f.at)
	if err != nil {
		return err
	}
	ret, err := a.ReturnByNumber(number)
	if err != nil {
		return err
	}
	lines, disposition := f.lines, f.disposition
	if step == "edit" {
		return returnEdit(c, a, ret, f)
	}
	if f.commentSet {
		return usagef("--comment goes with opening or editing a return")
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

// returnEdit changes an open return: --line SKU=REASON[/FAULT] per item (the fault follows
// the reason unless given), --disposition for every item, --comment for the customer's words.
func returnEdit(c *call, a *app.App, ret app.ReturnDetail, f returnStepFlags) error {
	e := app.ReturnEdit{ID: ret.ID, Comment: ret.CustomerComment, Note: ret.InternalNote}
	if f.commentSet {
		e.Comment = f.comment
	}
	var in inputs
	named := map[string]bool{}
	for _, spec := range f.lines {
		sku, _, ok := strings.Cut(spec, "=")
		if !ok || strings.TrimSpace(sku) == "" {
			in.add("--line", "%q: write SKU=REASON or SKU=REASON/FAULT, e.g. MUG-1=damaged_in_transit/carrier", spec)
			continue
		}
		named[strings.TrimSpace(sku)] = true
	}
	for sku := range named {
		if !hasSKU(ret, sku) {
			in.add("--line", "%s is not an item of %s", sku, ret.Number)
		}
	}
	if err := in.err(); err != nil {
		return err
	}
	for _, l := range ret.Lines {
		le := app.ReturnLineEdit{ID: l.ID, Reason: l.Reason, Fault: l.Fault, Disposition: l.Disposition}
		if f.disposition != "" {
			le.Disposition = data.Disposition(f.disposition)
		}
		for _, spec := range f.lines {
			sku, rest, _ := strings.Cut(spec, "=")
			if strings.TrimSpace(sku) != l.SKU {
				continue
			}
			reason, fault, _ := strings.Cut(rest, "/")
			le.Reason, le.Fault = data.ReturnReason(strings.TrimSpace(reason)), data.Fault(strings.TrimSpace(fault))
		}
		e.Lines = append(e.Lines, le)
	}
	if err := a.UpdateReturn(e); err != nil {
		return err
	}
	_, err := fmt.Fprintf(c.env.Stdout, "%s saved\n", ret.Number)
	return err
}

func hasSKU(ret app.ReturnDetail, sku string) bool {
	for _, l := range ret.Lines {
		if l.SKU == sku {
			return true
		}
	}
	return false
}
