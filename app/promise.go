package app

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"clockwork/data"
)

// MinLeadHistory is how many received PO lines a supplier needs before its real lead times,
// rather than the days it quotes, decide a promise.
const MinLeadHistory = 5

// leadHistoryDays is how far back a supplier's deliveries count for its lead time.
const leadHistoryDays = 365

// promiser works out ship-by days (DESIGN 4) inside one transaction, remembering what it
// looked up, so an import of many orders for the same products asks the database once.
type promiser struct {
	sql        *data.TxSQL
	leads      *leadHistory
	version    int64 // data version at the start: tells whether leads still holds
	loc        *time.Location
	today      data.Day
	since      time.Time
	handling   int
	bySupplier map[uint]int // p90 lead days from history; -1: fewer than MinLeadHistory received lines
	byProduct  map[uint]int // the preferred offer's lead days; -1: no usable offer
	byOffer    map[uint]int
	days       map[dayKey]data.Day // see dayAfter
}

func newPromiser(q *data.TxSQL, leads *leadHistory, loc *time.Location, now time.Time) (*promiser, error) {
	var handling int
	if err := q.QueryRow("SELECT handling_days FROM shops ORDER BY id LIMIT 1", nil, &handling); err != nil {
		return nil, fmt.Errorf("read handling days: %w", err)
	}
	version, err := q.DataVersion()
	if err != nil {
		return nil, fmt.Errorf("read data version: %w", err)
	}
	return &promiser{
		sql: q, leads: leads, version: version, loc: loc, today: data.DayOf(now, loc), since: now.AddDate(0, 0, -leadHistoryDays).UTC(),
		handling: handling, bySupplier: map[uint]int{}, byProduct: map[uint]int{}, byOffer: map[uint]int{},
		days: map[dayKey]data.Day{},
	}, nil
}

// promiseLine is what one order line brings to its order's promise.
type promiseLine struct {
	ProductID *uint
	OfferID   *uint // the offer chosen for it on a purchase order, if it is on one
	State     data.LineState
}

// shipBy is the placed day + the longest lead time over the order's lines (the chosen offer's,
// else the preferred one's) + the shop's handling days. Cancelled lines and lines with no
// usable offer (an unknown SKU) add no lead time: nothing is known about them yet.
func (p *promiser) shipBy(placed time.Time, lines []promiseLine) (data.Day, error) {
	lead := 0
	for _, l := range lines {
		if l.State.Settled() {
			continue
		}
		d, err := p.lineLead(l)
		if err != nil {
			return "", err
		}
		lead = max(lead, d)
	}
	return p.dayAfter(placed, lead+p.handling), nil
}

// dayKey is a calendar day and a number of days after it.
type dayKey struct {
	y, d, after int
	m           time.Month
}

// dayAfter is the day days after the day of t, remembered: an import's 100,000 orders fall
// on a few hundred days, and writing and reading a day as text is most of the work.
func (p *promiser) dayAfter(t time.Time, days int) data.Day {
	y, m, d := t.In(p.loc).Date()
	k := dayKey{y: y, m: m, d: d, after: days}
	if day, ok := p.days[k]; ok {
		return day
	}
	day := data.DayOf(t, p.loc).AddDays(days)
	p.days[k] = day
	return day
}

func (p *promiser) lineLead(l promiseLine) (int, error) {
	if l.OfferID != nil {
		if d, err := p.offerLead(*l.OfferID); err != nil || d >= 0 {
			return d, err
		}
	}
	if l.ProductID != nil {
		d, err := p.productLead(*l.ProductID)
		return max(d, 0), err
	}
	return 0, nil
}

// offerTerms is what a lead time is worked out from.
type offerTerms struct {
	SupplierID     uint
	LeadDays       int
	QuotedLeadDays int // the supplier's SLA, when the offer quotes no days of its own
}

// offerTermsCols and offerTermsFrom read an offer's terms; the batches (promise_batch.go)
// select the offer or product they look up before them.
const (
	offerTermsCols = "offers.supplier_id, offers.lead_days, suppliers.quoted_lead_days"
	offerTermsFrom = " FROM offers JOIN suppliers ON suppliers.id = offers.supplier_id"
	offerTermsSQL  = "SELECT " + offerTermsCols + offerTermsFrom
)

// preferredOrder sorts a product's buyable offers (buyableOffer), the preferred one first.
const preferredOrder = "offers.priority, offers.unit_cost, offers.id"

