package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"clockwork/app"
	"clockwork/data"
)

// supplierSynopsis is the synopsis of `clockwork supplier`, one line per action.
const supplierSynopsis = `add NAME [--email E] ... [--lead-days N] [--order-fee A] [--shipping A] [--free-shipping-from A] [--vet KEY=ANSWER[:NOTE] ...]
                     | edit NAME [the same flags] [--rename NEW]
                     | show NAME [--json] | delete NAME
                     | log NAME [--json] | contact NAME --kind K --text TEXT [--channel C] [--at T]`

// supplierText maps each text flag of add and edit to the supplier field it sets.
func supplierText(s *data.Supplier) map[string]*string {
	return map[string]*string{
		"email": &s.Email, "phone": &s.Phone, "website": &s.Website, "portal": &s.Portal, "chat": &s.Chat,
		"contact": &s.ContactPerson, "address": &s.Address, "notes": &s.Notes, "cutoff": &s.OrderCutoff,
		"status": (*string)(&s.Status), "rename": &s.Name,
	}
}

var supplierTextHelp = map[string]string{
	"email": "add/edit: e-mail address for purchase orders", "phone": "add/edit: phone number",
	"website": "add/edit: website", "portal": "add/edit: the supplier's ordering portal", "chat": "add/edit: chat handle or link",
	"contact": "add/edit: the contact person", "address": `add/edit: postal address (use \n between lines)`,
	"notes": "add/edit: notes", "cutoff": "add/edit: SLA order cut-off, a time of day like 14:00",
	"status": "add/edit: prospect, vetted, active, paused or blocked (planning buys only from vetted and active)",
	"rename": "edit: the supplier's new name",
}

// supplierNumbers maps each whole-number flag of add and edit to the supplier field it sets.
func supplierNumbers(s *data.Supplier) map[string]*int {
	return map[string]*int{"lead-days": &s.QuotedLeadDays, "fill-pct": &s.PromisedFillPct}
}

// supplierMoney maps each amount flag of add and edit to the supplier term it sets.
func supplierMoney(s *data.Supplier) map[string]*data.Money {
	return map[string]*data.Money{"order-fee": &s.Terms.OrderFee, "shipping": &s.Terms.ShippingCharge,
		"free-shipping-from": &s.Terms.FreeShippingThreshold}
}

var supplierMoneyHelp = map[string]string{
	"order-fee":          "add/edit: the supplier's charge on every purchase order, e.g. 5.00",
	"shipping":           "add/edit: the supplier's shipping charge per purchase order, e.g. 7.50",
	"free-shipping-from": "add/edit: goods worth this much or more ship free; 0 for never",
}

var supplierNumberHelp = map[string]string{
	"lead-days": "add/edit: SLA quoted days from order to dispatch",
	"fill-pct":  "add/edit: SLA share of each order promised complete, in %",
}

// vetKeys names the vetting questions for --vet, in the checklist's order.
var vetKeys = []string{"reachable", "ships-reliably", "transparent", "sla", "website", "pricing", "reviews", "facilities"}

// supplierFlags are the flags of every `supplier` action.
type supplierFlags struct {
	text    map[string]*string
	numbers map[string]*string
	vet     repeated
	kind    *string
	channel *string
	logText *string
	at      *string
	asJSON  *bool
	set     map[string]bool
}

func setupSupplier(fs *flag.FlagSet) func(c *call) error {
	f := &supplierFlags{text: map[string]*string{}, numbers: map[string]*string{}}
	for name := range supplierText(&data.Supplier{}) {
		f.text[name] = fs.String(name, "", supplierTextHelp[name])
	}
	for name := range supplierNumbers(&data.Supplier{}) {
		f.numbers[name] = fs.String(name, "", supplierNumberHelp[name])
	}
	for name := range supplierMoney(&data.Supplier{}) {
		f.numbers[name] = fs.String(name, "", supplierMoneyHelp[name])
	}
	fs.Var(&f.vet, "vet", "add/edit: a vetting answer KEY=yes|no|unknown[:NOTE], repeatable; KEY is one of "+strings.Join(vetKeys, ", "))
	f.kind = fs.String("kind", "", "contact: message, call, issue or note")
	f.channel = fs.String("channel", "", "contact: how: "+strings.Join(app.EventChannels, ", "))
	f.logText = fs.String("text", "", "contact: what was said or what happened")
	f.at = fs.String("at", "", "contact: when it happened, a day or RFC 3339 time (default now)")
	f.asJSON = fs.Bool("json", false, "show/log: print one JSON document")
	edits := append(append([]string{"vet"}, keys(f.text)...), keys(f.numbers)...)
	return func(c *call) error {
		f.set = setFlags(fs)
		return runAction(c, fs, "supplier", map[string]action{
			"add":     {edits, f.add},
			"edit":    {edits, f.edit},
			"show":    {[]string{"json"}, f.show},
			"delete":  {nil, supplierDelete},
			"log":     {[]string{"json"}, f.log},
			"contact": {[]string{"kind", "channel", "text", "at"}, f.contact},
		})
	}
}

