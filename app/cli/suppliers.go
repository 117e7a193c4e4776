package cli

import (
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// supplierJSON is the `suppliers --json` shape of DESIGN section 8.
type supplierJSON struct {
	Name           string  `json:"name"`
	Status         string  `json:"status"`
	Email          string  `json:"email"`
	Phone          string  `json:"phone"`
	Website        string  `json:"website"`
	ContactPerson  string  `json:"contact_person"`
	QuotedLeadDays int     `json:"quoted_lead_days"`
	VettingYes     int     `json:"vetting_yes"`
	VettingTotal   int     `json:"vetting_total"`
	Standing       string  `json:"standing"`
	Offers         int     `json:"offers"`
	LastContactAt  *string `json:"last_contact_at"`
}

func newSupplierJSON(r app.SupplierRow, standing app.Standing) supplierJSON {
	out := supplierJSON{
		Name: r.Name, Status: string(r.Status), Email: r.Email, Phone: r.Phone, Website: r.Website,
		ContactPerson: r.ContactPerson, QuotedLeadDays: r.QuotedLeadDays, VettingYes: r.VettingYes,
		VettingTotal: app.VettingTotal, Standing: string(standing), Offers: r.Offers,
	}
	if r.LastContact != nil {
		s := r.LastContact.UTC().Format(time.RFC3339)
		out.LastContactAt = &s
	}
	return out
}

func setupSuppliers(fs *flag.FlagSet) func(c *call) error {
	status := fs.String("status", "", "only suppliers with this status (prospect, vetted, active, paused, blocked)")
	search := fs.String("search", "", "only suppliers whose name, e-mail, contact or phone contains this")
	asJSON := fs.Bool("json", false, "print one JSON document")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		q := app.SupplierQuery{ListQuery: app.ListQuery{Search: *search}, Status: data.SupplierStatus(*status)}
		standings, err := a.Standings(a.Today()) // over the last twelve months, as planning sees them
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSONArray(c, func(emit func(any) error) error {
				return a.EachSupplier(q, func(r app.SupplierRow) error { return emit(newSupplierJSON(r, standings[r.ID])) })
			})
		}
		w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, "NAME\tSTATUS\tLEAD DAYS\tOFFERS\tVETTING\tSTANDING\tLAST CONTACT\tE-MAIL")
		err = a.EachSupplier(q, func(r app.SupplierRow) error {
			last := "-"
			if r.LastContact != nil {
				last = r.LastContact.In(a.Location()).Format("2006-01-02")
			}
			_, err := fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d/%d\t%s\t%s\t%s\n", r.Name, r.Status, r.QuotedLeadDays, r.Offers,
				r.VettingYes, app.VettingTotal, standings[r.ID].Label(), last, r.Email)
			return err
		})
		if err != nil {
			return err
		}
		return w.Flush()
	}
}
