package demo

import (
	"fmt"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// carriers are the services the demo shop posts parcels with, and how their tracking
// numbers look.
var carriers = []struct{ name, service, format string }{
	{"DHL", "Paket", "JJD%018d"},
	{"DHL", "Warenpost International", "LX%09dDE"},
	{"DPD", "Classic", "0%013d"},
	{"Hermes", "Päckchen", "H%019d"},
	{"GLS", "Business Parcel", "%011d"},
	{"UPS", "Standard", "1Z%016d"},
}

// shipReady is the day's step in which the parcels packed since yesterday go out: every
// order that became ready on an earlier day (most the next afternoon, a few a day later)
// ships with a carrier and a tracking number through the Pack & ship screen's use case.
func (g *generator) shipReady(a *app.App, day data.Day) error {
	ids, err := a.ReadyOrderIDs()
	if err != nil {
		return err
	}
	at := day.Start(a.Location()).Add(time.Duration(15*60+g.rng.IntN(120)) * time.Minute)
	if g.clock.later(at) {
		return nil // this afternoon's parcels are still to pack
	}
	var parcels []app.ShipInput
	for _, id := range ids {
		if g.rng.Float64() < 0.15 {
			continue // packed tomorrow
		}
		c := carriers[g.rng.IntN(len(carriers))]
		parcels = append(parcels, app.ShipInput{OrderID: id, Carrier: c.name, Service: c.service,
			Tracking: fmt.Sprintf(c.format, g.rng.Int64N(1e9)*1e3+int64(id)%1000), At: at})
	}
	if len(parcels) == 0 {
		return nil
	}
	g.clock.set(at)
	return a.ShipOrders(parcels)
}
