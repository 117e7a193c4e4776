package demo

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// ordersPerDay spreads n orders over the days exactly: more on weekdays and in the
// Christmas season, and growing over the year as a young shop does.
func ordersPerDay(n int, start data.Day, days int) []int {
	weekday := map[time.Weekday]float64{time.Monday: 1.15, time.Tuesday: 1.05, time.Wednesday: 1, time.Thursday: 1, time.Friday: 0.95, time.Saturday: 0.8, time.Sunday: 0.95}
	w := make([]float64, days)
	sum := 0.0
	for d := range w {
		t := start.AddDays(d).Start(time.UTC)
		season := 1.0
		if t.Month() == time.December || t.Month() == time.November && t.Day() > 20 {
			season = 1.6
		}
		w[d] = (1 + 0.7*float64(d)/float64(days)) * weekday[t.Weekday()] * season
		sum += w[d]
	}
	counts := make([]int, days)
	given := 0
	frac := make([]float64, days)
	for d := range w {
		exact := float64(n) * w[d] / sum
		counts[d] = int(exact)
		frac[d] = exact - float64(counts[d])
		given += counts[d]
	}
	for ; given < n; given++ { // hand out the rest to the largest remainders
		best := 0
		for d := range frac {
			if frac[d] > frac[best] {
				best = d
			}
		}
		counts[best]++
		frac[best] = -1
	}
	return counts
}

// placeOrders is the day's step that brings in the customers' orders, all of the day's
// through one AddOrders, which checks and stores each as AddOrder does.
func (g *generator) placeOrders(a *app.App, day data.Day) error {
	n := g.perDay[g.dayIndex]
	loc := a.Location()
	hours := 24.0
	if day == g.today {
		// today's orders came in overnight and this morning, up to now
		hours = min(8, g.clock.end.Sub(day.Start(loc)).Hours())
	}
	times := make([]time.Duration, n)
	for i := range times {
		times[i] = time.Duration(g.rng.Float64() * hours * float64(time.Hour))
	}
	slices.Sort(times)
	if n == 0 {
		return nil
	}
	ins := make([]app.OrderInput, n)
	for i, at := range times {
		ins[i] = g.order(day.Start(loc).Add(at))
	}
	// The day's orders are stored together, as a web shop's feed brings them: the clock
	// stands at the last one's placing.
	g.clock.set(ins[n-1].PlacedAt)
	orders, err := a.AddOrders(ins)
	if err != nil {
		return err
	}
	for _, o := range orders {
		g.buying.placed = append(g.buying.placed, o.ID)
	}
	return nil
}

func (g *generator) order(placed time.Time) app.OrderInput {
	c := g.customer()
	in := app.OrderInput{PlacedAt: placed, Customer: c.name, Email: c.email, Phone: c.phone, ShipTo: c.address}
	switch r := g.rng.Float64(); {
	case r < 0.7:
		in.Channel, in.Number = data.ChannelShopify, fmt.Sprintf("#%d", 1001+g.next(data.ChannelShopify))
	case r < 0.85:
		in.Channel, in.Number = data.ChannelWooCommerce, fmt.Sprintf("%d", 50001+g.next(data.ChannelWooCommerce))
	case r < 0.95:
		in.Channel, in.Number = data.ChannelEtsy, fmt.Sprintf("%d", 3100000001+g.next(data.ChannelEtsy))
	default:
		in.Channel, in.Number = data.ChannelManual, fmt.Sprintf("M-%04d", 1+g.next(data.ChannelManual))
	}
	lines := 1 + g.pick([]int{45, 30, 15, 7, 3})
	seen := map[string]bool{}
	for len(in.Lines) < lines {
		l := g.line()
		if seen[l.SKU] {
			continue
		}
		seen[l.SKU] = true
		in.Lines = append(in.Lines, l)
	}
	var subtotal data.Money
	for _, l := range in.Lines {
		subtotal += l.UnitPrice * data.Money(l.Qty)
	}
	if subtotal < 5000 {
		in.Shipping = 490
	}
	in.Total = subtotal + in.Shipping
	in.Tax = data.Money(math.Round(float64(in.Total) * 19 / 119)) // VAT included in the price
	switch r := g.rng.Float64(); {
	case r < 0.08:
		in.Gift, in.Note = true, giftMessages[g.rng.IntN(len(giftMessages))]
	case r < 0.12:
		in.Note = customerNotes[g.rng.IntN(len(customerNotes))]
	}
	return in
}

