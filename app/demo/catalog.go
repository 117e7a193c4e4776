package demo

import (
	"fmt"
	"math"

	"clockwork/app"
	"clockwork/data"
)

// profile is how a demo supplier behaves: the simulated year's later steps (purchasing,
// receiving, returns) read it to decide when and how well the supplier delivers.
type profile struct {
	kind       string
	quoted     int     // lead days the supplier quotes
	lateProb   float64 // chance a delivery comes after the promised day
	lateMax    int     // at most this many days late
	shortProb  float64 // chance a line ships short
	defectProb float64 // chance a delivered unit is rejected (damaged, wrong, quality)
	ackProb    float64 // chance the supplier acknowledges a PO at all
	ackHours   [2]int  // how long an acknowledgement takes
	returnProb float64 // chance a shipped item comes back defective
}

var profiles = []profile{
	{kind: "dependable", quoted: 2, lateProb: 0.04, lateMax: 1, shortProb: 0.01, defectProb: 0.003, ackProb: 0.98, ackHours: [2]int{1, 6}, returnProb: 0.005},
	{kind: "fast", quoted: 1, lateProb: 0.08, lateMax: 2, shortProb: 0.02, defectProb: 0.008, ackProb: 0.95, ackHours: [2]int{1, 4}, returnProb: 0.01},
	{kind: "average", quoted: 4, lateProb: 0.18, lateMax: 3, shortProb: 0.04, defectProb: 0.015, ackProb: 0.9, ackHours: [2]int{4, 30}, returnProb: 0.015},
	{kind: "slow", quoted: 8, lateProb: 0.35, lateMax: 6, shortProb: 0.05, defectProb: 0.02, ackProb: 0.85, ackHours: [2]int{20, 60}, returnProb: 0.02},
	{kind: "sloppy", quoted: 4, lateProb: 0.3, lateMax: 5, shortProb: 0.22, defectProb: 0.09, ackProb: 0.7, ackHours: [2]int{12, 96}, returnProb: 0.07},
	{kind: "unresponsive", quoted: 5, lateProb: 0.25, lateMax: 4, shortProb: 0.06, defectProb: 0.02, ackProb: 0.4, ackHours: [2]int{48, 140}, returnProb: 0.02},
}

var supplierStems = []string{"Nordlicht", "Atlas", "Hanse", "Baltic", "Alpine", "Iberia", "Danube", "Tessin", "Silk Road", "Ostsee",
	"Łódź Textile", "Κεραμική Αιγαίου", "Meadow", "Harbour", "Copperleaf", "Birchwood", "Kestrel", "Lantern", "Oakridge", "Saltmarsh",
	"Bergamo", "Flint", "Juniper", "Tidewater", "Granite", "Marigold", "Rookery", "Thistle", "Wicker", "Zephyr", "Брезa", "Quarry",
	"Larkspur", "Ember", "Heron", "Orchard", "Pinecone", "Riverbend", "Sable", "Willow"}

var supplierSuffixes = []string{"Trading", "Supply Co.", "Wholesale", "Imports", "GmbH", "Sp. z o.o.", "Ltd", "& Sons", "Handelsgesellschaft", "Direct"}

type category struct {
	prefix string
	items  []string
	price  [2]int // euros
}

var categories = []category{
	{"KIT", []string{"Enamel Mug", "Linen Tea Towel", "Olive Wood Spoon", "Stoneware Bowl", "Cast Iron Trivet", "Glass Carafe", "Bamboo Board", "Copper Measuring Cups"}, [2]int{6, 45}},
	{"GAR", []string{"Garden Trowel", "Seed Starter Kit", "Terracotta Pot", "Watering Can", "Pruning Shears", "Gardening Gloves", "Bird Feeder"}, [2]int{8, 60}},
	{"HOM", []string{"Wool Throw", "Soy Candle", "Linen Cushion Cover", "Brass Hook", "Woven Basket", "Wall Clock", "Reading Lamp"}, [2]int{9, 120}},
	{"BAT", []string{"Bath Towel", "Soap Dish", "Bath Salts", "Cotton Robe", "Loofah Set"}, [2]int{5, 70}},
	{"PAP", []string{"Notebook A5", "Greeting Card Set", "Wrapping Paper", "Desk Calendar", "Fountain Pen Ink"}, [2]int{4, 30}},
}

var styles = []string{"Classic", "Nordic", "Rustic", "Studio", "Heritage", "Coastal", "Alpine", "Meadow", "Urban", "Folk", "Atelier", "Harvest"}
var colours = []string{"Sage", "Ochre", "Charcoal", "Rust", "Ivory", "Navy", "Blush", "Forest", "Sand", "Plum"}

