package demo

import (
	"fmt"
	"slices"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// ratingsEvery is how many simulated days the suppliers' scorecard ratings are kept before
// they are read again: a scorecard over twelve months hardly moves in a week, and reading
// it every day would make each day cost as much as the whole history.
const ratingsEvery = 30

// pendingAck is a supplier's answer still to come.
type pendingAck struct {
	poID uint
	at   time.Time
	ack  app.Ack
}

// purchaseState is what the purchasing step remembers from day to day.
type purchaseState struct {
	placed     []uint // orders placed today, to be purchased
	retry      []uint // orders with lines planning could not buy (not unknown SKUs): tried again
	ratings    map[uint]app.SupplierRating
	ratedOn    int
	bySupplier map[uint]int
	acks       []pendingAck // sorted by at
}

// purchase is the day's step that buys what the day's orders need: the shop plans them
// onto drafts, sends every draft, and the suppliers answer each at its own speed (some
// never). The work is the day's orders and POs, plus the answers falling due.
func (g *generator) purchase(a *app.App, day data.Day) error {
	st := &g.buying
	if st.ratings == nil || g.dayIndex-st.ratedOn >= ratingsEvery {
		r, err := a.SupplierRatings(day)
		if err != nil {
			return err
		}
		st.ratings, st.ratedOn = judged(r), g.dayIndex
		st.placed, st.retry = append(st.placed, st.retry...), nil
	}
	if len(st.placed) > 0 {
		res, err := a.PurchaseWith(app.PlanOptions{OrderIDs: st.placed, Ratings: st.ratings})
		if err != nil {
			return err
		}
		st.placed = st.placed[:0]
		for _, e := range res.Exceptions {
			if e.Reason != app.ExceptionUnknownSKU && !slices.Contains(st.retry, e.OrderID) {
				st.retry = append(st.retry, e.OrderID)
			}
		}
		if len(res.POIDs) > 0 {
			sent, err := a.SendPOs(res.POIDs)
			if err != nil {
				return err
			}
			for _, po := range sent {
				g.expectAnswer(po)
			}
		}
	}
	return g.answerPOs(a)
}

// expectAnswer schedules the supplier's answer to a PO just sent, by its profile.
func (g *generator) expectAnswer(po data.PurchaseOrder) {
	st := &g.buying
	if st.bySupplier == nil {
		st.bySupplier = make(map[uint]int, len(g.suppliers))
		for i, s := range g.suppliers {
			st.bySupplier[s.id] = i
		}
	}
	s := st.bySupplier[po.SupplierID]
	p := g.suppliers[s].profile
	if g.rng.Float64() >= p.ackProb {
		return // this one is never answered
	}
	hours := p.ackHours[0] + g.rng.IntN(p.ackHours[1]-p.ackHours[0]+1)
	at := po.SentAt.Add(time.Duration(hours)*time.Hour + time.Duration(g.rng.IntN(60))*time.Minute)
	ack := app.Ack{At: at, SupplierRef: fmt.Sprintf("SO-%d-%05d", s+1, po.ID), Channel: "email"}
	if g.rng.Float64() < p.lateProb {
		ack.Expected = po.PromisedDate.AddDays(1 + g.rng.IntN(p.lateMax))
	}
	if g.rng.Float64() < 0.6 {
		ack.Carrier = []string{"DHL", "DPD", "GLS", "UPS", "Hermes"}[g.rng.IntN(5)]
		ack.Tracking = fmt.Sprintf("%s%010d", ack.Carrier[:1], g.rng.IntN(1e10))
	}
	i, _ := slices.BinarySearchFunc(st.acks, at, func(x pendingAck, t time.Time) int { return x.at.Compare(t) })
	st.acks = slices.Insert(st.acks, i, pendingAck{poID: po.ID, at: at, ack: ack})
}

// answerPOs records the suppliers' answers that have come by now, each at its own time,
// all in one AcknowledgePOs.
func (g *generator) answerPOs(a *app.App) error {
	st := &g.buying
	now := g.clock.now()
	var answers []app.POAnswer
	n := 0
	for ; n < len(st.acks) && !st.acks[n].at.After(now); n++ {
		answers = append(answers, app.POAnswer{POID: st.acks[n].poID, Ack: st.acks[n].ack})
	}
	if err := a.AcknowledgePOs(answers); err != nil {
		return err
	}
	st.acks = st.acks[n:]
	return nil
}

// judged keeps the ratings only once the simulated shop has received goods at all: a
// scorecard judges deliveries, and while the year's steps receive nothing (no receiving
// step) every supplier would look very poor for goods it was never asked to hand over.
func judged(r map[uint]app.SupplierRating) map[uint]app.SupplierRating {
	for _, x := range r {
		if x.Received > 0 {
			return r
		}
	}
	return map[uint]app.SupplierRating{}
}
