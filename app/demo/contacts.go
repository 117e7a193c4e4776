package demo

import (
	"fmt"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// contactTexts are what the shop writes into a supplier's log, by kind; {contact} is the
// supplier's contact person.
var contactTexts = map[data.EventKind][]string{
	data.EventMessage: {
		"Asked for a quote on a larger order for the Christmas season.",
		"They confirmed next quarter's price list; no changes.",
		"Asked them to wrap fragile items one by one.",
		"Sent our forecast for the next two months; {contact} confirmed they can cover it.",
		"They announced a holiday closure next week; orders placed before Thursday ship as usual.",
		"Asked for photos of the new colours before we list them.",
	},
	data.EventCall: {
		"Talked through delivery times with {contact}; they will ship before the cut-off whenever they can.",
		"Called about a late delivery; {contact} promised it ships tomorrow.",
		"Quarterly check-in with {contact}: volumes, new products, nothing to worry about.",
		"Negotiated free shipping on orders over €300.",
	},
	data.EventIssue: {
		"Three items arrived damaged; they will credit us.",
		"Wrong colour sent; a replacement is on its way.",
		"Delivery came two days late without notice.",
		"The invoice did not match the agreed prices; {contact} is correcting it.",
		"Parcel arrived without a packing list; hard to check.",
	},
	data.EventNote: {
		"Considering them as a second source for our best sellers.",
		"Their portal was down most of the day; ordered by e-mail instead.",
		"Good experience overall; keep them as first choice.",
	},
}

// talkToSuppliers is the day's step that logs the shop's contacts with its suppliers: a
// message, a call, an issue or a note every few weeks each, through the contact log's own
// use case. Sloppy and unresponsive suppliers cause more issues; a blocked one is not
// talked to any more.
func (g *generator) talkToSuppliers(a *app.App, day data.Day) error {
	for i := range g.suppliers {
		s := &g.suppliers[i]
		if g.rng.Float64() >= 0.02 || s.status == data.SupplierBlocked {
			continue
		}
		issues := 10
		if s.profile.kind == "sloppy" || s.profile.kind == "unresponsive" {
			issues = 35
		}
		kind := []data.EventKind{data.EventMessage, data.EventCall, data.EventIssue, data.EventNote}[g.pick([]int{40, 30, issues, 10})]
		texts := contactTexts[kind]
		text := texts[g.rng.IntN(len(texts))]
		text = strings.ReplaceAll(text, "{contact}", s.contact)
		at := day.Start(a.Location()).Add(time.Duration(9*60+g.rng.IntN(8*60)) * time.Minute) // office hours
		if at.After(g.clock.now()) {
			at = g.clock.now()
		}
		in := app.EventInput{SupplierID: s.id, At: at, Kind: kind, Channel: g.channel(s, kind), Text: text}
		if _, err := a.AddSupplierEvent(in); err != nil {
			return fmt.Errorf("log a contact with %s: %w", s.name, err)
		}
	}
	return nil
}

// channel picks how a contact of this kind went, among the ways the supplier can be reached.
func (g *generator) channel(s *demoSupplier, kind data.EventKind) string {
	switch kind {
	case data.EventCall:
		return "phone"
	case data.EventNote:
		return ""
	}
	ways := []string{"email", "email"}
	if s.portal {
		ways = append(ways, "portal")
	}
	if s.chat {
		ways = append(ways, "chat")
	}
	return ways[g.rng.IntN(len(ways))]
}
