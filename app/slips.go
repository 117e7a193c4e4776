package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"clockwork/data"
	"clockwork/reports"
)

// SlipOptions say how packing slips print.
type SlipOptions struct {
	Gift  bool   // gift slips for every order: no prices (gift orders always print so)
	Paper string // a4, letter or 4x6; "" uses the shop's setting
}

// WritePackingSlips writes one PDF with a packing slip per order, in the order given, with
// the shop's branding (DESIGN 7).
func (a *App) WritePackingSlips(w io.Writer, orderIDs []uint, opt SlipOptions) error {
	shop, err := a.Shop()
	if err != nil {
		return err
	}
	paper := opt.Paper
	if paper == "" {
		paper = shop.Paper
	}
	if !validPaper(paper) {
		return invalid("paper", "%q is not a paper size: use a4, letter or 4x6", paper)
	}
	orders, err := a.ordersWithLines(orderIDs)
	if err != nil {
		return err
	}
	slips := make([]reports.PackingSlip, len(orders))
	for i := range orders {
		slips[i] = a.packingSlip(&orders[i], shop.Currency, opt.Gift)
	}
	if err := reports.WritePackingSlips(w, reports.Paper(paper), brandedShop(shop), slips); err != nil {
		return fmt.Errorf("print packing slips: %w", err)
	}
	return nil
}

// WriteThankYouCards writes one A6 thank-you card per order into one PDF.
func (a *App) WriteThankYouCards(w io.Writer, orderIDs []uint) error {
	shop, err := a.Shop()
	if err != nil {
		return err
	}
	orders, err := a.ordersWithLines(orderIDs)
	if err != nil {
		return err
	}
	cards := make([]reports.ThankYouCard, len(orders))
	for i := range orders {
		s := a.packingSlip(&orders[i], shop.Currency, true)
		cards[i] = s.Card()
	}
	if err := reports.WriteThankYouCards(w, brandedShop(shop), cards); err != nil {
		return fmt.Errorf("print thank-you cards: %w", err)
	}
	return nil
}

// WriteSampleSlip writes a packing slip for an example order with the shop's branding, on
// the shop's paper: what Settings' "Preview slip" opens.
func (a *App) WriteSampleSlip(w io.Writer, shop data.Shop) error {
	paper := shop.Paper
	if !validPaper(paper) {
		paper = data.PaperA4
	}
	date := a.Now().In(a.Location()).Format("2 January 2006")
	money := func(c int64) string { return data.Money(c).Format(shop.Currency) }
	slips := []reports.PackingSlip{reports.SampleSlip(date, money)}
	if err := reports.WritePackingSlips(w, reports.Paper(paper), brandedShop(shop), slips); err != nil {
		return fmt.Errorf("print sample slip: %w", err)
	}
	return nil
}

// ReadyOrderIDs are the orders ready to pack, earliest ship-by day first.
func (a *App) ReadyOrderIDs() ([]uint, error) {
	var ids []uint
	err := a.db.Model(&data.Order{}).Where("status = ?", data.OrderReady).Order("ship_by, placed_at, id").Pluck("id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("find orders ready to pack: %w", err)
	}
	return ids, nil
}

// ordersWithLines reads the orders with their lines, in the order of ids.
func (a *App) ordersWithLines(ids []uint) ([]data.Order, error) {
	if len(ids) == 0 {
		return nil, invalid("orders", "choose the orders to print")
	}
	byID := map[uint]data.Order{}
	for start := 0; start < len(ids); start += idBatch {
		var batch []data.Order
		err := a.db.Preload("Lines", "state <> ?", data.LineCancelled).Where("id IN ?", ids[start:min(start+idBatch, len(ids))]).Find(&batch).Error
		if err != nil {
			return nil, fmt.Errorf("read orders to print: %w", err)
		}
		for _, o := range batch {
			o.Lines = parcelLines(o.Lines)
			byID[o.ID] = o
		}
	}
	out := make([]data.Order, 0, len(ids))
	for _, id := range ids {
		o, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("order %d: %w", id, ErrNotFound)
		}
		out = append(out, o)
	}
	return out, nil
}

// packingSlip is an order as its slip shows it; gift orders always get a gift slip.
func (a *App) packingSlip(o *data.Order, currency string, gift bool) reports.PackingSlip {
	money := func(m data.Money) string { return m.Format(currency) }
	s := reports.PackingSlip{
		OrderNumber: o.Number,
		OrderDate:   o.PlacedAt.In(a.Location()).Format("2 January 2006"),
		ShipTo:      reports.Address(o.ShipTo),
		FirstName:   reports.FirstName(firstNonEmpty(o.CustomerName, o.ShipTo.Name)),
		Gift:        gift || o.Gift,
	}
	slipTotals(&s, o, currency)
	if s.Gift {
		s.GiftMessage = strings.TrimSpace(o.Note)
	} else {
		s.CustomerNote = strings.TrimSpace(o.Note)
	}
	for _, l := range o.Lines {
		s.Lines = append(s.Lines, reports.SlipLine{SKU: l.SKU, Title: l.Title, Qty: l.Qty,
			UnitPrice: money(l.UnitPrice), Total: money(l.UnitPrice * data.Money(l.Qty))})
	}
	return s
}

// brandedShop is the shop as documents print it.
func brandedShop(s data.Shop) reports.Shop {
	return reports.Shop{Name: s.Name, Address: s.Address, Email: s.Email, Phone: s.Phone, Website: s.Website,
		Logo: s.Logo, Accent: s.AccentColor, ThankYouTemplate: s.ThankYouTemplate, ReturnInstructions: s.ReturnInstructions}
}

// DocumentPath is where the window saves a printed document named name: a "documents"
// folder beside the database, private to the user, made on first use.
func (a *App) DocumentPath(name string) (string, error) {
	dir := filepath.Join(filepath.Dir(a.path), "documents")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("make the documents folder: %w", err)
	}
	return filepath.Join(dir, name), nil
}
