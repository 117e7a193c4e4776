package app

import (
	"sync"
	"time"

	"clockwork/data"
)

// leadHistory remembers each supplier's lead times (days from sending a PO line to its first
// receipt), so that promising orders does not reread a year of receipts every time: an import,
// a purchase run or a simulated day reads a supplier's history once, and receiving adds to it
// as goods arrive (noteFirstReceipt). It is dropped whenever it might be wrong: a transaction
// that failed, a restore, or a commit by another process (the data version moved).
type leadHistory struct {
	mu         sync.Mutex
	version    int64     // data version when filled (data.Engine.DataVersion)
	from       time.Time // holds lines sent since then
	loc        *time.Location
	bySupplier map[uint][]leadSample
	// veryPoor travels with the lead times to every promise: planning refreshes it.
	veryPoor veryPoorSuppliers
}

// leadSample is one received PO line: when it was sent and how many days its goods took.
type leadSample struct {
	sent time.Time
	days int
}

// reset forgets everything.
func (h *leadHistory) reset() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.bySupplier = nil
}

// samples returns the supplier's lead samples of lines sent since `since`, reading them with
// read (from h's start) the first time.
func (h *leadHistory) samples(id uint, since time.Time, version int64, loc *time.Location, read func(from time.Time) ([]leadSample, error)) ([]leadSample, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.bySupplier == nil || version != h.version || since.Before(h.from) || loc != h.loc {
		h.bySupplier, h.version, h.from, h.loc = map[uint][]leadSample{}, version, since, loc
	}
	all, ok := h.bySupplier[id]
	if !ok {
		var err error
		if all, err = read(h.from); err != nil {
			return nil, err
		}
		h.bySupplier[id] = all
	}
	out := make([]leadSample, 0, len(all))
	for _, s := range all {
		if !s.sent.Before(since) {
			out = append(out, s)
		}
	}
	return out, nil
}

// add records a line's first receipt for a supplier whose history is held.
func (h *leadHistory) add(id uint, sent, received time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	all, ok := h.bySupplier[id]
	if !ok || sent.Before(h.from) {
		return // read in full when next needed
	}
	days := data.DayOf(sent, h.loc).DaysUntil(data.DayOf(received, h.loc))
	h.bySupplier[id] = append(all, leadSample{sent: sent, days: days})
}

// noteFirstReceipt tells the promise dates that a PO line of the supplier, sent at sent, got
// its first goods at received. Receiving calls it for each such line, inside its transaction
// (it touches only memory; if the transaction fails, the history is dropped).
func (a *App) noteFirstReceipt(supplierID uint, sent, received time.Time) {
	a.shared.leads.add(supplierID, sent, received)
}
