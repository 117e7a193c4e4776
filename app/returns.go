package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// ReturnLineInput is units of one shipped order line that the customer sends back.
type ReturnLineInput struct {
	OrderLineID uint
	Qty         int
	Reason      data.ReturnReason
	Fault       data.Fault       // "" for the reason's default (data.DefaultFault)
	Disposition data.Disposition // "" to decide once the goods are back
}

// ReturnInput is a return (RMA) as the user opens it.
type ReturnInput struct {
	OrderID uint
	Lines   []ReturnLineInput
	Comment string    // the customer's own words
	Note    string    // for the shop only
	At      time.Time // when the customer asked; zero for now
}

// maxReturnText bounds a comment or note (a pasted e-mail fits).
const maxReturnText = 20000

// OpenReturn opens a return of shipped units of an order: each line is checked against what
// shipped and what already came back, and traced to the PO line (so the supplier) that
// delivered it. The order becomes partially_returned or returned.
func (a *App) OpenReturn(in ReturnInput) (data.Return, error) {
	in.Comment, in.Note = strings.TrimSpace(in.Comment), strings.TrimSpace(in.Note)
	if in.At.IsZero() {
		in.At = a.Now()
	}
	ret := data.Return{OrderID: in.OrderID, OpenedAt: in.At.UTC(), Status: data.ReturnRequested,
		CustomerComment: in.Comment, InternalNote: in.Note}
	if err := checkReturnInput(in, a.Now()); err != nil {
		return ret, err
	}
	err := a.write(func(tx *gorm.DB) error {
		var o data.Order
		if err := tx.Preload("Lines").First(&o, in.OrderID).Error; err != nil {
			return notFound(err, "order")
		}
		lines, err := returnLines(tx, o, in.Lines)
		if err != nil {
			return err
		}
		if ret.Number, err = nextRMA(tx); err != nil {
			return err
		}
		ret.Lines = lines
		if err := tx.Create(&ret).Error; err != nil {
			return fmt.Errorf("save %s: %w", ret.Number, err)
		}
		return updateOrderStatus(tx, o.ID)
	})
	if err != nil {
		return ret, fmt.Errorf("open a return of order %d: %w", in.OrderID, err)
	}
	return ret, nil
}

// checkReturnInput finds what is wrong with the input alone, before reading the order.
func checkReturnInput(in ReturnInput, now time.Time) error {
	var ps problems
	if len(in.Lines) == 0 {
		ps.add("lines", "pick at least one item and how many of it come back")
	}
	for _, l := range in.Lines {
		if l.Qty <= 0 {
			ps.add("qty", "%d: give how many units come back (1 or more)", l.Qty)
		}
		checkReturnChoice(&ps, l.Reason, l.Fault, l.Disposition)
	}
	if in.At.After(now) {
		ps.add("at", "%s is in the future; open the return when the customer asks", in.At.Format("2006-01-02 15:04"))
	}
	if len(in.Comment) > maxReturnText || len(in.Note) > maxReturnText {
		ps.add("comment", "keep the comment and the note under %d characters each", maxReturnText)
	}
	return ps.err()
}

// checkReturnChoice checks a reason, a fault ("" allowed) and a disposition ("" allowed).
func checkReturnChoice(ps *problems, r data.ReturnReason, f data.Fault, d data.Disposition) {
	if !validReason(r) {
		ps.add("reason", "%q is not a return reason; use one of %s", r, reasonNames())
	}
	if f != "" && !validFault(f) {
		ps.add("fault", "%q is not a fault; use customer, shop, carrier, supplier or unknown", f)
	}
	if d != "" && !validDisposition(d) {
		ps.add("disposition", "%q is not a disposition; use refund, replace, return_to_supplier, keep_as_stock or discard", d)
	}
}

// returnLines builds the return's lines: each must be a shipped line of the order, and the
// units asked for must not exceed those shipped less those already on returns.
func returnLines(tx *gorm.DB, o data.Order, in []ReturnLineInput) ([]data.ReturnLine, error) {
	byID := map[uint]data.OrderLine{}
	for _, l := range o.Lines {
		byID[l.ID] = l
	}
	returned, err := returnedUnits(tx, o.ID)
	if err != nil {
		return nil, err
	}
	var ps problems
	asked := map[uint]int{}
	var out []data.ReturnLine
	for _, l := range in {
		ol, ok := byID[l.OrderLineID]
		switch {
		case !ok:
			ps.add("lines", "line %d is not on order %s", l.OrderLineID, o.Number)
			continue
		case ol.State != data.LineShipped:
			ps.add("lines", "%s has not shipped (%s): only shipped items can come back", ol.SKU, ol.State)
			continue
		}
		asked[ol.ID] += l.Qty
		if left := ol.Qty - returned[ol.ID]; asked[ol.ID] > left {
			ps.add("qty", "%s: %d shipped and %d already returned, so at most %d can come back", ol.SKU, ol.Qty, returned[ol.ID], max(0, left))
			continue
		}
		pl, err := attributePOLine(tx, ol)
		if err != nil {
			return nil, err
		}
		fault := l.Fault
		if fault == "" {
			fault = data.DefaultFault(l.Reason)
		}
		out = append(out, data.ReturnLine{OrderLineID: ol.ID, POLineID: pl, Qty: l.Qty, Reason: l.Reason, Fault: fault, Disposition: l.Disposition})
	}
	return out, ps.err()
}

