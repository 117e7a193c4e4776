package app

import (
	"fmt"
	"strings"

	"clockwork/data"

	"gorm.io/gorm"
)

// ReceiveResult says plainly what a delivery changed, for the screen and the command line.
type ReceiveResult struct {
	PONumber  string
	POStatus  data.POStatus
	Ready     []string // numbers of orders that became ready to pack
	StillOwed []Owed   // what the supplier still owes on the PO, by SKU
}

// Owed is a quantity of one SKU a supplier still owes.
type Owed struct {
	SKU string
	Qty int
}

// String is the sentence the owner reads after saving, e.g.
// "Ready to pack: #1001, #1004 · still owed: 2 × BET-100".
func (r ReceiveResult) String() string {
	var parts []string
	if len(r.Ready) > 0 {
		parts = append(parts, "Ready to pack: "+strings.Join(r.Ready, ", "))
	} else {
		parts = append(parts, "No order is complete yet")
	}
	if len(r.StillOwed) == 0 {
		parts = append(parts, r.PONumber+" received in full")
	} else {
		owed := make([]string, len(r.StillOwed))
		for i, o := range r.StillOwed {
			owed[i] = fmt.Sprintf("%d × %s", o.Qty, o.SKU)
		}
		parts = append(parts, "still owed: "+strings.Join(owed, ", "))
	}
	return strings.Join(parts, " · ")
}

// receiveResult reads what the delivery left: the orders now ready and what is still owed.
func receiveResult(tx *gorm.DB, po data.PurchaseOrder, orderIDs []uint) (ReceiveResult, error) {
	res := ReceiveResult{PONumber: po.Number, POStatus: po.Status}
	if len(orderIDs) > 0 {
		err := tx.Model(&data.Order{}).Where("id IN ? AND status = ?", orderIDs, data.OrderReady).
			Order("placed_at, number").Pluck("number", &res.Ready).Error
		if err != nil {
			return res, fmt.Errorf("read orders ready to pack: %w", err)
		}
	}
	index := map[string]int{}
	for _, l := range po.Lines {
		open := l.Qty - l.QtyAccepted
		if open <= 0 {
			continue
		}
		i, ok := index[l.SKU]
		if !ok {
			i = len(res.StillOwed)
			index[l.SKU] = i
			res.StillOwed = append(res.StillOwed, Owed{SKU: l.SKU})
		}
		res.StillOwed[i].Qty += open
	}
	return res, nil
}
