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
	replaced, err := a.replacementParcels(orders)
	if err != nil {
		return err
	}
	slips := make([]reports.PackingSlip, len(orders))
	for i := range orders {
		slips[i] = a.packingSlip(&orders[i], shop.Currency, opt.Gift)
		slips[i].Replacement = replaced[orders[i].ID]
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

// replacementParcels are the orders whose next parcel holds only replacements for goods
// returned (a `replace` disposition): their slips say so and carry no prices.
func (a *App) replacementParcels(orders []data.Order) (map[uint]bool, error) {
	var lineIDs []uint
	for _, o := range orders {
		for _, l := range o.Lines {
			lineIDs = append(lineIDs, l.ID)
		}
	}
	replacement := map[uint]bool{}
	for start := 0; start < len(lineIDs); start += idBatch {
		var ids []uint
		err := a.db.Model(&data.ReturnLine{}).Where("replacement_line_id IN ?", lineIDs[start:min(start+idBatch, len(lineIDs))]).
			Pluck("replacement_line_id", &ids).Error
		if err != nil {
			return nil, fmt.Errorf("find replacement parcels: %w", err)
		}
		for _, id := range ids {
			replacement[id] = true
		}
	}
	out := map[uint]bool{}
	for _, o := range orders {
		all := len(o.Lines) > 0
		for _, l := range o.Lines {
			all = all && replacement[l.ID]
		}
		out[o.ID] = all
	}
	return out, nil
}

// packingSlip is an order as its slip shows it; gift orders always get a gift slip.
func (a *App) packingSlip(o *data.Order, currency string, gift bool) reports.PackingSlip {
	amounts := slipMoney(o, currency)
	money := func(m data.Money) string { return m.Format(amounts.currency) }
	s := reports.PackingSlip{
		OrderNumber: o.Number,
		OrderDate:   o.PlacedAt.In(a.Location()).Format("2 January 2006"),
		ShipTo:      reports.Address(o.ShipTo),
		FirstName:   reports.FirstName(firstNonEmpty(o.CustomerName, o.ShipTo.Name)),
		Gift:        gift || o.Gift,
	}
	slipTotals(&s, o, amounts)
	if s.Gift {
		s.GiftMessage = strings.TrimSpace(o.Note)
	} else {
		s.CustomerNote = strings.TrimSpace(o.Note)
	}
	for i, l := range o.Lines {
		price := amounts.unitPrices[i]
		s.Lines = append(s.Lines, reports.SlipLine{SKU: l.SKU, Title: l.Title, Qty: l.Qty,
			UnitPrice: money(price), Total: money(price * data.Money(l.Qty))})
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
	dir := filepath.Join(a.Folder(), "documents")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("make the documents folder: %w", err)
	}
	return filepath.Join(dir, name), nil
}

// FontAdvice says which scripts in the orders' names, addresses, notes and items no font on
// this computer prints, and which font to install; "" when everything prints.
func (a *App) FontAdvice(orderIDs []uint) (string, error) {
	orders, err := a.ordersWithLines(orderIDs)
	if err != nil {
		return "", err
	}
	shop, err := a.Shop()
	if err != nil {
		return "", err
	}
	texts := []string{shop.Name, shop.Address, shop.ThankYouTemplate, shop.ReturnInstructions}
	for _, o := range orders {
		t := o.ShipTo
		texts = append(texts, o.CustomerName, o.Note, t.Name, t.Company, t.Address1, t.Address2, t.City, t.Province, t.Country)
		for _, l := range o.Lines {
			texts = append(texts, l.Title)
		}
	}
	return reports.MissingFonts(texts...), nil
}
