package demo

import (
	"fmt"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// delivery is a supplier's parcel on its way: the PO it fills and whether it is the
// follow-up that brings what an earlier parcel lacked (which then arrives complete).
type delivery struct {
	poID     uint
	supplier *demoSupplier
	followUp bool
}

// receiveDeliveries is the day's step in which parcels arrive and are checked in through
// the Receiving screen's use case: POs sent since yesterday get a delivery day from their
// supplier's profile (late for the less reliable ones); parcels due today arrive, short or
// with damaged units as the profile has it; what is still owed follows a few days later.
func (g *generator) receiveDeliveries(a *app.App, day data.Day) error {
	if err := g.scheduleNewPOs(a, day); err != nil {
		return err
	}
	due := g.deliveries[day]
	delete(g.deliveries, day)
	loc := a.Location()
	var parcels []app.Parcel
	for _, d := range due {
		at := day.Start(loc).Add(time.Duration(9*60+g.rng.IntN(7*60)) * time.Minute)
		if g.clock.later(at) {
			continue // on its way: it comes later today
		}
		p, ok, err := g.receive(a, d, day, at)
		if err != nil {
			return fmt.Errorf("receive PO %d: %w", d.poID, err)
		}
		if ok {
			parcels = append(parcels, p)
		}
	}
	// The day's parcels are checked in together, each at its own time; a PO closed or
	// cancelled meanwhile is refused (its parcel goes back).
	if len(parcels) > 0 {
		if _, err := a.ReceiveParcels(parcels); err != nil {
			return err
		}
	}
	return nil
}

// scheduleNewPOs gives every PO sent since the last look the day its parcel will arrive.
func (g *generator) scheduleNewPOs(a *app.App, day data.Day) error {
	if g.deliveries == nil {
		g.deliveries = map[data.Day][]delivery{}
	}
	for {
		pos, err := a.ReceivingPOs(app.ReceivingQuery{AfterID: g.lastPO, Limit: 500})
		if err != nil {
			return err
		}
		for _, po := range pos {
			g.lastPO = max(g.lastPO, po.ID)
			s := g.supplierNamed(po.Supplier)
			if s == nil {
				continue
			}
			arrive := po.Expected
			if g.rng.Float64() < s.profile.lateProb {
				arrive = arrive.AddDays(1 + g.rng.IntN(max(s.profile.lateMax, 1)))
			}
			if arrive.IsZero() || arrive <= day {
				arrive = day.AddDays(1)
			}
			g.deliveries[arrive] = append(g.deliveries[arrive], delivery{poID: po.ID, supplier: s})
		}
		if len(pos) < 500 {
			return nil
		}
	}
}

func (g *generator) supplierNamed(name string) *demoSupplier {
	if g.supplierIndex == nil {
		g.supplierIndex = map[string]*demoSupplier{}
		for i := range g.suppliers {
			g.supplierIndex[g.suppliers[i].name] = &g.suppliers[i]
		}
	}
	return g.supplierIndex[name]
}

// troubleLines is about how many lines a demo parcel holds, for the chance it has a problem.
const troubleLines = 3

// receive unpacks one parcel. Most parcels are complete and go in with "all arrived as
// ordered" (no line-by-line read); a parcel with trouble is checked per line, each line
// short or with rejected units by chance, so the supplier's rates stay as its profile has
// them. What is still owed comes in a later parcel, which arrives complete. ok is false
// when nothing came after all.
func (g *generator) receive(a *app.App, d delivery, day data.Day, at time.Time) (p app.Parcel, ok bool, err error) {
	prof := d.supplier.profile
	trouble := min(1, troubleLines*(prof.shortProb+2*prof.defectProb))
	g.clock.set(at)
	p = app.Parcel{POID: d.poID, At: at}
	if d.followUp || g.rng.Float64() >= trouble {
		return p, true, nil
	}
	lines, err := a.ReceivingLines(d.poID)
	if err != nil {
		return p, false, err
	}
	owedAfter := 0
	for _, l := range lines {
		owed := l.Owed()
		if owed == 0 {
			continue
		}
		arrived := owed
		if g.rng.Float64() < prof.shortProb/trouble {
			arrived = g.rng.IntN(owed) // 0 … owed-1
		}
		rejected := 0
		for range arrived {
			if g.rng.Float64() < prof.defectProb/trouble {
				rejected++
			}
		}
		owedAfter += owed - arrived + rejected
		if arrived == 0 {
			continue
		}
		rl := app.ReceiveLine{POLineID: l.POLineID, Accepted: arrived - rejected, Rejected: rejected}
		if rejected > 0 {
			rl.Reason = data.RejectReasons[g.rng.IntN(len(data.RejectReasons))]
		}
		p.Lines = append(p.Lines, rl)
	}
	if owedAfter > 0 {
		next := day.AddDays(2 + g.rng.IntN(4))
		g.deliveries[next] = append(g.deliveries[next], delivery{poID: d.poID, supplier: d.supplier, followUp: true})
	}
	return p, len(p.Lines) > 0, nil
}
