package cli

import (
	"flag"
	"fmt"
	"strings"

	"clockwork/app"
)

// orderSynopsis is the synopsis of `clockwork order`, one line per action.
const orderSynopsis = `add --customer NAME --address1 A --city C --country CC --line SKU=QTY[@PRICE][:TITLE] ... [--email E] [--zip Z] ... [--at T]
                     | cancel ORDER [--at T]
                     | map ORDER --sku SKU (--to PRODUCT-SKU | --new [--to NEW-SKU])
                     | release ORDER`

// orderText maps each text flag of `order add` to the field it sets.
func orderText(in *app.OrderInput) map[string]*string {
	return map[string]*string{
		"customer": &in.Customer, "email": &in.Email, "phone": &in.Phone, "note": &in.Note, "company": &in.ShipTo.Company,
		"address1": &in.ShipTo.Address1, "address2": &in.ShipTo.Address2, "city": &in.ShipTo.City,
		"province": &in.ShipTo.Province, "zip": &in.ShipTo.Zip, "country": &in.ShipTo.Country,
	}
}

var orderTextHelp = map[string]string{
	"customer": "add: the customer's name (also the name on the parcel)", "email": "add: the customer's e-mail",
	"phone": "add: the customer's phone", "note": "add: customer note or gift message", "company": "add: company on the parcel",
	"address1": "add: street address", "address2": "add: second address line", "city": "add: city",
	"province": "add: province or state", "zip": "add: postal code", "country": "add: country code, e.g. DE",
}

// orderFlags are the flags of every `order` action.
type orderFlags struct {
	text             map[string]*string
	lines            repeated
	shipping, at     *string
	gift, newProduct *bool
	sku, productSKU  *string
	set              map[string]bool
}

func setupOrder(fs *flag.FlagSet) func(c *call) error {
	f := &orderFlags{text: map[string]*string{}}
	for name := range orderText(&app.OrderInput{}) {
		f.text[name] = fs.String(name, "", orderTextHelp[name])
	}
	fs.Var(&f.lines, "line", "add: SKU=QTY[@PRICE][:TITLE], once per line, e.g. MUG-1=2@14.90")
	f.shipping = fs.String("shipping", "", "add: shipping charged, e.g. 4.90")
	f.gift = fs.Bool("gift", false, "add: a gift: slips print without prices")
	f.at = fs.String("at", "", "add/cancel: when it happened, a day or RFC 3339 time (default now)")
	f.sku = fs.String("sku", "", "map: the SKU on the order that the catalog does not know")
	f.productSKU = fs.String("to", "", "map: the SKU of the catalog product it is (with --new: the new product's SKU, default the line's)")
	f.newProduct = fs.Bool("new", false, "map: add the product to the catalog from the line (its title and price)")
	adds := append([]string{"line", "shipping", "gift", "at"}, keys(f.text)...)
	return func(c *call) error {
		f.set = setFlags(fs)
		return runAction(c, fs, "order", map[string]action{
			"add":     {adds, f.add},
			"cancel":  {[]string{"at"}, f.cancel},
			"map":     {[]string{"sku", "to", "new"}, f.mapSKU},
			"release": {nil, orderRelease},
		})
	}
}

func (f *orderFlags) add(c *call, args []string) error {
	if len(args) > 0 {
		return usagef("a manual order gets the next M-number; give no number (%q)", args[0])
	}
	if len(f.lines) == 0 {
		return usagef("give at least one --line SKU=QTY")
	}
	a, err := c.appAt(*f.at)
	if err != nil {
		return err
	}
	in := app.OrderInput{Gift: *f.gift}
	for name, dst := range orderText(&in) {
		*dst = strings.TrimSpace(*f.text[name])
	}
	in.ShipTo.Name, in.ShipTo.Phone = in.Customer, in.Phone
	var bad inputs
	if f.set["shipping"] {
		bad.money("shipping", *f.shipping, &in.Shipping)
	}
	for _, spec := range f.lines {
		in.Lines = append(in.Lines, parseOrderLine(&bad, spec))
	}
	if err := bad.err(); err != nil {
		return err
	}
	o, err := a.AddManualOrder(in)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "order %s added: %d lines, ship by %s\n", o.Number, len(o.Lines), o.ShipBy)
	return err
}

