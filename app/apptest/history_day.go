package apptest

import (
	"fmt"
	"sort"
	"time"

	"clockwork/data"
)

// synthOrder is a customer order of the synthetic year and what became of it.
type synthOrder struct {
	id      int64
	placed  time.Time
	lines   []*synthLine
	shipped time.Time // zero: not shipped by the end
}

// synthLine is an order line, the PO line serving it and its deliveries.
type synthLine struct {
	order      *synthOrder
	id, poLine int64
	sku        string
	supplier   int
	qty        int
	price      data.Money
	deliveries []delivery
	full       time.Time // when accepted units reached qty; zero: never
}

type delivery struct {
	at       time.Time
	acc, rej int
}

// synthPO is one supplier's purchase order for a day's lines.
type synthPO struct {
	supplier        int
	sent, ack       time.Time
	promised        time.Time
	lines           []*synthLine
	arrival, second time.Time
}

// day simulates one day: the orders that came in, a PO per supplier, their deliveries,
// shipping and returns; then writes it all.
func (w *historyWriter) day(day time.Time, target int) {
	var orders []*synthOrder
	groups := map[int][]*synthLine{}
	for n := 0; n < target; {
		o := &synthOrder{placed: day.Add(time.Duration(7*60+w.rng.IntN(540)) * time.Minute)}
		for k := 1 + w.rng.IntN(4); k > 0; k-- {
			l := &synthLine{order: o, supplier: w.supplierFor(), qty: 1 + w.rng.IntN(3)*w.rng.IntN(2), price: data.Money(500 + w.rng.IntN(9000))}
			o.lines = append(o.lines, l)
			groups[l.supplier] = append(groups[l.supplier], l)
			n++
		}
		orders = append(orders, o)
	}
	suppliers := make([]int, 0, len(groups))
	for s := range groups {
		suppliers = append(suppliers, s)
	}
	sort.Ints(suppliers)
	var pos []*synthPO
	for _, s := range suppliers {
		pos = append(pos, w.deliver(day, s, groups[s]))
	}
	for _, o := range orders {
		w.ship(o)
		w.writeOrder(o)
	}
	for _, po := range pos {
		w.writePO(po)
	}
	for _, o := range orders {
		w.writeReturns(o)
	}
}

// deliver decides how the supplier handles the day's PO: acknowledgement, arrival, short
// and rejected units, and whether the rest comes later.
func (w *historyWriter) deliver(day time.Time, s int, lines []*synthLine) *synthPO {
	b := w.kinds[s]
	po := &synthPO{supplier: s, lines: lines, sent: day.Add(time.Duration(16*60+w.rng.IntN(90)) * time.Minute)}
	po.promised = day.AddDate(0, 0, b.quoted)
	if w.rng.Float64() < b.ack {
		hours := b.ackFrom + w.rng.IntN(b.ackTo-b.ackFrom+1)
		po.ack = po.sent.Add(time.Duration(hours)*time.Hour + time.Duration(w.rng.IntN(60))*time.Minute)
	}
	late := 0
	switch r := w.rng.Float64(); {
	case r < b.late:
		late = 1 + w.rng.IntN(b.lateMax)
	case r < b.late+0.2 && b.quoted > 1:
		late = -1
	}
	po.arrival = po.promised.AddDate(0, 0, late).Add(time.Duration(9*60+w.rng.IntN(480)) * time.Minute)
	po.second = po.arrival.AddDate(0, 0, 2+w.rng.IntN(5))
	for _, l := range lines {
		rejected := 0
		for u := 0; u < l.qty; u++ {
			if w.rng.Float64() < b.defect {
				rejected++
			}
		}
		short := 0
		if w.rng.Float64() < b.short {
			short = min(1+w.rng.IntN(l.qty), l.qty-rejected)
		}
		missing := short + rejected
		if !po.arrival.After(w.dayEnd()) {
			l.deliveries = append(l.deliveries, delivery{at: po.arrival, acc: l.qty - missing, rej: rejected})
			l.full = po.arrival
		}
		if missing > 0 {
			l.full = time.Time{}
			if w.rng.Float64() < 0.85 && !po.second.After(w.dayEnd()) {
				l.deliveries = append(l.deliveries, delivery{at: po.second, acc: missing})
				l.full = po.second
			}
		}
	}
	return po
}

// dayEnd is the last moment of the simulated year.
func (w *historyWriter) dayEnd() time.Time { return w.end.Add(23*time.Hour + 59*time.Minute) }