// makeSuppliers creates the demo suppliers: the first six show one behaviour each, so even
// a small demo has a dependable, a slow and a sloppy supplier; one is blocked, a few are prospects.
func (g *generator) makeSuppliers(a *app.App, n int) error {
	names := g.rng.Perm(len(supplierStems) * len(supplierSuffixes))
	for i := 0; i < n; i++ {
		p := profiles[i%len(profiles)]
		if i >= len(profiles) {
			p = profiles[g.pick([]int{20, 15, 35, 12, 8, 10})]
		}
		k := names[i%len(names)]
		name := supplierStems[k/len(supplierSuffixes)] + " " + supplierSuffixes[k%len(supplierSuffixes)]
		if i >= len(names) {
			name = fmt.Sprintf("%s %d", name, i/len(names)+1)
		}
		p.quoted = max(1, p.quoted+g.rng.IntN(3)-1)
		s := data.Supplier{
			Name: name, Status: data.SupplierActive, QuotedLeadDays: p.quoted,
			PromisedFillPct: 95 + g.rng.IntN(5), OrderCutoff: fmt.Sprintf("%02d:00", 12+g.rng.IntN(6)),
			Email: fmt.Sprintf("orders@supplier%d.example", i+1), Phone: fmt.Sprintf("+49 30 %07d", g.rng.IntN(10000000)),
			Website: fmt.Sprintf("https://supplier%d.example", i+1), ContactPerson: g.personName(),
		}
		if g.rng.Float64() < 0.5 {
			s.Portal = fmt.Sprintf("https://portal.supplier%d.example", i+1)
		}
		if g.rng.Float64() < 0.3 {
			s.Chat = fmt.Sprintf("WhatsApp +49 170 %07d", g.rng.IntN(10000000))
		}
		s.Address = supplierAddresses[g.rng.IntN(len(supplierAddresses))]
		g.setStatus(&s, i, n)
		g.vet(&s.Vetting, p, s.Status)
		if err := a.SaveSupplier(&s); err != nil {
			return err
		}
		g.suppliers = append(g.suppliers, demoSupplier{id: s.ID, name: s.Name, contact: s.ContactPerson, status: s.Status,
			profile: p, cats: g.supplierCategories(), stockFeed: g.rng.Float64() < 0.35, portal: s.Portal != "", chat: s.Chat != ""})
	}
	return nil
}

func (g *generator) supplierCategories() []int {
	c := []int{g.rng.IntN(len(categories))}
	if g.rng.Float64() < 0.5 {
		c = append(c, g.rng.IntN(len(categories)))
	}
	return c
}

// setStatus gives the supplier its standing with the shop: most are active; the sloppy one
// is on probation; one is blocked (two in a big shop); two or more are prospects still being
// looked at (they get no offers yet); some are vetted but not yet used, or paused.
func (g *generator) setStatus(s *data.Supplier, i, n int) {
	switch r := g.rng.Float64(); {
	case i == 4:
		s.Notes = "Often ships short or damaged. Keep an eye on every delivery."
	case i == 6 || i == n-1 && n > 20:
		s.Status = data.SupplierBlocked
		s.Notes = "Blocked after repeated wrong items."
	case i == 7 || i == 8 || i >= len(profiles) && r < 0.06:
		s.Status = data.SupplierProspect
		s.Notes = "Found at a trade fair; asked for their price list."
	case i >= len(profiles) && r < 0.12:
		s.Status = data.SupplierVetted
	case i >= len(profiles) && r < 0.16:
		s.Status = data.SupplierPaused
		s.Notes = "Paused over the summer while they move warehouses."
	}
}

// supplierAddresses are where the demo's suppliers are.
var supplierAddresses = []string{
	"Industriestraße 12\n20457 Hamburg\nGermany", "ul. Piotrkowska 104\n90-006 Łódź\nPoland",
	"Via Borgo Palazzo 88\n24125 Bergamo\nItaly", "Unit 4, Harbour Estate\nBristol BS1 6XN\nUnited Kingdom",
	"Carrer de Pujades 77\n08005 Barcelona\nSpain", "Λεωφόρος Συγγρού 140\n176 71 Αθήνα\nGreece",
	"Lagerhusvej 3\n8000 Aarhus\nDenmark", "Hafenstrasse 21\n6900 Lugano\nSwitzerland",
}

