package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// poJSON is one element of the `po list --json` array of DESIGN section 8.
type poJSON struct {
	Number       string       `json:"number"`
	Supplier     string       `json:"supplier"`
	Status       string       `json:"status"`
	SentAt       *string      `json:"sent_at"`
	PromisedDate *string      `json:"promised_date"`
	ExpectedDate *string      `json:"expected_date"`
	Late         bool         `json:"late"`
	TotalCents   int64        `json:"total_cents"`
	Lines        []poLineJSON `json:"lines"`
}

type poLineJSON struct {
	OrderNumber   string `json:"order_number"`
	SKU           string `json:"sku"`
	SupplierSKU   string `json:"supplier_sku"`
	Qty           int    `json:"qty"`
	UnitCostCents int64  `json:"unit_cost_cents"`
	QtyAccepted   int    `json:"qty_accepted"`
	QtyRejected   int    `json:"qty_rejected"`
}

func newPOJSON(r app.PORow, lines []app.POLineRow) poJSON {
	out := poJSON{Number: r.Number, Supplier: r.Supplier, Status: string(r.Status), PromisedDate: dayJSON(r.PromisedDate),
		ExpectedDate: dayJSON(r.ExpectedDate), Late: r.Late, TotalCents: int64(r.Total), Lines: []poLineJSON{}}
	if r.SentAt != nil {
		s := r.SentAt.UTC().Format(time.RFC3339)
		out.SentAt = &s
	}
	for _, l := range lines {
		out.Lines = append(out.Lines, poLineJSON{OrderNumber: l.OrderNumber, SKU: l.SKU, SupplierSKU: l.SupplierSKU, Qty: l.Qty,
			UnitCostCents: int64(l.UnitCost), QtyAccepted: l.QtyAccepted, QtyRejected: l.QtyRejected})
	}
	return out
}

// poFlags are the flags of every `po` subcommand; each subcommand takes some of them.
type poFlags struct {
	status, at, out, promised, expected, tracking, carrier, ref *string
	asJSON, late, email                                         *bool
}

// poActions are the `po` subcommands with the flags each accepts.
var poActions = map[string][]string{
	"list":   {"status", "late", "json"},
	"send":   {"at", "out", "promised", "email"},
	"pdf":    {"out"},
	"ack":    {"at", "expected", "tracking", "carrier", "ref"},
	"close":  {"at"},
	"cancel": {"at"},
}

const poSynopsis = `list [--status S] [--late] [--json]
                     | send PO [--at T] [--out FILE.pdf] [--promised DATE] [--email]
                     | ack PO [--at T] [--expected DATE] [--tracking NUMBER] [--carrier C] [--ref R]
                     | pdf PO [--out FILE.pdf] | close PO | cancel PO`

func setupPO(fs *flag.FlagSet) func(c *call) error {
	f := poFlags{
		status:   fs.String("status", "", "list: only POs with this status (draft, sent, acknowledged, partially_received, received, closed_short, cancelled)"),
		late:     fs.Bool("late", false, "list: only POs past their expected (else promised) day"),
		asJSON:   fs.Bool("json", false, "list: print one JSON document"),
		at:       fs.String("at", "", "send/ack/close/cancel: when it happened, a day or RFC 3339 time (default now)"),
		out:      fs.String("out", "", "send/pdf: where to write the PO PDF (default PO-NUMBER.pdf here)"),
		promised: fs.String("promised", "", "send: the ship date the supplier promised (default: sent day + quoted lead days)"),
		expected: fs.String("expected", "", "ack: the day the supplier now expects to ship"),
		tracking: fs.String("tracking", "", "ack: inbound tracking number"),
		carrier:  fs.String("carrier", "", "ack: inbound carrier"),
		ref:      fs.String("ref", "", "ack: the supplier's order reference"),
		email:    fs.Bool("email", false, "send: e-mail the PDF to the supplier over the shop's SMTP server (Settings → E-mail); the PO counts as sent only once the server accepts it"),
	}
	return func(c *call) error {
		if len(c.args) == 0 {
			return usagef("say what to do: list, send, pdf, ack, close or cancel")
		}
		action := c.args[0]
		allowed, ok := poActions[action]
		if !ok {
			return usagef("unknown po action %q: use list, send, pdf, ack, close or cancel", action)
		}
		if err := onlyFlags(fs, action, allowed); err != nil {
			return err
		}
		if action == "list" {
			if len(c.args) > 1 {
				return usagef("unexpected argument %q", c.args[1])
			}
			return poList(c, f)
		}
		if len(c.args) != 2 {
			return usagef("give one PO number: clockwork po %s PO-000123", action)
		}
		a, err := c.appAt(*f.at)
		if err != nil {
			return err
		}
		po, err := a.POByNumber(c.args[1])
		if err != nil {
			return err
		}
		return poAction(c, a, action, po, f)
	}
}

// onlyFlags refuses flags that belong to other po actions.
func onlyFlags(fs *flag.FlagSet, action string, allowed []string) error {
	ok := map[string]bool{"db": true}
	for _, n := range allowed {
		ok[n] = true
	}
	var bad error
	fs.Visit(func(fl *flag.Flag) {
		if !ok[fl.Name] && bad == nil {
			bad = usagef("--%s does not go with po %s", fl.Name, action)
		}
	})
	return bad
}

