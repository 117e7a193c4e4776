package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"clockwork/data"
)

// Stage is one step of an order's JIT journey.
type Stage string

// The stages of the timeline, in order; cancelled ends a cancelled order's timeline.
const (
	StagePlaced       Stage = "placed"
	StageOnPO         Stage = "on_po"
	StagePOSent       Stage = "po_sent"
	StageAcknowledged Stage = "acknowledged"
	StageReceived     Stage = "received"
	StagePacked       Stage = "packed"
	StageShipped      Stage = "shipped"
	StageCancelled    Stage = "cancelled"
)

// TimelineStep is one stage of an order's journey: done with its time, or what it waits for.
type TimelineStep struct {
	Stage Stage
	Title string
	Done  bool
	At    time.Time // when it was reached; zero when not yet, or not recorded
	Note  string    // what it waits for, or a detail of how it went
	Alert bool      // the owner must act: an unknown SKU, a late delivery, a missed ship-by day
}

// timeline works out the order's journey from its lines, their POs and receipts, and its
// shipment: placed → on PO → PO sent → acknowledged → received → packed → shipped.
func timeline(o data.Order, lines []DetailLine, ship *data.Shipment, today data.Day) []TimelineStep {
	steps := []TimelineStep{{Stage: StagePlaced, Title: "Placed", Done: true, At: o.PlacedAt, Note: placedNote(o)}}
	var open []DetailLine
	for _, l := range lines {
		if l.State != data.LineCancelled {
			open = append(open, l)
		}
	}
	if o.Status == data.OrderCancelled || len(open) == 0 {
		c := TimelineStep{Stage: StageCancelled, Title: "Cancelled", Done: true, Note: "nothing will ship"}
		if o.CancelledAt != nil {
			c.At = *o.CancelledAt
		}
		return append(steps, c)
	}
	onPO := onPOStep(open)
	sent := sentStep(open, onPO.Done)
	ack := ackStep(open, sent.Done)
	recv := receivedStep(open, today)
	if recv.Done && !ack.Done {
		ack.Done, ack.Note = true, "not confirmed by the supplier, but the goods came"
	}
	packed := TimelineStep{Stage: StagePacked, Title: "Packed", Note: "waits for every item to arrive"}
	shipped := TimelineStep{Stage: StageShipped, Title: "Shipped", Note: shipByNote(o, today), Alert: o.AtRisk || o.ShipBy != "" && o.ShipBy < today}
	if recv.Done {
		packed.Note = "ready to pack"
	}
	if ship != nil && ship.PackedAt != nil {
		packed.Done, packed.At, packed.Note = true, *ship.PackedAt, ""
	}
	if ship != nil && ship.ShippedAt != nil || o.ShippedAt != nil {
		shipped.Done, shipped.Note, shipped.Alert = true, "", false
		if o.ShippedAt != nil {
			shipped.At = *o.ShippedAt
		}
		if ship != nil {
			if ship.ShippedAt != nil {
				shipped.At = *ship.ShippedAt
			}
			shipped.Note = strings.TrimSpace(ship.Carrier + " " + ship.Tracking)
			if ship.CustomerMail != "" {
				shipped.Note = strings.TrimSpace(shipped.Note + " · " + ship.CustomerMail)
			}
		}
		packed.Done = true
	}
	return append(steps, onPO, sent, ack, recv, packed, shipped)
}

func placedNote(o data.Order) string {
	if o.Channel == data.ChannelManual {
		return "typed in by hand"
	}
	return "from " + channelName(o.Channel)
}

func channelName(c data.Channel) string {
	switch c {
	case data.ChannelShopify:
		return "Shopify"
	case data.ChannelWooCommerce:
		return "WooCommerce"
	case data.ChannelEtsy:
		return "Etsy"
	}
	return "an import"
}

func onPOStep(open []DetailLine) TimelineStep {
	s := TimelineStep{Stage: StageOnPO, Title: "On a PO"}
	var waiting, unknown []string
	for _, l := range open {
		switch {
		case l.State == data.LineUnpurchased && l.Unknown:
			unknown = append(unknown, skuOrTitle(l.OrderLine))
		case l.State == data.LineUnpurchased:
			waiting = append(waiting, skuOrTitle(l.OrderLine))
		case l.OnPOAt.After(s.At):
			s.At = l.OnPOAt
		}
	}
	switch {
	case len(unknown) > 0:
		s.Note, s.Alert = fmt.Sprintf("%s not in the catalog: map it to a product", strings.Join(unknown, ", ")), true
	case len(waiting) == len(open):
		s.Note = "not bought yet: plan purchases"
	case len(waiting) > 0:
		s.Note = fmt.Sprintf("%d of %d lines not bought yet: plan purchases", len(waiting), len(open))
	default:
		s.Done = true
		s.Note = strings.Join(poNumbers(open, func(*POLink) bool { return true }), ", ")
		if s.Note == "" {
			s.Note = "from spare stock"
		}
	}
	if !s.Done {
		s.At = time.Time{}
	}
	return s
}

