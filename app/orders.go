package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// OrderInput is a customer order as it comes in, from an import or typed by hand.
type OrderInput struct {
	Channel  data.Channel
	Number   string
	PlacedAt time.Time
	Customer string
	Email    string
	Phone    string
	ShipTo   data.Address
	Shipping data.Money
	Tax      data.Money
	Total    data.Money // 0: subtotal + shipping + tax
	Note     string
	Gift     bool
	Lines    []LineInput
}

// LineInput is one line of an incoming order.
type LineInput struct {
	SKU       string
	Title     string
	Qty       int
	UnitPrice data.Money
}

// ErrDuplicateOrder means an order with the same channel and number is already stored.
var ErrDuplicateOrder = errors.New("order already imported")

// check lists everything wrong with the input.
func (in *OrderInput) check() problems {
	var ps problems
	in.Number = strings.TrimSpace(in.Number)
	if in.Number == "" {
		ps.add("number", "the order needs a number")
	}
	if in.Channel == "" {
		in.Channel = data.ChannelManual
	}
	if in.PlacedAt.IsZero() {
		ps.add("placed at", "the order needs the date it was placed")
	}
	if len(in.Lines) == 0 {
		ps.add("lines", "the order needs at least one line")
	}
	for i, l := range in.Lines {
		if strings.TrimSpace(l.SKU) == "" && strings.TrimSpace(l.Title) == "" {
			ps.add(fmt.Sprintf("line %d", i+1), "give a SKU or a title")
		}
		if l.Qty < 1 {
			ps.add(fmt.Sprintf("line %d qty", i+1), "%d: the quantity must be at least 1", l.Qty)
		}
		if l.UnitPrice < 0 {
			ps.add(fmt.Sprintf("line %d price", i+1), "%s is negative", l.UnitPrice)
		}
	}
	if in.Shipping < 0 || in.Tax < 0 || in.Total < 0 {
		ps.add("totals", "shipping, tax and total cannot be negative")
	}
	return ps
}

// AddOrder checks and stores a new order with its lines (state unpurchased), linking each
// line to the catalog product with its SKU and the customer with its email.
func (a *App) AddOrder(in OrderInput) (data.Order, error) {
	if err := in.check().err(); err != nil {
		return data.Order{}, err
	}
	o := newOrder(in)
	err := a.write(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&data.Order{}).Where("channel = ? AND number = ?", o.Channel, o.Number).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%s order %s: %w", o.Channel, o.Number, ErrDuplicateOrder)
		}
		cust, err := findOrAddCustomer(tx, in)
		if err != nil {
			return err
		}
		o.CustomerID = &cust.ID
		if err := linkProducts(tx, o.Lines); err != nil {
			return err
		}
		return tx.Create(&o).Error
	})
	if err != nil {
		return data.Order{}, fmt.Errorf("add order %s: %w", in.Number, err)
	}
	return o, nil
}

func newOrder(in OrderInput) data.Order {
	o := data.Order{
		Channel: in.Channel, Number: in.Number, Email: strings.TrimSpace(in.Email), ShipTo: in.ShipTo,
		PlacedAt: in.PlacedAt.UTC(), Shipping: in.Shipping, Tax: in.Tax, Total: in.Total,
		Note: in.Note, Gift: in.Gift, Status: data.OrderNew,
	}
	for _, l := range in.Lines {
		o.Subtotal += l.UnitPrice * data.Money(l.Qty)
		o.Lines = append(o.Lines, data.OrderLine{
			SKU: strings.TrimSpace(l.SKU), Title: strings.TrimSpace(l.Title), Qty: l.Qty,
			UnitPrice: l.UnitPrice, State: data.LineUnpurchased,
		})
	}
	if o.Total == 0 {
		o.Total = o.Subtotal + o.Shipping + o.Tax
	}
	return o
}

func findOrAddCustomer(tx *gorm.DB, in OrderInput) (data.Customer, error) {
	name := strings.TrimSpace(in.Customer)
	if name == "" {
		name = in.ShipTo.Name
	}
	c := data.Customer{Name: name, Email: strings.TrimSpace(in.Email), Phone: in.Phone}
	q := tx.Where("email = ?", c.Email)
	if c.Email == "" {
		q = tx.Where("email = '' AND name = ?", c.Name)
	}
	err := q.First(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		err = tx.Create(&c).Error
	}
	return c, err
}

// linkProducts points each line at the catalog product with its SKU, if there is one.
func linkProducts(tx *gorm.DB, lines []data.OrderLine) error {
	for i := range lines {
		if lines[i].SKU == "" {
			continue
		}
		var p data.Product
		err := tx.Select("id", "title").Where("sku = ?", lines[i].SKU).Take(&p).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		lines[i].ProductID = &p.ID
		if lines[i].Title == "" {
			lines[i].Title = p.Title
		}
	}
	return nil
}

// OrderFilter narrows a list of orders.
type OrderFilter struct {
	Status data.OrderStatus // "" for all
}

// EachOrder calls fn for every order matching f, in the order they were stored, with its lines and customer,
// reading the table a page at a time so memory stays flat however many orders there are.
func (a *App) EachOrder(f OrderFilter, fn func(o data.Order) error) error {
	if f.Status != "" && !validOrderStatus(f.Status) {
		return invalid("status", "%q is not an order status (%s)", f.Status, joinStatuses())
	}
	q := a.db.Preload("Lines", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).Preload("Customer")
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	var page []data.Order
	res := q.FindInBatches(&page, 500, func(tx *gorm.DB, _ int) error {
		for _, o := range page {
			if err := fn(o); err != nil {
				return err
			}
		}
		return nil
	})
	return res.Error
}

func validOrderStatus(s data.OrderStatus) bool {
	for _, x := range data.OrderStatuses {
		if s == x {
			return true
		}
	}
	return false
}

func joinStatuses() string {
	var s []string
	for _, x := range data.OrderStatuses {
		s = append(s, string(x))
	}
	return strings.Join(s, ", ")
}
