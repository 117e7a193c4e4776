package app

import (
	"strings"
	"sync"

	"clockwork/data"
)

// notBuyingFrom are the supplier statuses the shop does not order from: blocked or paused
// by the owner, or a prospect not vetted yet.
var notBuyingFrom = []data.SupplierStatus{data.SupplierBlocked, data.SupplierPaused, data.SupplierProspect}

// buysFrom says whether the shop orders from a supplier in this status.
func buysFrom(s data.SupplierStatus) bool {
	for _, no := range notBuyingFrom {
		if s == no {
			return false
		}
	}
	return true
}

// buyable is the one rule of which offers the shop may buy, used by purchase planning and by
// promise dates alike: an active offer, valid today, from a supplier the shop orders from
// whose scorecard does not stand very poor. When it is not, it says why.
func buyable(active bool, validFrom, validTo data.Day, status data.SupplierStatus, standing Standing, today data.Day) (bool, ExceptionReason) {
	switch {
	case !active:
		return false, ExceptionNoOffer
	case (validFrom != "" && validFrom > today) || (validTo != "" && validTo < today):
		return false, ExceptionOfferExpired
	case !buysFrom(status) || standing == StandingVeryPoor:
		return false, ExceptionBlocked
	}
	return true, ""
}

// buyableOffer is buyable in SQL, over offers joined with suppliers, but for the scorecard
// (callers skip very poor suppliers themselves); its arguments are buyableArgs(today).
var buyableOffer = ` AND offers.active AND suppliers.status NOT IN (?` + strings.Repeat(",?", len(notBuyingFrom)-1) + `)
	AND (offers.valid_from = '' OR offers.valid_from <= ?) AND (offers.valid_to = '' OR offers.valid_to >= ?)`

func buyableArgs(today data.Day) []any {
	var args []any
	for _, s := range notBuyingFrom {
		args = append(args, s)
	}
	return append(args, today, today)
}

// veryPoorSuppliers remembers which suppliers the scorecards last rated very poor, so that
// promise dates, worked out inside write transactions where a scorecard is too costly to
// read, skip the same suppliers planning skips. Every planning run refreshes it.
type veryPoorSuppliers struct {
	mu  sync.Mutex
	ids map[uint]bool
}

func (v *veryPoorSuppliers) set(ratings map[uint]SupplierRating) {
	ids := map[uint]bool{}
	for id, r := range ratings {
		if r.Standing == StandingVeryPoor {
			ids[id] = true
		}
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	v.ids = ids
}

func (v *veryPoorSuppliers) has(id uint) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.ids[id]
}

// ratings is the remembered very poor standings as ratings, for buyable's checks outside
// planning (moving a PO line to another offer).
func (v *veryPoorSuppliers) ratings() map[uint]SupplierRating {
	v.mu.Lock()
	defer v.mu.Unlock()
	out := make(map[uint]SupplierRating, len(v.ids))
	for id := range v.ids {
		out[id] = SupplierRating{Standing: StandingVeryPoor}
	}
	return out
}