func poAction(c *call, a *app.App, action string, po data.PurchaseOrder, f poFlags) error {
	switch action {
	case "send":
		return poSend(c, a, po, f)
	case "pdf":
		return poPDF(c, a, po, *f.out)
	case "ack":
		at := time.Time{}
		if *f.at != "" {
			at = a.Now()
		}
		done, err := a.AcknowledgePO(po.ID, app.Ack{At: at, Expected: data.Day(*f.expected), SupplierRef: *f.ref, Carrier: *f.carrier, Tracking: *f.tracking})
		if err != nil {
			return err
		}
		due := done.ExpectedDate
		if due == "" {
			due = done.PromisedDate
		}
		_, err = fmt.Fprintf(c.env.Stdout, "%s acknowledged; expected %s\n", done.Number, due)
		return err
	case "close":
		if _, err := a.ClosePOShort(po.ID); err != nil {
			return err
		}
		_, err := fmt.Fprintf(c.env.Stdout, "%s closed short; its open lines are back to purchase\n", po.Number)
		return err
	default:
		if _, err := a.CancelPO(po.ID); err != nil {
			return err
		}
		_, err := fmt.Fprintf(c.env.Stdout, "%s cancelled; its lines are back to purchase\n", po.Number)
		return err
	}
}

func poSend(c *call, a *app.App, po data.PurchaseOrder, f poFlags) error {
	out := *f.out
	if out == "" {
		out = po.Number + ".pdf"
	}
	if filepath.Ext(out) == "" {
		return usagef("--out %s: give a file name ending .pdf", out)
	}
	if *f.email {
		return poSendEmail(c, a, po, f)
	}
	sent, err := a.SendPOToFile(po.ID, app.SendOptions{Promised: data.Day(*f.promised)}, out)
	if err != nil {
		return err
	}
	mail, err := a.EmailForPO(sent.ID)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "%s sent; ship by %s; PDF %s\nE-mail to %s: %s\n", sent.Number, sent.PromisedDate, out, orDash(mail.To), mail.Subject)
	return err
}

// poSendEmail sends the PO by e-mail: sent only when the server took the message.
func poSendEmail(c *call, a *app.App, po data.PurchaseOrder, f poFlags) error {
	r, err := a.EmailPO(po.ID, app.SendOptions{Promised: data.Day(*f.promised)})
	if err != nil {
		return err
	}
	if !r.Sent {
		return fmt.Errorf("%s was not sent: %s", po.Number, r.Problem)
	}
	kept := a.POPDFPath(po.Number)
	if *f.out != "" {
		b, err := os.ReadFile(kept)
		if err == nil {
			err = app.WriteFile(*f.out, func(w io.Writer) error { _, err := w.Write(b); return err })
		}
		if err != nil {
			return fmt.Errorf("%s was sent by e-mail, but its PDF could not be copied to %s: %w", po.Number, *f.out, err)
		}
		kept = *f.out
	}
	_, err = fmt.Fprintf(c.env.Stdout, "%s e-mailed to %s (Message-ID <%s>); PDF %s\n", po.Number, r.To, r.MessageID, kept)
	if err == nil && r.Problem != "" {
		fmt.Fprintln(c.env.Stderr, "warning: "+r.Problem)
	}
	return err
}

// poPDF makes a PO's PDF (again): the one a send wrote, or a draft's for a look.
func poPDF(c *call, a *app.App, po data.PurchaseOrder, out string) error {
	if out == "" {
		out = po.Number + ".pdf"
	}
	if filepath.Ext(out) == "" {
		return usagef("--out %s: give a file name ending .pdf", out)
	}
	if err := app.WriteFile(out, func(w io.Writer) error { return a.WritePOPDF(po.ID, w) }); err != nil {
		return err
	}
	_, err := fmt.Fprintf(c.env.Stdout, "%s (%s): PDF %s\n", po.Number, strings.ReplaceAll(string(po.Status), "_", " "), out)
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func poList(c *call, f poFlags) error {
	a, err := c.app()
	if err != nil {
		return err
	}
	q := app.POQuery{Status: data.POStatus(*f.status), LateOnly: *f.late}
	if *f.asJSON {
		return writeJSONArray(c, func(emit func(any) error) error {
			return a.EachPurchaseOrder(q, func(r app.PORow, lines []app.POLineRow) error { return emit(newPOJSON(r, lines)) })
		})
	}
	w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "NUMBER\tSUPPLIER\tSTATUS\tLINES\tTOTAL\tSENT\tPROMISED\tEXPECTED\tLATE")
	loc := a.Location()
	err = a.EachPurchaseOrder(q, func(r app.PORow, _ []app.POLineRow) error {
		sent, late := "-", ""
		if r.SentAt != nil {
			sent = r.SentAt.In(loc).Format("2006-01-02")
		}
		if r.Late {
			late = "late"
		}
		_, err := fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", r.Number, r.Supplier, r.Status, r.Lines, r.Total,
			sent, orDash(string(r.PromisedDate)), orDash(string(r.ExpectedDate)), late)
		return err
	})
	if err != nil {
		return err
	}
	return w.Flush()
}
