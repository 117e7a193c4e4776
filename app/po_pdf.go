package app

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"clockwork/data"
	"clockwork/reports"
)

// WritePOPDF writes the purchase order the supplier receives (DESIGN 7): a draft prints
// without a sent date, a sent PO with its date and the ship date it asks for.
func (a *App) WritePOPDF(id uint, w io.Writer) error {
	d, err := a.PurchaseOrder(id)
	if err != nil {
		return err
	}
	shop, err := a.Shop()
	if err != nil {
		return err
	}
	doc := reports.PurchaseOrder{
		Number: d.Number, ShipBy: string(d.Due()), ShippingCents: int64(d.ShippingCost), Notes: d.Notes,
		Supplier: reports.Supplier{Name: d.Supplier.Name, ContactPerson: d.Supplier.ContactPerson,
			Address: d.Supplier.Address, Email: d.Supplier.Email, Phone: d.Supplier.Phone},
		Money: func(c int64) string { return data.Money(c).Format(shop.Currency) },
	}
	if d.SentAt != nil {
		doc.SentOn = string(data.DayOf(*d.SentAt, a.Location()))
	}
	for _, l := range d.Lines {
		if l.Qty <= 0 {
			continue
		}
		doc.Lines = append(doc.Lines, reports.POLine{SupplierSKU: l.SupplierSKU, SKU: l.SKU, Title: l.Title, Qty: l.Qty, UnitCostCents: int64(l.UnitCost)})
	}
	if err := reports.WritePurchaseOrder(w, reports.Paper(shop.Paper), shopForPO(shop), doc); err != nil {
		return err
	}
	return nil
}

// PODocumentsDir is the folder beside the database where sent POs' PDFs are kept.
func (a *App) PODocumentsDir() string { return filepath.Join(a.Folder(), "purchase-orders") }

// POPDFPath is where the PDF of the PO numbered number is kept.
func (a *App) POPDFPath(number string) string {
	return filepath.Join(a.PODocumentsDir(), number+".pdf")
}

// SavePOPDF writes a purchase order's PDF into PODocumentsDir, named after its number, and
// returns the file's path.
func (a *App) SavePOPDF(id uint) (string, error) {
	d, err := a.PurchaseOrder(id)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(a.PODocumentsDir(), 0o700); err != nil {
		return "", fmt.Errorf("make the folder for purchase orders: %w", err)
	}
	path := a.POPDFPath(d.Number)
	return path, WriteFile(path, func(w io.Writer) error { return a.WritePOPDF(id, w) })
}

// shopForPO is the shop as documents print it.
func shopForPO(s data.Shop) reports.Shop {
	return reports.Shop{Name: s.Name, Address: s.Address, Email: s.Email, Phone: s.Phone, Website: s.Website,
		Logo: s.Logo, Accent: s.AccentColor}
}

// POEmail is an e-mail to the supplier about a purchase order, ready for the mail program.
type POEmail struct {
	To, Subject, Body string
}

// MailtoURL is the e-mail as a mailto: link the system hands to the mail program.
func (e POEmail) MailtoURL() string {
	q := url.Values{"subject": {e.Subject}, "body": {e.Body}}
	// mailto wants %20 for spaces, not +.
	return "mailto:" + url.PathEscape(e.To) + "?" + strings.ReplaceAll(q.Encode(), "+", "%20")
}

// EmailForPO drafts the e-mail that goes with a purchase order's PDF.
func (a *App) EmailForPO(id uint) (POEmail, error) {
	d, err := a.PurchaseOrder(id)
	if err != nil {
		return POEmail{}, err
	}
	shop, err := a.Shop()
	if err != nil {
		return POEmail{}, err
	}
	units := 0
	for _, l := range d.Lines {
		units += l.Qty
	}
	greeting := "Hello"
	if c := strings.TrimSpace(d.Supplier.ContactPerson); c != "" {
		greeting += " " + c
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s,\n\nplease find attached our purchase order %s: %s, %s in all, %s.\n", greeting, d.Number,
		plural(len(d.Lines), "line", "lines"), plural(units, "unit", "units"), d.Total.Format(shop.Currency))
	if due := d.Due(); due != "" {
		fmt.Fprintf(&b, "We would like it shipped by %s.\n", due)
	}
	fmt.Fprintf(&b, "\nPlease confirm the order and the ship date, and quote %s on the delivery note and the invoice.\n\nThank you,\n%s\n", d.Number, shop.Name)
	return POEmail{To: d.Supplier.Email, Subject: fmt.Sprintf("Purchase order %s from %s", d.Number, shop.Name), Body: b.String()}, nil
}
