package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// orderJSON is the `orders --json` shape of DESIGN section 8.
type orderJSON struct {
	Number     string      `json:"number"`
	Channel    string      `json:"channel"`
	Status     string      `json:"status"`
	PlacedAt   string      `json:"placed_at"`
	ShipBy     *string     `json:"ship_by"`
	AtRisk     bool        `json:"at_risk"`
	Held       bool        `json:"held"`
	Customer   string      `json:"customer"`
	Email      string      `json:"email"`
	ShipTo     addressJSON `json:"ship_to"`
	TotalCents int64       `json:"total_cents"`
	Note       string      `json:"note"`
	Lines      []lineJSON  `json:"lines"`
}

type addressJSON struct {
	Name     string `json:"name"`
	Company  string `json:"company"`
	Address1 string `json:"address1"`
	Address2 string `json:"address2"`
	City     string `json:"city"`
	Province string `json:"province"`
	Zip      string `json:"zip"`
	Country  string `json:"country"`
	Phone    string `json:"phone"`
}

type lineJSON struct {
	SKU            string `json:"sku"`
	Title          string `json:"title"`
	Qty            int    `json:"qty"`
	UnitPriceCents int64  `json:"unit_price_cents"`
	State          string `json:"state"`
}

func newOrderJSON(o data.Order) orderJSON {
	out := orderJSON{
		Number: o.Number, Channel: string(o.Channel), Status: string(o.Status),
		PlacedAt: o.PlacedAt.UTC().Format(time.RFC3339), ShipBy: dayJSON(o.ShipBy), AtRisk: o.AtRisk, Held: o.Held,
		Email: o.Email, ShipTo: addressJSON(o.ShipTo), TotalCents: int64(o.Total), Note: o.Note,
		Lines: []lineJSON{},
	}
	out.Customer = o.CustomerName
	if out.Customer == "" && o.Customer != nil {
		out.Customer = o.Customer.Name
	}
	for _, l := range o.Lines {
		out.Lines = append(out.Lines, lineJSON{SKU: l.SKU, Title: l.Title, Qty: l.Qty, UnitPriceCents: int64(l.UnitPrice), State: string(l.State)})
	}
	return out
}

// dayJSON is a day for JSON: "2006-01-02", or null when unset.
func dayJSON(d data.Day) *string {
	if d == "" {
		return nil
	}
	s := string(d)
	return &s
}

func setupOrders(fs *flag.FlagSet) func(c *call) error {
	status := fs.String("status", "", "only orders with this status (new, purchasing, ready, shipped, cancelled, partially_returned, returned)")
	asJSON := fs.Bool("json", false, "print one JSON document")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		f := app.OrderFilter{Status: data.OrderStatus(*status)}
		if *asJSON {
			return writeJSONArray(c, func(emit func(any) error) error {
				return a.EachOrder(f, func(o data.Order) error { return emit(newOrderJSON(o)) })
			})
		}
		w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, "NUMBER\tPLACED\tCUSTOMER\tITEMS\tTOTAL\tSTATUS\tSHIP BY\tAT RISK")
		loc := a.Location()
		err = a.EachOrder(f, func(o data.Order) error {
			shipBy, risk := "-", ""
			if o.ShipBy != "" {
				shipBy = string(o.ShipBy)
			}
			if o.AtRisk {
				risk = "at risk"
			}
			status := string(o.Status)
			if o.Held {
				// Held orders wait for the web shop to say they are paid (or a release).
				status += " (held)"
			}
			_, err := fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", o.Number, o.PlacedAt.In(loc).Format("2006-01-02 15:04"),
				newOrderJSON(o).Customer, o.Items, o.Total, status, shipBy, risk)
			return err
		})
		if err != nil {
			return err
		}
		return w.Flush()
	}
}

// writeJSONArray streams a JSON array, element by element, so a list of 100,000 orders
// never sits in memory whole.
func writeJSONArray(c *call, each func(emit func(any) error) error) error {
	out := c.env.Stdout
	if _, err := fmt.Fprint(out, "["); err != nil {
		return err
	}
	first := true
	err := each(func(v any) error {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("  ", "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		b := bytes.TrimRight(buf.Bytes(), "\n")
		sep := ",\n  "
		if first {
			sep, first = "\n  ", false
		}
		_, err := fmt.Fprintf(out, "%s%s", sep, b)
		return err
	})
	if err != nil {
		return err
	}
	if !first {
		fmt.Fprint(out, "\n")
	}
	_, err = fmt.Fprintln(out, "]")
	return err
}
