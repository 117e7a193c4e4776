// Package demo fills an empty database with a realistic shop: suppliers that behave
// differently, a catalog, customers from many countries and a year of orders. It walks a
// simulated clock day by day through the app's own actions (no hand-written rows), so the
// shop it leaves looks lived in on every screen. The same seed gives the same shop.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"time"

	"clockwork/app"
	"clockwork/assets"
	"clockwork/data"
)

// Options say how big a shop to make.
type Options struct {
	Orders   int
	Seed     int64
	Progress func(done, total int) // called after each simulated day; may be nil
}

// Summary says what was made.
type Summary struct {
	Suppliers, Products, Orders int
	From, To                    data.Day
}

// ErrNotEmpty means the database already holds data; the demo never mixes with a real shop.
var ErrNotEmpty = errors.New("the database already holds a shop (orders, products or suppliers); the demo needs an empty database, e.g. --db demo.db")

// MaxOrders bounds the demo's size.
const MaxOrders = 1_000_000

// Days is how long the simulated history is.
const Days = 365

// gcPercent and heapLimit tune Go's collector while the demo runs (see Generate).
const (
	gcPercent = 400
	heapLimit = 256 << 20
)

type demoSupplier struct {
	id            uint
	name, contact string
	status        data.SupplierStatus
	profile       profile
	cats          []int
	stockFeed     bool          // sends stock figures: its offers carry availability
	portal, chat  bool          // ways to reach it besides e-mail and phone
	offers        []*data.Offer // as last saved
}

type demoProduct struct {
	sku, title string
	price      data.Money
}

// generator holds the simulation's state: its random source, clock and what it made.
type generator struct {
	rng        *rand.Rand
	clock      *simClock
	start      data.Day
	today      data.Day
	dayIndex   int
	perDay     []int
	suppliers  []demoSupplier
	products   []demoProduct
	popularity []int // product indexes, most popular first
	customers  []demoCustomer
	numbers    map[data.Channel]int
	buying     purchaseState
	// Receiving: the last PO scheduled for delivery, parcels on their way by arrival day,
	// and suppliers by name.
	lastPO        uint
	deliveries    map[data.Day][]delivery
	supplierIndex map[string]*demoSupplier
	returnsDue    map[int][]pendingReturn // by the day index their goods arrive
	returnProb    map[uint]float64        // by supplier ID: chance its goods come back through its fault
}

// step is one thing that happens on every simulated day, in order.
type step func(g *generator, a *app.App, day data.Day) error

// steps are the day's happenings. Later capabilities (purchasing, receiving, shipping,
// returns) add theirs here, each acting through the app's own use cases.
var steps = []step{
	(*generator).placeOrders,
	(*generator).cancelOrders,
	(*generator).purchase,
	(*generator).talkToSuppliers,
	(*generator).supplierUpdates,
	(*generator).shipReady,
	(*generator).receiveDeliveries,
	(*generator).takeReturns,
}

// statisticsEvery is how many simulated days pass between refreshes of the planner's
// statistics (App.RefreshStatistics): the tables grow all year inside one transaction.
const statisticsEvery = 14

// Generate makes the demo shop in one transaction: cancelled (ctx) or failed, it leaves the
// database as it was.
func Generate(ctx context.Context, a *app.App, opt Options) (Summary, error) {
	if opt.Orders < 0 || opt.Orders > MaxOrders {
		return Summary{}, &app.InputError{Problems: []app.Problem{{Field: "orders", Message: fmt.Sprintf("%d: give between 0 and %d orders", opt.Orders, MaxOrders)}}}
	}
	empty, err := a.IsEmpty()
	if err != nil {
		return Summary{}, err
	}
	if !empty {
		return Summary{}, ErrNotEmpty
	}
	today := a.Today()
	g := &generator{
		rng:        rand.New(rand.NewPCG(uint64(opt.Seed), 0x9e3779b97f4a7c15)),
		start:      today.AddDays(-(Days - 1)),
		today:      today,
		numbers:    map[data.Channel]int{},
		returnsDue: map[int][]pendingReturn{},
	}
	g.clock = &simClock{t: g.start.Start(a.Location()).Add(8 * time.Hour), end: a.Now().Truncate(time.Hour)}
	g.perDay = ordersPerDay(opt.Orders, g.start, Days)
	sim := a.WithClock(g.clock.now)
	defer a.BigCache()()
	// The simulated year makes much short-lived garbage: collect it less often (a sixth of
	// the demo's time went to the collector), but within a bound on the heap.
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(heapLimit))
	err = sim.InTx(func(tx *app.App) error {
		if err := g.setUp(tx, opt.Orders); err != nil {
			return err
		}
		for g.dayIndex = 0; g.dayIndex < Days; g.dayIndex++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			day := g.start.AddDays(g.dayIndex)
			for _, s := range steps {
				if err := s(g, tx, day); err != nil {
					return fmt.Errorf("demo day %s: %w", day, err)
				}
			}
			if g.dayIndex%statisticsEvery == 0 {
				if err := tx.RefreshStatistics(); err != nil {
					return err
				}
			}
			if opt.Progress != nil {
				opt.Progress(g.dayIndex+1, Days)
			}
		}
		return nil
	})
	if err != nil {
		return Summary{}, err
	}
	return Summary{Suppliers: len(g.suppliers), Products: len(g.products), Orders: opt.Orders, From: g.start, To: today}, nil
}

// setUp opens the shop: its details, suppliers and catalog, the day before the first order.
func (g *generator) setUp(a *app.App, orders int) error {
	shop, err := a.Shop()
	if err != nil {
		return err
	}
	shop.Name = "Linden & Loom"
	shop.Address = "Karl-Heine-Straße 42\n04229 Leipzig\nGermany"
	shop.Email = "hello@lindenandloom.example"
	shop.Phone = "+49 341 555 0142"
	shop.Website = "https://lindenandloom.example"
	shop.Logo = assets.DemoLogo
	shop.ThankYouTemplate = "Dear {first_name}, thank you for order {order_number}! Everything from {shop_name} is packed by hand in Leipzig. We hope it brings you joy."
	if err := a.SaveShop(shop); err != nil {
		return fmt.Errorf("demo shop details: %w", err)
	}
	if err := g.makeSuppliers(a, clamp(orders/333, 8, 300)); err != nil {
		return fmt.Errorf("demo suppliers: %w", err)
	}
	if err := g.makeCatalog(a, clamp(orders/5, 60, 20000)); err != nil {
		return fmt.Errorf("demo catalog: %w", err)
	}
	g.popularity = g.rng.Perm(len(g.products))
	return nil
}

// pick chooses an index with probability proportional to its weight.
func (g *generator) pick(weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	r := g.rng.IntN(total)
	for i, w := range weights {
		if r < w {
			return i
		}
		r -= w
	}
	return len(weights) - 1
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

// simClock is the simulated time the demo's actions happen at. It stops at end, the hour the
// demo was made in: the last simulated day is today, and nothing happens in the future. (The
// hour rather than the minute, so that the same seed gives the same shop within the hour.)
type simClock struct{ t, end time.Time }

func (c *simClock) now() time.Time { return c.t }

// set moves the clock forward to t (never back: time in the simulation only moves on), but
// not past end.
func (c *simClock) set(t time.Time) {
	if !c.end.IsZero() && t.After(c.end) {
		t = c.end
	}
	if t.After(c.t) {
		c.t = t
	}
}

// later says whether t is still to come when the demo is made: what would happen then
// (a delivery, a parcel going out) has not happened yet.
func (c *simClock) later(t time.Time) bool { return !c.end.IsZero() && t.After(c.end) }
