package app

import (
	"fmt"
	"io"
	"strings"

	"clockwork/reports"
)

// ExportReturnInsights writes the period's return insights as an .xlsx workbook to w.
func (a *App) ExportReturnInsights(p Period, w io.Writer) error {
	shop, err := a.Shop()
	if err != nil {
		return err
	}
	in, err := a.ReturnInsights(p)
	if err != nil {
		return err
	}
	loc := a.Location()
	wb := reports.ReturnsWorkbook{Shop: shop.Name, Period: periodLabel(p), Generated: a.Now().In(loc),
		Returns: in.Returns, Units: in.Units, Shipped: in.Shipped, Trial: returnsRow(in.Trial, "Trial products"), Rest: returnsRow(in.Rest, "Other products")}
	for _, r := range in.ByReason {
		wb.Reasons = append(wb.Reasons, returnsRow(r, ReasonLabel(r.Key)))
	}
	for _, r := range in.ByProduct {
		wb.Products = append(wb.Products, returnsRow(r, r.Key))
	}
	for _, r := range in.BySupplier {
		wb.Suppliers = append(wb.Suppliers, returnsRow(r, SupplierLabel(r.Key)))
	}
	for _, c := range in.Comments {
		wb.Comments = append(wb.Comments, reports.ReturnComment{RMA: c.RMA, Day: c.Day.Start(loc), SKU: c.SKU,
			Supplier: c.Supplier, Reason: ReasonLabel(c.Reason), Fault: string(c.Fault), Text: c.Text})
	}
	if err := reports.WriteReturnsWorkbook(w, wb); err != nil {
		return fmt.Errorf("export returns %s: %w", p, err)
	}
	return nil
}

// SupplierLabel is an insight row's supplier as the shop reads it: returns of goods not
// bought through a purchase order have none.
func SupplierLabel(name string) string {
	if name == "" {
		return "(not traced to a supplier)"
	}
	return name
}

func returnsRow(r InsightRow, name string) reports.ReturnsRow {
	var said []string
	for _, c := range r.Comments {
		said = append(said, fmt.Sprintf("%s %s: “%s”", c.RMA, c.Day, c.Text))
	}
	return reports.ReturnsRow{Name: name, Title: r.Title, Units: r.Units, SupplierFault: r.SupplierFault,
		Shipped: r.Shipped, TopReason: ReasonLabel(r.TopReason), Comments: strings.Join(said, "\n")}
}

// reasonLabels are the return reasons as the shop reads them.
var reasonLabels = map[string]string{
	"changed_mind": "Changed mind", "ordered_wrong": "Ordered wrong", "not_as_described": "Not as described",
	"address_error": "Address error", "damaged_in_transit": "Damaged in transit", "lost": "Lost",
	"late": "Late", "defective": "Defective", "wrong_item_sent": "Wrong item sent", "other": "Other",
}

// ReasonLabel is a return reason as the shop reads it ("Damaged in transit").
func ReasonLabel[T ~string](r T) string {
	if l, ok := reasonLabels[string(r)]; ok {
		return l
	}
	return string(r)
}
