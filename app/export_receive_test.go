package app

import "time"

// HoldLeadHistory makes the lead-time history hold the supplier (with no samples yet), as
// promising an order for it would.
func (a *App) HoldLeadHistory(supplierID uint, since time.Time) {
	a.shared.leads.samples(supplierID, since, 0, time.UTC, func(time.Time) ([]leadSample, error) { return nil, nil })
}

// HeldLeadDays are the lead days the history holds for the supplier.
func (a *App) HeldLeadDays(supplierID uint) []int {
	a.shared.leads.mu.Lock()
	defer a.shared.leads.mu.Unlock()
	var out []int
	for _, s := range a.shared.leads.bySupplier[supplierID] {
		out = append(out, s.days)
	}
	return out
}