func keys[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func (f *supplierFlags) add(c *call, args []string) error {
	name, err := oneArg(args, "supplier name: clockwork supplier add \"Acme Ltd\"")
	if err != nil {
		return err
	}
	if f.set["rename"] {
		return usagef("--rename goes with supplier edit")
	}
	a, err := c.app()
	if err != nil {
		return err
	}
	s := data.Supplier{Name: name}
	if err := f.apply(&s); err != nil {
		return err
	}
	if err := a.SaveSupplier(&s); err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "supplier %s added (%s, vetting %d/%d)\n", s.Name, s.Status, s.Vetting.Yes(), app.VettingTotal)
	return err
}

func (f *supplierFlags) edit(c *call, args []string) error {
	a, s, err := c.supplierArg(args, "supplier name: clockwork supplier edit \"Acme Ltd\" --status active")
	if err != nil {
		return err
	}
	if err := f.apply(&s); err != nil {
		return err
	}
	if err := a.SaveSupplier(&s); err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "supplier %s saved (%s, vetting %d/%d)\n", s.Name, s.Status, s.Vetting.Yes(), app.VettingTotal)
	return err
}

// apply copies the given flags into s; a bad number or vetting answer is bad input.
func (f *supplierFlags) apply(s *data.Supplier) error {
	for name, dst := range supplierText(s) {
		if f.set[name] {
			*dst = strings.ReplaceAll(*f.text[name], `\n`, "\n")
		}
	}
	var in inputs
	for name, dst := range supplierNumbers(s) {
		if f.set[name] {
			in.int(name, *f.numbers[name], dst)
		}
	}
	for name, dst := range supplierMoney(s) {
		if f.set[name] {
			in.money(name, *f.numbers[name], dst)
		}
	}
	items := s.Vetting.Items()
	for _, spec := range f.vet {
		key, rest, _ := strings.Cut(spec, "=")
		i := indexOf(vetKeys, strings.ToLower(strings.TrimSpace(key)))
		if i < 0 {
			in.add("--vet", "%q: the questions are %s", key, strings.Join(vetKeys, ", "))
			continue
		}
		answer, note, hasNote := strings.Cut(rest, ":")
		answer = strings.ToLower(strings.TrimSpace(answer))
		if answer == "unknown" {
			answer = ""
		}
		*items[i].Answer = data.Answer(answer)
		if hasNote {
			*items[i].Note = strings.TrimSpace(note)
		}
	}
	return in.err()
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func supplierDelete(c *call, args []string) error {
	a, s, err := c.supplierArg(args, "supplier name")
	if err != nil {
		return err
	}
	if err := a.DeleteSupplier(s.ID); err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "supplier %s deleted with its offers and contact log\n", s.Name)
	return err
}

// supplierArg opens the shop and finds the supplier its one argument names (usage says how
// to name one when the argument is missing).
func (c *call) supplierArg(args []string, usage string) (*app.App, data.Supplier, error) {
	name, err := oneArg(args, usage)
	if err != nil {
		return nil, data.Supplier{}, err
	}
	a, err := c.app()
	if err != nil {
		return nil, data.Supplier{}, err
	}
	s, err := supplierNamed(a, name)
	return a, s, err
}

// supplierNamed finds a supplier by name; an unknown name is bad input that says where to look.
func supplierNamed(a *app.App, name string) (data.Supplier, error) {
	s, err := a.SupplierByName(name)
	if errors.Is(err, app.ErrNotFound) {
		return s, &app.InputError{Problems: []app.Problem{{Field: "supplier", Message: fmt.Sprintf("no supplier is named %q; `clockwork suppliers` lists them", name)}}}
	}
	return s, err
}
