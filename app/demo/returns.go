package demo

import (
	"fmt"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// Returns in the simulated year: customers send back a few percent of what shipped, a few
// days after it arrived; the shop receives the parcel some days later and closes the return.
const (
	returnAfterDays  = 6    // a parcel shipped on day D comes back (if at all) on day D+6
	receiveAfterDays = 4    // the returned goods reach the shop four days after the RMA
	customerReturn   = 0.01 // chance a shipped line comes back for reasons not the supplier's
	trialExtra       = 0.03 // trial products are described less well: more "not as described"
)

// pendingReturn is a return waiting for its goods to arrive.
type pendingReturn struct {
	id uint
}

// customerReasons are why customers return goods that were fine, with weights.
var customerReasons = []struct {
	reason data.ReturnReason
	weight int
}{
	{data.ReasonChangedMind, 40}, {data.ReasonOrderedWrong, 15}, {data.ReasonNotAsDescribed, 18},
	{data.ReasonDamagedInTransit, 14}, {data.ReasonAddressError, 5}, {data.ReasonLost, 4}, {data.ReasonOther, 4},
}

// supplierReasons are why goods a supplier got wrong come back, with weights.
var supplierReasons = []struct {
	reason data.ReturnReason
	weight int
}{{data.ReasonDefective, 70}, {data.ReasonWrongItemSent, 20}, {data.ReasonLate, 10}}

// returnComments are what customers write, by reason; "" is a return without a comment.
var returnComments = map[data.ReturnReason][]string{
	data.ReasonChangedMind:      {"", "Doesn't go with our kitchen after all.", "Gefällt mir doch nicht so gut.", "Bought it as a gift, they already had one.", ""},
	data.ReasonOrderedWrong:     {"", "Ordered the wrong colour, sorry!", "Zamówiłam zły rozmiar.", "Meant to order two different ones."},
	data.ReasonNotAsDescribed:   {"Much smaller than the photos suggest.", "The colour is nothing like the picture.", "Описание не соответствует: материал другой.", "Expected solid wood, it is veneer.", "Η υφή δεν είναι όπως στη φωτογραφία."},
	data.ReasonDamagedInTransit: {"Box was crushed, item broken inside.", "Arrived in pieces.", "Paket war nass und beschädigt."},
	data.ReasonAddressError:     {"Went to my old address.", "Parcel returned to sender — wrong house number."},
	data.ReasonLost:             {"Tracking says delivered, nothing arrived.", "Never received it."},
	data.ReasonLate:             {"Arrived after the birthday, no longer needed.", "Took three weeks, I bought one locally."},
	data.ReasonDefective:        {"Handle came off the first time I used it.", "Cracked glaze straight out of the box.", "Seam torn, threads loose.", "Hält nicht dicht.", "Stopped working after two days.", ""},
	data.ReasonWrongItemSent:    {"I ordered the sage one and got charcoal.", "Wrong item in the box.", "Got a completely different product."},
	data.ReasonOther:            {"", "Duplicate order."},
}

// takeReturns is the day's step for returns: parcels shipped returnAfterDays ago come back
// now and then (the unreliable suppliers' goods more often, as defective or wrong), and the
// returns opened receiveAfterDays ago arrive and are closed with a disposition that fits
// their reason. Only the lines shipped on one day are read: the work is that day's parcels.
func (g *generator) takeReturns(a *app.App, day data.Day) error {
	if err := g.settleReturns(a, day); err != nil {
		return err
	}
	lines, err := a.ShippedLinesOn(day.AddDays(-returnAfterDays))
	if err != nil {
		return err
	}
	byOrder := map[uint][]app.ReturnLineInput{}
	var orders []uint
	for _, l := range lines {
		reason, ok := g.returnReason(l)
		if !ok {
			continue
		}
		if len(byOrder[l.OrderID]) == 0 {
			orders = append(orders, l.OrderID)
		}
		qty := 1 + g.rng.IntN(l.Qty)
		byOrder[l.OrderID] = append(byOrder[l.OrderID], app.ReturnLineInput{OrderLineID: l.OrderLineID, Qty: qty, Reason: reason})
	}
	loc := a.Location()
	for _, id := range orders {
		in := byOrder[id]
		comments := returnComments[in[0].Reason]
		at := g.officeHours(day, loc, 9, 18)
		ret, err := a.OpenReturn(app.ReturnInput{OrderID: id, Lines: in, Comment: comments[g.rng.IntN(len(comments))], At: at})
		if err != nil {
			return fmt.Errorf("return of order %d: %w", id, err)
		}
		due := g.dayIndex + receiveAfterDays
		g.returnsDue[due] = append(g.returnsDue[due], pendingReturn{id: ret.ID})
	}
	return nil
}

// officeHours is a moment of the day between the hours given, or the zero time (now) when
// the simulated clock has not reached it yet: the day's earlier steps may have moved it on
// only as far as that, and nothing is recorded in the future.
func (g *generator) officeHours(day data.Day, loc *time.Location, from, to int) time.Time {
	at := day.Start(loc).Add(time.Duration(from*60+g.rng.IntN((to-from)*60)) * time.Minute)
	if at.After(g.clock.now()) {
		return time.Time{}
	}
	return at
}

// returnReason decides whether a shipped line comes back and why.
func (g *generator) returnReason(l app.ShippedLine) (data.ReturnReason, bool) {
	r := g.rng.Float64()
	if p := g.supplierReturnProb(l.SupplierID); r < p {
		w := make([]int, len(supplierReasons))
		for i, x := range supplierReasons {
			w[i] = x.weight
		}
		return supplierReasons[g.pick(w)].reason, true
	} else if r -= p; r < customerReturn {
		w := make([]int, len(customerReasons))
		for i, x := range customerReasons {
			w[i] = x.weight
		}
		return customerReasons[g.pick(w)].reason, true
	} else if r -= customerReturn; l.Trial && r < trialExtra {
		return data.ReasonNotAsDescribed, true
	}
	return "", false
}

// supplierReturnProb is the chance the supplier's goods come back through its fault.
func (g *generator) supplierReturnProb(id uint) float64 {
	if g.returnProb == nil {
		g.returnProb = map[uint]float64{}
		for _, s := range g.suppliers {
			g.returnProb[s.id] = s.profile.returnProb
		}
	}
	return g.returnProb[id]
}

// settleReturns receives the returns due today and closes them with a disposition.
func (g *generator) settleReturns(a *app.App, day data.Day) error {
	due := g.returnsDue[g.dayIndex]
	delete(g.returnsDue, g.dayIndex)
	loc := a.Location()
	for _, p := range due {
		d, err := a.ReturnDetail(p.id)
		if err != nil {
			return err
		}
		edit := app.ReturnEdit{ID: d.ID, Comment: d.CustomerComment, Note: d.InternalNote}
		for _, l := range d.Lines {
			edit.Lines = append(edit.Lines, app.ReturnLineEdit{ID: l.ID, Reason: l.Reason, Fault: l.Fault, Disposition: g.disposition(l)})
		}
		if err := a.UpdateReturn(edit); err != nil {
			return err
		}
		if !allLost(d.Lines) {
			if err := a.ReceiveReturn(d.ID, g.officeHours(day, loc, 8, 11)); err != nil {
				return err
			}
		}
		if _, err := a.CloseReturn(d.ID); err != nil {
			return fmt.Errorf("close %s: %w", d.Number, err)
		}
	}
	return nil
}

// allLost is true when none of the return's goods can arrive: every line was lost on the way.
func allLost(lines []app.ReturnDetailLine) bool {
	for _, l := range lines {
		if l.Reason != data.ReasonLost {
			return false
		}
	}
	return true
}

// disposition is what the shop does with the goods, given why they came back.
func (g *generator) disposition(l app.ReturnDetailLine) data.Disposition {
	type choice struct {
		d data.Disposition
		w int
	}
	var cs []choice
	switch l.Reason {
	case data.ReasonDefective, data.ReasonWrongItemSent:
		cs = []choice{{data.DispositionReturnToSupplier, 50}, {data.DispositionReplace, 30}, {data.DispositionRefund, 20}}
	case data.ReasonChangedMind, data.ReasonOrderedWrong, data.ReasonNotAsDescribed:
		cs = []choice{{data.DispositionKeepAsStock, 55}, {data.DispositionRefund, 45}}
	case data.ReasonDamagedInTransit:
		cs = []choice{{data.DispositionDiscard, 50}, {data.DispositionReplace, 50}}
	case data.ReasonLost, data.ReasonAddressError:
		cs = []choice{{data.DispositionReplace, 70}, {data.DispositionRefund, 30}}
	default:
		cs = []choice{{data.DispositionRefund, 1}}
	}
	w := make([]int, len(cs))
	for i, c := range cs {
		w[i] = c.w
	}
	d := cs[g.pick(w)].d
	if d == data.DispositionReturnToSupplier && l.Supplier == "" || d == data.DispositionKeepAsStock && l.ProductID == nil {
		return data.DispositionRefund // nobody to send it back to, or no product to shelve it as
	}
	return d
}
