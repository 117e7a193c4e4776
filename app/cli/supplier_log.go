package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// supplierDetailJSON is the `supplier show --json` shape: the supplier's record with its
// vetting checklist answered question by question.
type supplierDetailJSON struct {
	Name            string        `json:"name"`
	Status          string        `json:"status"`
	Email           string        `json:"email"`
	Phone           string        `json:"phone"`
	Website         string        `json:"website"`
	Portal          string        `json:"portal"`
	Chat            string        `json:"chat"`
	ContactPerson   string        `json:"contact_person"`
	Address         string        `json:"address"`
	QuotedLeadDays  int           `json:"quoted_lead_days"`
	PromisedFillPct int           `json:"promised_fill_pct"`
	OrderCutoff     string        `json:"order_cutoff"`
	OrderFee        int64         `json:"order_fee_cents"`
	ShippingCharge  int64         `json:"shipping_charge_cents"`
	FreeShipping    int64         `json:"free_shipping_from_cents"` // 0: never free
	Notes           string        `json:"notes"`
	VettingYes      int           `json:"vetting_yes"`
	VettingTotal    int           `json:"vetting_total"`
	Vetting         []vettingJSON `json:"vetting"`
}

type vettingJSON struct {
	Key      string `json:"key"`
	Question string `json:"question"`
	Answer   string `json:"answer"` // yes, no or unknown
	Note     string `json:"note"`
}

// eventJSON is one contact log entry of `supplier log --json`.
type eventJSON struct {
	At       string `json:"at"`
	Kind     string `json:"kind"`
	Channel  string `json:"channel"`
	Text     string `json:"text"`
	PONumber string `json:"po_number"`
}

func newSupplierDetailJSON(s data.Supplier) supplierDetailJSON {
	out := supplierDetailJSON{Name: s.Name, Status: string(s.Status), Email: s.Email, Phone: s.Phone, Website: s.Website,
		Portal: s.Portal, Chat: s.Chat, ContactPerson: s.ContactPerson, Address: s.Address, QuotedLeadDays: s.QuotedLeadDays,
		PromisedFillPct: s.PromisedFillPct, OrderCutoff: s.OrderCutoff, OrderFee: int64(s.Terms.OrderFee), ShippingCharge: int64(s.Terms.ShippingCharge),
		FreeShipping: int64(s.Terms.FreeShippingThreshold), Notes: s.Notes, VettingYes: s.Vetting.Yes(),
		VettingTotal: app.VettingTotal, Vetting: []vettingJSON{}}
	for i, it := range s.Vetting.Items() {
		out.Vetting = append(out.Vetting, vettingJSON{Key: vetKeys[i], Question: it.Question, Answer: answerName(*it.Answer), Note: *it.Note})
	}
	return out
}

func answerName(a data.Answer) string {
	if a == data.AnswerUnknown {
		return "unknown"
	}
	return string(a)
}

func writeJSON(c *call, v any) error {
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func (f *supplierFlags) show(c *call, args []string) error {
	_, s, err := c.supplierArg(args, "supplier name")
	if err != nil {
		return err
	}
	d := newSupplierDetailJSON(s)
	if *f.asJSON {
		return writeJSON(c, d)
	}
	w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "Name:\t%s\nStatus:\t%s\nE-mail:\t%s\nPhone:\t%s\nWebsite:\t%s\nPortal:\t%s\nChat:\t%s\nContact:\t%s\nAddress:\t%s\n",
		d.Name, d.Status, d.Email, d.Phone, d.Website, d.Portal, d.Chat, d.ContactPerson, strings.ReplaceAll(d.Address, "\n", ", "))
	fmt.Fprintf(w, "SLA:\t%d lead days, %d%% complete, cut-off %s\n", d.QuotedLeadDays, d.PromisedFillPct, orDash(d.OrderCutoff))
	fmt.Fprintf(w, "Terms:\t%s\nNotes:\t%s\nVetting:\t%d/%d\n", termsText(s.Terms), d.Notes, d.VettingYes, d.VettingTotal)
	for _, v := range d.Vetting {
		fmt.Fprintf(w, "  %s\t%s\t%s\n", v.Key, v.Answer, v.Note)
	}
	return w.Flush()
}

// logPage is how many log entries `supplier log` reads at a time.
const logPage = 500

func (f *supplierFlags) log(c *call, args []string) error {
	a, s, err := c.supplierArg(args, "supplier name")
	if err != nil {
		return err
	}
	var events []eventJSON
	for offset := 0; ; offset += logPage {
		page, err := a.SupplierEvents(s.ID, offset, logPage)
		if err != nil {
			return err
		}
		for _, e := range page {
			events = append(events, eventJSON{At: e.At.UTC().Format(time.RFC3339), Kind: string(e.Kind), Channel: e.Channel, Text: e.Text, PONumber: e.PONumber})
		}
		if len(page) < logPage {
			break
		}
	}
	if *f.asJSON {
		if events == nil {
			events = []eventJSON{}
		}
		return writeJSON(c, events)
	}
	w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "WHEN\tKIND\tCHANNEL\tPO\tTEXT")
	for _, e := range events {
		at, _ := time.Parse(time.RFC3339, e.At)
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", at.In(a.Location()).Format("2006-01-02 15:04"), e.Kind, orDash(e.Channel), orDash(e.PONumber), firstLine(e.Text))
	}
	return w.Flush()
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func (f *supplierFlags) contact(c *call, args []string) error {
	a, s, err := c.supplierArg(args, "supplier name")
	if err != nil {
		return err
	}
	in := app.EventInput{SupplierID: s.ID, Kind: data.EventKind(strings.TrimSpace(*f.kind)), Channel: *f.channel, Text: strings.ReplaceAll(*f.logText, `\n`, "\n")}
	if *f.at != "" {
		at, err := parseAt(*f.at, a)
		if err != nil {
			return err
		}
		in.At = at
	}
	ev, err := a.AddSupplierEvent(in)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "logged with %s: %s %s\n", s.Name, ev.Kind, ev.At.In(a.Location()).Format("2006-01-02 15:04"))
	return err
}

// termsText says a supplier's charges in a line: "order fee 5.00, shipping 7.50, free from 100.00".
func termsText(t data.SupplierTerms) string {
	free := "never free"
	if t.FreeShippingThreshold > 0 {
		free = "free from " + t.FreeShippingThreshold.String()
	}
	return fmt.Sprintf("order fee %s, shipping %s, %s", t.OrderFee, t.ShippingCharge, free)
}