// line picks a product, the popular ones far more often, and now and then a SKU the catalog
// doesn't know (an old listing), as real shops have.
func (g *generator) line() app.LineInput {
	qty := 1 + g.pick([]int{80, 15, 5})
	if g.rng.Float64() < 0.003 {
		return app.LineInput{SKU: fmt.Sprintf("OLD-%04d", g.rng.IntN(50)), Title: "Discontinued listing", Qty: qty, UnitPrice: 1490}
	}
	// A power law: product k is chosen with weight ~ 1/(k+1)^0.9.
	u := g.rng.Float64()
	k := int(math.Pow(float64(len(g.products)+1), u)) - 1
	k = min(max(k, 0), len(g.products)-1)
	p := g.products[g.popularity[k]]
	return app.LineInput{SKU: p.sku, Title: p.title, Qty: qty, UnitPrice: p.price}
}

func (g *generator) next(c data.Channel) int {
	n := g.numbers[c]
	g.numbers[c] = n + 1
	return n
}

type demoCustomer struct {
	name, email, phone string
	address            data.Address
}

// customer returns a returning customer about a third of the time, else a new one.
func (g *generator) customer() demoCustomer {
	if len(g.customers) > 20 && g.rng.Float64() < 0.3 {
		return g.customers[g.rng.IntN(len(g.customers))]
	}
	l := locales[g.pickLocale()]
	first, last := l.first[g.rng.IntN(len(l.first))], l.last[g.rng.IntN(len(l.last))]
	name := first + " " + last
	ct := l.cities[g.rng.IntN(len(l.cities))]
	c := demoCustomer{
		name:  name,
		email: fmt.Sprintf("%s.%s%d@%s", asciiFold(first), asciiFold(last), len(g.customers)+1, []string{"example.com", "example.net", "example.org"}[g.rng.IntN(3)]),
		phone: fmt.Sprintf("%s%03d %06d", l.phone, 100+g.rng.IntN(900), g.rng.IntN(1000000)),
		address: data.Address{Name: name, Address1: fmt.Sprintf("%s %d", l.streets[g.rng.IntN(len(l.streets))], 1+g.rng.IntN(120)),
			City: ct.name, Zip: ct.zip, Province: ct.province, Country: l.country},
	}
	if l.country == "DE" && g.rng.Float64() < 0.05 { // a Cyrillic name at a German address
		c.name, c.address.Name = "Дмитрий Иванов", "Дмитрий Иванов"
	}
	if g.rng.Float64() < 0.05 {
		c.address.Company = last + " Studio"
	}
	if g.rng.Float64() < 0.1 {
		c.address.Address2 = fmt.Sprintf("Apt %d", 1+g.rng.IntN(40))
	}
	g.customers = append(g.customers, c)
	return c
}

func (g *generator) pickLocale() int {
	w := make([]int, len(locales))
	for i, l := range locales {
		w[i] = l.weight
	}
	return g.pick(w)
}

func (g *generator) personName() string {
	l := locales[g.pickLocale()]
	return l.first[g.rng.IntN(len(l.first))] + " " + l.last[g.rng.IntN(len(l.last))]
}

// asciiFold makes a name usable in an e-mail address: "Zoë Łódź" → "zoe.lodz"-like.
func asciiFold(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue",
		"é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "á", "a", "í", "i", "ï", "i", "ó", "o", "ô", "o", "ú", "u", "ñ", "n", "ç", "c",
		"ł", "l", "Ł", "L", "ą", "a", "ę", "e", "ś", "s", "Ś", "S", "ź", "z", "ż", "z", "ć", "c", "ń", "n", "Ż", "Z", "Á", "A", "É", "E",
		"'", "", " ", "")
	out := strings.ToLower(r.Replace(s))
	var b strings.Builder
	for _, c := range out {
		if c < 128 {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		return "customer"
	}
	return b.String()
}