// vet answers the checklist the way a shop that knows the supplier would: better suppliers
// are better known, prospects hardly known yet.
func (g *generator) vet(v *data.Vetting, p profile, status data.SupplierStatus) {
	yes := 0.85
	switch {
	case status == data.SupplierProspect:
		yes = 0.2
	case p.kind == "sloppy" || p.kind == "unresponsive":
		yes = 0.45
	}
	for i, it := range v.Items() {
		r := g.rng.Float64()
		switch {
		case r < yes:
			*it.Answer = data.AnswerYes
			if g.rng.Float64() < 0.4 {
				*it.Note = vetNotes[i][0]
			}
		case r < yes+0.1:
			*it.Answer = data.AnswerNo
			*it.Note = vetNotes[i][1]
		}
	}
}

// vetNotes are what a shop notes beside a yes and a no, per checklist question.
var vetNotes = [][2]string{
	{"E-mail, phone and a portal; all answered within a day.", "Only e-mail, and replies take days."},
	{"Test order arrived in 3 days, well packed.", "Two of five test orders came late."},
	{"They warn by e-mail when stock runs low.", "No stock warnings: we learn it when orders ship short."},
	{"Signed SLA: 95 % fill, cut-off 14:00.", "Will not sign anything; terms by e-mail only."},
	{"Catalogue, terms and returns policy are clear.", "Website out of date; prices missing."},
	{"Compared with two others: mid-range, fair for the quality.", "Prices change without notice."},
	{"Good reviews from other shops in the trade group.", "Mixed reviews: slow refunds."},
	{"Visited their warehouse in spring.", "Asked twice to visit; no answer."},
}

// makeCatalog creates n products with one to three offers each from suppliers that carry
// the product's category.
func (g *generator) makeCatalog(a *app.App, n int) error {
	for i := 0; i < n; i++ {
		ci := g.rng.IntN(len(categories))
		c := categories[ci]
		title := fmt.Sprintf("%s %s — %s", styles[g.rng.IntN(len(styles))], c.items[g.rng.IntN(len(c.items))], colours[g.rng.IntN(len(colours))])
		price := data.Money(100 * (c.price[0] + g.rng.IntN(c.price[1]-c.price[0]+1)))
		price -= 10 // 19.90, not 20.00
		p := data.Product{SKU: fmt.Sprintf("%s-%05d", c.prefix, i+1), Title: title, Price: price, Active: true}
		if g.rng.Float64() < 0.03 {
			p.Trial = true
			p.TrialStart = g.start.AddDays(200 + g.rng.IntN(120))
		}
		var from []int
		p.Offers, from = g.offers(ci, price)
		if err := a.SaveProduct(&p); err != nil {
			return err
		}
		for k, si := range from {
			g.suppliers[si].offers = append(g.suppliers[si].offers, &p.Offers[k])
		}
		g.products = append(g.products, demoProduct{sku: p.SKU, title: p.Title, price: p.Price})
	}
	return nil
}

// offers makes a product's offers; from says which demo supplier makes each.
func (g *generator) offers(cat int, price data.Money) (out []data.Offer, from []int) {
	k := 1 + g.pick([]int{50, 35, 15})
	used := map[int]bool{}
	for tries := 0; len(out) < k && tries < 20; tries++ {
		si := g.rng.IntN(len(g.suppliers))
		s := g.suppliers[si]
		// The first (preferred) offer comes from a supplier the shop can buy from: a real
		// owner does not list a product only a blocked supplier sells.
		unbuyable := s.status == data.SupplierProspect || len(out) == 0 && s.status == data.SupplierBlocked
		if used[si] || unbuyable || (!s.carries(cat) && tries < 15) {
			continue
		}
		used[si] = true
		cost := data.Money(math.Round(float64(price) * (0.35 + 0.25*g.rng.Float64())))
		o := data.Offer{
			SupplierID: s.id, SupplierSKU: fmt.Sprintf("S%d-%06d", si+1, g.rng.IntN(1000000)), UnitCost: cost,
			PackSize: 1, MinQty: 1, LeadDays: max(1, s.profile.quoted+g.rng.IntN(3)-1), Priority: len(out) + 1, Active: true,
		}
		switch r := g.rng.Float64(); {
		case r < 0.06:
			o.PackSize = []int{2, 4, 6, 10, 12}[g.rng.IntN(5)]
		case r < 0.1:
			o.MinQty = []int{3, 5, 10}[g.rng.IntN(3)]
		}
		if s.stockFeed {
			stock := g.rng.IntN(60)
			o.AvailableQty = &stock
		}
		out, from = append(out, o), append(from, si)
	}
	return out, from
}

func (s demoSupplier) carries(cat int) bool {
	for _, c := range s.cats {
		if c == cat {
			return true
		}
	}
	return false
}