// returnedUnits is, per line of the order, the units already on returns.
func returnedUnits(tx *gorm.DB, orderID uint) (map[uint]int, error) {
	var rows []struct {
		OrderLineID uint
		Qty         int
	}
	err := tx.Raw(`SELECT rt.order_line_id, SUM(rt.qty) AS qty FROM return_lines rt
		JOIN order_lines ol ON ol.id = rt.order_line_id WHERE ol.order_id = ? GROUP BY rt.order_line_id`, orderID).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read units already returned: %w", err)
	}
	out := map[uint]int{}
	for _, r := range rows {
		out[r.OrderLineID] = r.Qty
	}
	return out, nil
}

// attributePOLine finds the PO line that delivered an order line: the last one serving it
// that had units accepted (a line re-bought after a PO closed short has two), else the last
// one serving it; for a line taken from spare stock, the PO line the spare units came from
// (or, for units a customer returned, the PO line that return was traced to). Nil when
// nothing delivered it through a PO.
func attributePOLine(tx *gorm.DB, ol data.OrderLine) (*uint, error) {
	var ids []uint
	err := tx.Model(&data.POLine{}).Where("order_line_id = ?", ol.ID).
		Order("qty_accepted > 0 DESC, id DESC").Limit(1).Pluck("id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("trace %s to its purchase order: %w", ol.SKU, err)
	}
	if len(ids) == 1 {
		return &ids[0], nil
	}
	if ol.LeftoverID == nil {
		return nil, nil
	}
	var left data.Leftover
	if err := tx.First(&left, *ol.LeftoverID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("trace %s to the spare stock it came from: %w", ol.SKU, err)
	}
	if left.POLineID != nil || left.ReturnLineID == nil {
		return left.POLineID, nil
	}
	var from data.ReturnLine
	if err := tx.Select("po_line_id").First(&from, *left.ReturnLineID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("trace %s to the return it came from: %w", ol.SKU, err)
	}
	return from.POLineID, nil
}

// nextRMA is the number for a new return: one more than the last one opened.
func nextRMA(tx *gorm.DB) (string, error) {
	var last []string
	if err := tx.Model(&data.Return{}).Order("id DESC").Limit(1).Pluck("number", &last).Error; err != nil {
		return "", fmt.Errorf("number the return: %w", err)
	}
	n := 0
	if len(last) == 1 {
		n, _ = strconv.Atoi(strings.TrimPrefix(last[0], "RMA-"))
	}
	return fmt.Sprintf("RMA-%04d", n+1), nil
}

func validReason(r data.ReturnReason) bool {
	for _, rf := range data.ReturnReasons {
		if rf.Reason == r {
			return true
		}
	}
	return false
}

func reasonNames() string {
	names := make([]string, len(data.ReturnReasons))
	for i, rf := range data.ReturnReasons {
		names[i] = string(rf.Reason)
	}
	return strings.Join(names, ", ")
}

func validFault(f data.Fault) bool {
	switch f {
	case data.FaultCustomer, data.FaultShop, data.FaultCarrier, data.FaultSupplier, data.FaultUnknown:
		return true
	}
	return false
}

func validDisposition(d data.Disposition) bool {
	for _, x := range data.Dispositions {
		if x == d {
			return true
		}
	}
	return false
}

// ReturnOrderID finds the order a customer's return is about by its number as the web shop
// shows it ("#1001"); a number used by two channels is refused with both named.
func (a *App) ReturnOrderID(number string) (uint, error) {
	number = strings.TrimSpace(number)
	var rows []data.Order
	if err := a.db.Select("id", "channel").Where("number = ?", number).Limit(5).Find(&rows).Error; err != nil {
		return 0, fmt.Errorf("find order %s: %w", number, err)
	}
	switch len(rows) {
	case 0:
		return 0, invalid("order", "there is no order %s", number)
	case 1:
		return rows[0].ID, nil
	}
	var chans []string
	for _, o := range rows {
		chans = append(chans, string(o.Channel))
	}
	return 0, invalid("order", "%s is an order number on %s: open this return in the window", number, strings.Join(chans, " and "))
}