// parseOrderLine reads SKU=QTY[@PRICE][:TITLE]; the title may hold any character.
func parseOrderLine(bad *inputs, spec string) app.LineInput {
	var l app.LineInput
	head, title, _ := strings.Cut(spec, ":")
	sku, qty, ok := strings.Cut(head, "=")
	qty, price, hasPrice := strings.Cut(qty, "@")
	l.SKU, l.Title = strings.TrimSpace(sku), strings.TrimSpace(title)
	if !ok {
		bad.add("--line", "%q: write SKU=QTY[@PRICE][:TITLE], e.g. MUG-1=2@14.90", spec)
		return l
	}
	bad.int("line", qty, &l.Qty)
	if hasPrice {
		bad.money("line", price, &l.UnitPrice)
	}
	return l
}

func (f *orderFlags) cancel(c *call, args []string) error {
	number, err := oneArg(args, "order number, e.g. '#1001'")
	if err != nil {
		return err
	}
	a, err := c.appAt(*f.at)
	if err != nil {
		return err
	}
	o, err := a.OrderByNumber(number)
	if err != nil {
		return err
	}
	res, err := a.CancelOrder(o.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "order %s cancelled", o.Number)
	if res.RemovedFromDrafts > 0 {
		fmt.Fprintf(c.env.Stdout, "; %d lines taken off draft purchase orders", res.RemovedFromDrafts)
	}
	if res.KeptAsStock > 0 {
		fmt.Fprintf(c.env.Stdout, "; %d units received are now spare stock", res.KeptAsStock)
	}
	if len(res.TellSuppliers) > 0 {
		fmt.Fprintf(c.env.Stdout, "\ntell the suppliers: %s already has lines for it", strings.Join(res.TellSuppliers, ", "))
	}
	_, err = fmt.Fprintln(c.env.Stdout)
	return err
}

func (f *orderFlags) mapSKU(c *call, args []string) error {
	number, err := oneArg(args, "order number, e.g. '#1001'")
	if err != nil {
		return err
	}
	if !f.set["sku"] || (*f.productSKU == "" && !*f.newProduct) {
		return usagef("--sku SKU and --to PRODUCT-SKU (or --new) are required")
	}
	a, err := c.app()
	if err != nil {
		return err
	}
	o, err := a.OrderByNumber(number)
	if err != nil {
		return err
	}
	d, err := a.OrderDetail(o.ID)
	if err != nil {
		return err
	}
	for _, l := range d.Lines {
		if l.Unknown && l.SKU == strings.TrimSpace(*f.sku) {
			if *f.newProduct {
				p, n, err := a.CreateProductForLine(l.ID, *f.productSKU)
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(c.env.Stdout, "product %s added from the order line; %d order lines linked; give it an offer: clockwork offer add %s --supplier NAME --cost C\n", p.SKU, n, p.SKU)
				return err
			}
			n, err := a.MapUnknownSKU(l.ID, *f.productSKU)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(c.env.Stdout, "%s is now %s: %d order lines linked; later imports link it by themselves\n", l.SKU, *f.productSKU, n)
			return err
		}
	}
	return &app.InputError{Problems: []app.Problem{{Field: "--sku", Message: fmt.Sprintf("order %s has no line with the unknown SKU %q", o.Number, *f.sku)}}}
}

// orderRelease buys an order held as unpaid in the web shop (the payment arrived another way).
func orderRelease(c *call, args []string) error {
	number, err := oneArg(args, "order number: clockwork order release NUMBER")
	if err != nil {
		return err
	}
	a, err := c.app()
	if err != nil {
		return err
	}
	o, err := a.ReleaseOrder(number)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "Order %s released: the next purchase buys it\n", o.Number)
	return err
}
