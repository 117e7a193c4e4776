package app

import (
	"database/sql"
	"fmt"
	"sort"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// planLine is an unpurchased order line waiting to be bought.
type planLine struct {
	ID          uint
	OrderID     uint
	OrderNumber string
	PlacedAt    time.Time
	ShipBy      data.Day
	ProductID   *uint
	SKU         string
	Title       string
	Qty         int
}

// planOffer is an offer with what planning needs of its supplier.
type planOffer struct {
	data.Offer
	SupplierName          string
	SupplierStatus        data.SupplierStatus
	QuotedLeadDays        int
	OrderCutoff           string
	OrderFee              data.Money
	ShippingCharge        data.Money
	FreeShippingThreshold data.Money
}

// terms are the charges of the offer's supplier.
func (o planOffer) terms() data.SupplierTerms {
	return data.SupplierTerms{OrderFee: o.OrderFee, ShippingCharge: o.ShippingCharge, FreeShippingThreshold: o.FreeShippingThreshold}
}

// draftLine is a line already on a supplier's open draft.
type draftLine struct {
	ID              uint
	PurchaseOrderID uint
	OrderLineID     *uint
	OfferID         *uint
	Qty             int
	UnitCost        data.Money
}

// planInput is everything a plan is made from, read in a few queries.
type planInput struct {
	lines     []planLine
	offers    map[uint][]planOffer // by product
	leftovers map[uint][]leftoverTake
	drafts    map[uint]data.PurchaseOrder // the newest open draft by supplier
	draftRows map[uint][]draftLine        // by draft PO
}

// leftoverTake is spare stock of a product, and (in a plan) how much of it a line takes.
type leftoverTake struct {
	ID  uint
	Qty int
}

// loadPlanInput reads the unpurchased lines of open orders (of orderIDs only, when given),
// oldest order first, with their products' offers, spare stock and open drafts.
func loadPlanInput(db *gorm.DB, orderIDs []uint) (*planInput, error) {
	in := &planInput{offers: map[uint][]planOffer{}, leftovers: map[uint][]leftoverTake{},
		drafts: map[uint]data.PurchaseOrder{}, draftRows: map[uint][]draftLine{}}
	if err := in.loadLines(db, orderIDs); err != nil {
		return nil, err
	}
	var products []uint
	seen := map[uint]bool{}
	for _, l := range in.lines {
		if l.ProductID != nil && !seen[*l.ProductID] {
			seen[*l.ProductID] = true
			products = append(products, *l.ProductID)
		}
	}
	if err := in.loadOffers(db, products); err != nil {
		return nil, err
	}
	if err := in.loadLeftovers(db, products); err != nil {
		return nil, err
	}
	return in, in.loadDrafts(db)
}

const planLinesSQL = `SELECT order_lines.id, order_lines.order_id, orders.number, orders.placed_at, COALESCE(orders.ship_by, ''),
	order_lines.product_id, order_lines.sku, order_lines.title, order_lines.qty
	FROM order_lines JOIN orders ON orders.id = order_lines.order_id
	WHERE order_lines.state = ? AND orders.status IN ? AND orders.held = ?`

func (in *planInput) loadLines(db *gorm.DB, orderIDs []uint) error {
	read := func(extra string, args ...any) error {
		rows, err := db.Raw(planLinesSQL+extra, append([]any{data.LineUnpurchased, openOrderStatuses, false}, args...)...).Rows()
		if err != nil {
			return fmt.Errorf("read lines to purchase: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var l planLine
			var placed data.ScannedTime
			if err := rows.Scan(&l.ID, &l.OrderID, &l.OrderNumber, &placed, &l.ShipBy, &l.ProductID, &l.SKU, &l.Title, &l.Qty); err != nil {
				return fmt.Errorf("read lines to purchase: %w", err)
			}
			if placed.T != nil {
				l.PlacedAt = *placed.T
			}
			in.lines = append(in.lines, l)
		}
		return rows.Err()
	}
	if orderIDs == nil {
		if err := read(""); err != nil {
			return err
		}
	}
	for start := 0; start < len(orderIDs); start += idBatch {
		if err := read(" AND order_lines.order_id IN ?", orderIDs[start:min(start+idBatch, len(orderIDs))]); err != nil {
			return err
		}
	}
	// The oldest order is served first: it gets the spare stock and waits least.
	sort.SliceStable(in.lines, func(i, j int) bool {
		a, b := in.lines[i], in.lines[j]
		if !a.PlacedAt.Equal(b.PlacedAt) {
			return a.PlacedAt.Before(b.PlacedAt)
		}
		if a.OrderNumber != b.OrderNumber {
			return a.OrderNumber < b.OrderNumber
		}
		return a.ID < b.ID
	})
	return nil
}

// planOffersSQL reads what planning needs of offers and their suppliers, column by column:
// a plan of a big shop reads thousands, and scanning by reflection took most of its time.
const planOffersSQL = `SELECT offers.id, offers.product_id, offers.supplier_id, offers.supplier_sku, offers.unit_cost,
	offers.pack_size, offers.min_qty, offers.lead_days, offers.priority, offers.valid_from, offers.valid_to, offers.active,
	suppliers.name, suppliers.status, suppliers.quoted_lead_days, suppliers.order_cutoff,
	suppliers.order_fee, suppliers.shipping_charge, suppliers.free_shipping_threshold
	FROM offers JOIN suppliers ON suppliers.id = offers.supplier_id WHERE offers.product_id IN ? ORDER BY offers.id`

func (in *planInput) loadOffers(db *gorm.DB, products []uint) error {
	for start := 0; start < len(products); start += idBatch {
		rows, err := db.Raw(planOffersSQL, products[start:min(start+idBatch, len(products))]).Rows()
		if err != nil {
			return fmt.Errorf("read offers to purchase from: %w", err)
		}
		for rows.Next() {
			var o planOffer
			var cutoff, validFrom, validTo sql.NullString
			err := rows.Scan(&o.ID, &o.ProductID, &o.SupplierID, &o.SupplierSKU, &o.UnitCost, &o.PackSize, &o.MinQty, &o.LeadDays,
				&o.Priority, &validFrom, &validTo, &o.Active, &o.SupplierName, &o.SupplierStatus, &o.QuotedLeadDays, &cutoff,
				&o.OrderFee, &o.ShippingCharge, &o.FreeShippingThreshold)
			if err != nil {
				rows.Close()
				return fmt.Errorf("read offers to purchase from: %w", err)
			}
			o.ValidFrom, o.ValidTo, o.OrderCutoff = data.Day(validFrom.String), data.Day(validTo.String), cutoff.String
			in.offers[o.ProductID] = append(in.offers[o.ProductID], o)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read offers to purchase from: %w", err)
		}
	}
	return nil
}

func (in *planInput) loadLeftovers(db *gorm.DB, products []uint) error {
	for start := 0; start < len(products); start += idBatch {
		var rows []data.Leftover
		err := db.Select("id", "product_id", "qty").Where("qty > 0 AND product_id IN ?", products[start:min(start+idBatch, len(products))]).
			Order("id").Find(&rows).Error
		if err != nil {
			return fmt.Errorf("read spare stock: %w", err)
		}
		for _, r := range rows {
			in.leftovers[r.ProductID] = append(in.leftovers[r.ProductID], leftoverTake{ID: r.ID, Qty: min(r.Qty, MaxQty)})
		}
	}
	return nil
}

// loadDrafts reads every open draft (a shop has a handful) and the lines on them.
func (in *planInput) loadDrafts(db *gorm.DB) error {
	var drafts []data.PurchaseOrder
	if err := db.Select("id", "number", "supplier_id").Where("status = ?", data.PODraft).Order("id").Find(&drafts).Error; err != nil {
		return fmt.Errorf("read draft purchase orders: %w", err)
	}
	var ids []uint
	for _, d := range drafts {
		in.drafts[d.SupplierID] = d // the newest wins
		ids = append(ids, d.ID)
	}
	for start := 0; start < len(ids); start += idBatch {
		var rows []draftLine
		err := db.Model(&data.POLine{}).Select("id", "purchase_order_id", "order_line_id", "offer_id", "qty", "unit_cost").
			Where("purchase_order_id IN ?", ids[start:min(start+idBatch, len(ids))]).Order("id").Scan(&rows).Error
		if err != nil {
			return fmt.Errorf("read draft purchase order lines: %w", err)
		}
		for _, r := range rows {
			in.draftRows[r.PurchaseOrderID] = append(in.draftRows[r.PurchaseOrderID], r)
		}
	}
	return nil
}