// offerLead is one offer's p90 lead days, or -1 when the offer is gone.
func (p *promiser) offerLead(id uint) (int, error) {
	if d, ok := p.byOffer[id]; ok {
		return d, nil
	}
	var t offerTerms
	err := p.sql.QueryRow(offerTermsSQL+" WHERE offers.id = ?", []any{id}, &t.SupplierID, &t.LeadDays, &t.QuotedLeadDays)
	d := -1
	if err == nil {
		d, err = p.termsLead(t)
	} else if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	if err != nil {
		return 0, fmt.Errorf("lead time of offer %d: %w", id, err)
	}
	p.byOffer[id] = d
	return d, nil
}

// productLead is the lead days of the product's preferred offer among those the shop may
// buy (buyable), lowest priority number then cheapest; -1 when it has none.
func (p *promiser) productLead(id uint) (int, error) {
	if d, ok := p.byProduct[id]; ok {
		return d, nil
	}
	rows, err := p.sql.Query(offerTermsSQL+" WHERE offers.product_id = ?"+buyableOffer+" ORDER BY "+preferredOrder,
		append([]any{id}, buyableArgs(p.today)...)...)
	if err != nil {
		return 0, fmt.Errorf("lead time of product %d: %w", id, err)
	}
	// Read the offers through before looking up their suppliers' histories: a connection to
	// PostgreSQL runs one query at a time.
	var offers []offerTerms
	for rows.Next() {
		var t offerTerms
		if err = rows.Scan(&t.SupplierID, &t.LeadDays, &t.QuotedLeadDays); err != nil {
			break
		}
		offers = append(offers, t)
	}
	rows.Close()
	if err == nil {
		err = rows.Err()
	}
	d := -1
	for _, t := range offers {
		if err == nil && !p.leads.veryPoor.has(t.SupplierID) {
			d, err = p.termsLead(t)
			break
		}
	}
	if err != nil {
		return 0, fmt.Errorf("lead time of product %d: %w", id, err)
	}
	p.byProduct[id] = d
	return d, nil
}

// termsLead is the supplier's p90 from history when it has enough, else the quoted days.
func (p *promiser) termsLead(t offerTerms) (int, error) {
	h, err := p.supplierP90(t.SupplierID)
	if err != nil || h >= 0 {
		return h, err
	}
	if t.LeadDays > 0 {
		return t.LeadDays, nil
	}
	return max(t.QuotedLeadDays, 0), nil
}

// supplierP90 is the 90th percentile (nearest rank) of the supplier's lead times over the
// last year: first receipt day − PO sent day for each received PO line; -1 when fewer than
// MinLeadHistory lines were received.
func (p *promiser) supplierP90(id uint) (int, error) {
	if d, ok := p.bySupplier[id]; ok {
		return d, nil
	}
	samples, err := p.leads.samples(id, p.since, p.version, p.loc, func(from time.Time) ([]leadSample, error) {
		return supplierLeadDays(p.sql, p.loc, id, from)
	})
	if err != nil {
		return 0, fmt.Errorf("lead history of supplier %d: %w", id, err)
	}
	d := -1
	if len(samples) >= MinLeadHistory {
		days := make([]int, len(samples))
		for i, s := range samples {
			days[i] = s.days
		}
		d = nearestRank(days, 90)
	}
	p.bySupplier[id] = d
	return d, nil
}

// supplierLeadDays lists, per PO line of the supplier sent since `since` that has a receipt,
// when it was sent and the days from sending to its first receipt.
func supplierLeadDays(q *data.TxSQL, loc *time.Location, supplierID uint, since time.Time) ([]leadSample, error) {
	rows, err := q.Query(`SELECT po_lines.id, purchase_orders.sent_at, receipts.received_at
		FROM po_lines JOIN purchase_orders ON purchase_orders.id = po_lines.purchase_order_id
		JOIN receipt_lines ON receipt_lines.po_line_id = po_lines.id
		JOIN receipts ON receipts.id = receipt_lines.receipt_id
		WHERE purchase_orders.supplier_id = ? AND purchase_orders.sent_at >= ?`, supplierID, since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	first := map[uint]leadSample{}
	var order []uint
	for rows.Next() {
		var line uint
		var sent, got time.Time
		if err := rows.Scan(&line, &sent, &got); err != nil {
			return nil, err
		}
		d := data.DayOf(sent, loc).DaysUntil(data.DayOf(got, loc))
		if old, ok := first[line]; !ok || d < old.days {
			if !ok {
				order = append(order, line)
			}
			first[line] = leadSample{sent: sent, days: d}
		}
	}
	out := make([]leadSample, 0, len(order))
	for _, l := range order {
		out = append(out, first[l])
	}
	return out, rows.Err()
}

// nearestRank is the nearest-rank percentile of xs (DESIGN 6): sorted x₁…xₙ, x at rank ⌈p·n/100⌉.
func nearestRank(xs []int, p int) int {
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := (p*len(s) + 99) / 100
	return s[max(rank, 1)-1]
}