func sentStep(open []DetailLine, onPO bool) TimelineStep {
	s := TimelineStep{Stage: StagePOSent, Title: "PO sent", Note: "waits for a purchase order"}
	drafts := poNumbers(open, func(p *POLink) bool { return p.Status == data.PODraft })
	if len(drafts) > 0 {
		s.Note = strings.Join(drafts, ", ") + " is a draft: send it"
		return s
	}
	if !onPO {
		return s
	}
	s.Done, s.Note = true, ""
	for _, l := range open {
		if l.PO != nil && l.PO.SentAt != nil && l.PO.SentAt.After(s.At) {
			s.At = *l.PO.SentAt
		}
	}
	if s.At.IsZero() {
		s.Note = "nothing to buy"
	}
	return s
}

func ackStep(open []DetailLine, sent bool) TimelineStep {
	s := TimelineStep{Stage: StageAcknowledged, Title: "Acknowledged", Note: "waits for the PO to be sent"}
	if !sent {
		return s
	}
	var waiting []string
	for _, l := range open {
		switch {
		case l.PO == nil:
		case l.PO.AcknowledgedAt == nil:
			w := fmt.Sprintf("%s to confirm %s", l.PO.Supplier, l.PO.Number)
			if !slices.Contains(waiting, w) {
				waiting = append(waiting, w)
			}
		case l.PO.AcknowledgedAt.After(s.At):
			s.At = *l.PO.AcknowledgedAt
		}
	}
	if len(waiting) > 0 {
		s.At, s.Note = time.Time{}, "waiting for "+strings.Join(waiting, ", ")
		return s
	}
	s.Done, s.Note = true, ""
	return s
}

func receivedStep(open []DetailLine, today data.Day) TimelineStep {
	s := TimelineStep{Stage: StageReceived, Title: "Received"}
	var waiting []string
	for _, l := range open {
		if l.State == data.LineReceived || l.State == data.LineShipped {
			if l.ReceivedAt != nil && l.ReceivedAt.After(s.At) {
				s.At = *l.ReceivedAt
			}
			continue
		}
		if l.PO == nil || l.PO.Expected() == "" {
			continue
		}
		w := fmt.Sprintf("%s from %s expected %s", l.PO.Number, l.PO.Supplier, DayText(l.PO.Expected(), today))
		if l.PO.Expected() < today {
			w = fmt.Sprintf("%s from %s was due %s: chase the supplier", l.PO.Number, l.PO.Supplier, DayText(l.PO.Expected(), today))
			s.Alert = true
		}
		if !slices.Contains(waiting, w) {
			waiting = append(waiting, w)
		}
	}
	for _, l := range open {
		if l.State != data.LineReceived && l.State != data.LineShipped {
			s.At, s.Note = time.Time{}, strings.Join(waiting, "; ")
			if s.Note == "" {
				s.Note = "waits for the goods to be ordered"
			}
			return s
		}
	}
	s.Done = true
	return s
}

func shipByNote(o data.Order, today data.Day) string {
	switch {
	case o.ShipBy == "":
		return ""
	case o.ShipBy < today:
		return "was due to ship by " + DayText(o.ShipBy, today)
	case o.AtRisk:
		return "ship by " + DayText(o.ShipBy, today) + ": at risk, a supplier is late"
	}
	return "ship by " + DayText(o.ShipBy, today)
}

// poNumbers lists the distinct numbers of the lines' POs that match keep.
func poNumbers(lines []DetailLine, keep func(*POLink) bool) []string {
	var out []string
	for _, l := range lines {
		if l.PO != nil && keep(l.PO) && !slices.Contains(out, l.PO.Number) {
			out = append(out, l.PO.Number)
		}
	}
	return out
}

func skuOrTitle(l data.OrderLine) string {
	if l.SKU != "" {
		return l.SKU
	}
	return "“" + l.Title + "”"
}
