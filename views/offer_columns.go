package views

import (
	"fmt"
	"strconv"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2/widget"
)

// shopFormat is what a screen needs to write money and times the shop's way; screens
// keep one and refresh its currency when the shop's settings change.
type shopFormat struct {
	currency string
	now      func() time.Time
	loc      func() *time.Location
}

func (f *shopFormat) money(m data.Money) string { return m.Format(f.currency) }

// today is the shop's day, "" where the format has no clock (days then say their year).
func (f *shopFormat) today() data.Day {
	if f.now == nil || f.loc == nil {
		return ""
	}
	return data.DayOf(f.now(), f.loc())
}

// offerColumns declares every column an offer can show, by name; the Catalog and
// Suppliers screens each pick theirs.
func offerColumns(f *shopFormat) map[string]tableColumn[app.OfferLine] {
	return map[string]tableColumn[app.OfferLine]{
		"supplier":     {title: "Supplier", width: 170, text: func(o app.OfferLine) string { return o.SupplierName }, tone: supplierTone},
		"product":      {title: "Product", width: 210, text: func(o app.OfferLine) string { return o.ProductTitle }},
		"sku":          {title: "SKU", width: 100, text: func(o app.OfferLine) string { return o.ProductSKU }},
		"supplier sku": {title: "Their SKU", width: 100, text: func(o app.OfferLine) string { return o.SupplierSKU }},
		"cost":         {title: "Unit cost", width: 90, text: func(o app.OfferLine) string { return f.money(o.UnitCost) }},
		"margin":       {title: "Margin", width: 130, text: func(o app.OfferLine) string { return f.margin(o.Margin(), o.Price) }, tone: marginTone},
		"pack":         {title: "Pack", width: 50, text: func(o app.OfferLine) string { return strconv.Itoa(o.PackSize) }},
		"min":          {title: "Min", width: 50, text: func(o app.OfferLine) string { return strconv.Itoa(o.MinQty) }},
		"lead":         {title: "Lead", width: 60, text: func(o app.OfferLine) string { return nouns(o.LeadDays, "day") }},
		"stock":        {title: "Available", width: 150, text: func(o app.OfferLine) string { return f.stock(o.Offer) }},
		"priority":     {title: "Priority", width: 110, text: priorityText, tone: priorityTone},
		"valid":        {title: "Valid", width: 170, text: func(o app.OfferLine) string { return validity(o.Offer, f.today()) }},
	}
}

// margin writes a margin with its share of the price: "€23.65 · 50%".
func (f *shopFormat) margin(m, price data.Money) string {
	if price <= 0 {
		return f.money(m)
	}
	return fmt.Sprintf("%s · %d%%", f.money(m), int64(m)*100/int64(price))
}

func pickColumns[T any](all map[string]tableColumn[T], names ...string) []tableColumn[T] {
	out := make([]tableColumn[T], len(names))
	for i, n := range names {
		out[i] = all[n]
	}
	return out
}

// stock says how many the supplier had and how old that figure is: "12 · 3 days ago".
func (f *shopFormat) stock(o data.Offer) string {
	if o.AvailableQty == nil {
		return "unknown"
	}
	if o.AvailableAt == nil {
		return strconv.Itoa(*o.AvailableQty)
	}
	return fmt.Sprintf("%d · %s", *o.AvailableQty, ago(*o.AvailableAt, f.now(), f.loc()))
}

func priorityText(o app.OfferLine) string {
	switch {
	case !o.Active:
		return "withdrawn"
	case o.Priority == 1:
		return "1 preferred"
	}
	return strconv.Itoa(o.Priority)
}

func priorityTone(o app.OfferLine) widget.Importance {
	switch {
	case !o.Active:
		return widget.LowImportance
	case o.Priority == 1:
		return widget.SuccessImportance
	}
	return widget.MediumImportance
}

func marginTone(o app.OfferLine) widget.Importance {
	if o.Margin() <= 0 {
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

func supplierTone(o app.OfferLine) widget.Importance { return statusTone(o.SupplierStatus) }

// statusTone colours a supplier status: blocked red, paused amber.
func statusTone(s data.SupplierStatus) widget.Importance {
	switch s {
	case data.SupplierBlocked:
		return widget.DangerImportance
	case data.SupplierPaused:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// standingText is a scorecard standing for a list cell: "–" while there is too little
// history to judge, blank while not yet read.
func standingText(s app.Standing) string {
	switch s {
	case "":
		return ""
	case app.StandingInsufficient:
		return "–"
	}
	return s.Label()
}

// standingTone colours a standing as the Scorecards screen does: good green, poor amber,
// very poor red, too little data quiet.
func standingTone(s app.Standing) widget.Importance {
	switch s {
	case app.StandingExcellent:
		return widget.SuccessImportance
	case app.StandingPoor:
		return widget.WarningImportance
	case app.StandingVeryPoor:
		return widget.DangerImportance
	case app.StandingAverage:
		return widget.MediumImportance
	}
	return widget.LowImportance
}

// validity writes an offer's validity dates: "always", "from 1 Mar 2026", "1 Mar – 30 Jun 2026".
func validity(o data.Offer, today data.Day) string {
	switch {
	case o.ValidFrom == "" && o.ValidTo == "":
		return "always"
	case o.ValidTo == "":
		return "from " + shortDay(o.ValidFrom, today)
	case o.ValidFrom == "":
		return "until " + shortDay(o.ValidTo, today)
	}
	return shortDay(o.ValidFrom, today) + " – " + shortDay(o.ValidTo, today)
}