// ship sends the order the day after its last line is complete, if that is within the year.
func (w *historyWriter) ship(o *synthOrder) {
	var last time.Time
	for _, l := range o.lines {
		if l.full.IsZero() {
			return
		}
		if l.full.After(last) {
			last = l.full
		}
	}
	at := time.Date(last.Year(), last.Month(), last.Day()+1, 15, 0, 0, 0, time.UTC)
	if !at.After(w.dayEnd()) {
		o.shipped = at
	}
}

func (w *historyWriter) writeOrder(o *synthOrder) {
	status, state := "purchasing", data.LineOrdered
	var shippedAt any
	if !o.shipped.IsZero() {
		status, state, shippedAt = "shipped", data.LineShipped, o.shipped
	}
	var total data.Money
	for _, l := range o.lines {
		total += l.price * data.Money(l.qty)
	}
	number := fmt.Sprintf("#%d", 10001+w.ids["order"])
	o.id = w.insert("order", number, o.placed, status, data.DayOf(o.placed.AddDate(0, 0, 5), time.UTC), shippedAt, total)
	for i, l := range o.lines {
		st := state
		if st == data.LineOrdered && !l.full.IsZero() {
			st = data.LineReceived
		}
		l.sku = fmt.Sprintf("SKU-%05d", (int(o.id)*7+i)%20000)
		l.id = w.insert("oline", o.id, l.sku, "Enamel Mug", l.qty, l.price, st)
	}
}

func (w *historyWriter) writePO(po *synthPO) {
	status := "sent"
	var ack any
	if !po.ack.IsZero() && !po.ack.After(w.dayEnd()) {
		status, ack = "acknowledged", po.ack
	}
	received, complete := false, true
	for _, l := range po.lines {
		received = received || len(l.deliveries) > 0
		complete = complete && !l.full.IsZero()
	}
	switch {
	case received && complete:
		status = "received"
	case received:
		status = "partially_received"
	}
	number := fmt.Sprintf("PO-%06d", w.ids["po"]+1)
	id := w.insert("po", number, int64(po.supplier+1), status, po.sent, ack, data.DayOf(po.promised, time.UTC))
	w.insert("event", int64(po.supplier+1), id, po.sent, data.EventPOSent, "sent "+number)
	if ack != nil {
		w.insert("event", int64(po.supplier+1), id, po.ack, data.EventAcknowledged, "confirmed "+number)
	}
	for _, l := range po.lines {
		acc, rej := 0, 0
		for _, d := range l.deliveries {
			acc, rej = acc+d.acc, rej+d.rej
		}
		cost := l.price * 6 / 10
		paid := cost
		if w.rng.Float64() < w.kinds[po.supplier].late/4 {
			paid = cost * 21 / 20 // now and then a supplier charges 5 % more than quoted
		}
		l.poLine = w.insert("pline", id, l.id, l.sku, "S-"+l.sku, l.qty, paid, cost, acc, rej)
	}
	for _, when := range []time.Time{po.arrival, po.second} {
		w.writeReceipt(id, po, when)
	}
}

// writeReceipt writes the delivery of po at when, if any line got units then.
func (w *historyWriter) writeReceipt(poID int64, po *synthPO, when time.Time) {
	var receipt int64
	for _, l := range po.lines {
		for _, d := range l.deliveries {
			if !d.at.Equal(when) {
				continue
			}
			if receipt == 0 {
				receipt = w.insert("receipt", poID, when)
			}
			reason := ""
			if d.rej > 0 {
				reason = string(data.RejectDamaged)
			}
			w.insert("rline", receipt, l.poLine, d.acc, d.rej, reason)
		}
	}
}

// writeReturns sends back a few shipped lines: supplier faults by the supplier's record,
// and some customers who changed their minds.
func (w *historyWriter) writeReturns(o *synthOrder) {
	if o.shipped.IsZero() {
		return
	}
	opened := o.shipped.AddDate(0, 0, 4+w.rng.IntN(16))
	if opened.After(w.dayEnd()) {
		return
	}
	var ret int64
	for _, l := range o.lines {
		reason := data.ReturnReason("")
		switch r := w.rng.Float64(); {
		case r < w.kinds[l.supplier].ret:
			reason = data.ReasonDefective
		case r < w.kinds[l.supplier].ret+0.015:
			reason = data.ReasonChangedMind
		}
		if reason == "" {
			continue
		}
		if ret == 0 {
			ret = w.insert("return", fmt.Sprintf("RMA-%05d", w.ids["return"]+1), o.id, opened)
		}
		w.insert("retline", ret, l.id, l.poLine, 1, reason, data.DefaultFault(reason))
	}
}
