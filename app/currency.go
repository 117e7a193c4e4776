package app

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"clockwork/data"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Rate is what one unit of a foreign currency is worth in the shop's currency.
type Rate struct {
	Currency string // ISO code, e.g. "USD"
	Micros   int64  // millionths of the shop's currency: 923400 is 0.9234
}

// String writes the rate as a decimal: "0.9234".
func (r Rate) String() string {
	s := strconv.FormatInt(r.Micros/1e6, 10) + "." + fmt.Sprintf("%06d", r.Micros%1e6)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

// maxMoney bounds a converted amount (ten trillion in cents), far from int64 overflow.
const maxMoney = 1e15

// maxRateMicros bounds a rate (1 unit = at most a million of the shop's): more is a typo.
const maxRateMicros = 1e12

// ParseRate reads "USD=0.9234" (as `clockwork shop --rate` takes it): a three-letter code
// and a positive decimal with up to six decimals; "USD=" (no rate) means "remove it".
func ParseRate(s string) (Rate, error) {
	code, num, ok := strings.Cut(strings.TrimSpace(s), "=")
	code = strings.ToUpper(strings.TrimSpace(code))
	if !ok || !currencyPattern.MatchString(code) {
		return Rate{}, invalid("rate", "%q: write a currency code and its rate, e.g. USD=0.9234", s)
	}
	num = strings.ReplaceAll(strings.TrimSpace(num), ",", ".")
	if num == "" {
		return Rate{Currency: code}, nil
	}
	whole, frac, _ := strings.Cut(num, ".")
	if whole == "" {
		whole = "0"
	}
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt((frac + "000000")[:6], 10, 64)
	if err1 != nil || err2 != nil || len(frac) > 6 || w < 0 || strings.HasPrefix(frac, "-") {
		return Rate{}, invalid("rate", "%q: the rate must be a number like 0.9234 (up to six decimals)", num)
	}
	r := Rate{Currency: code, Micros: w*1e6 + f}
	if r.Micros <= 0 || r.Micros > maxRateMicros {
		return Rate{}, invalid("rate", "%s=%s: a rate must be above 0 and at most 1000000", code, num)
	}
	return r, nil
}

// Rates lists the currency rates the owner has set, by currency code.
func (a *App) Rates() ([]Rate, error) {
	var rows []data.CurrencyRate
	if err := a.db.Order("currency").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read currency rates: %w", err)
	}
	out := make([]Rate, len(rows))
	for i, r := range rows {
		out[i] = Rate{Currency: r.Currency, Micros: r.Micros}
	}
	return out, nil
}

// SetRates stores rates (a rate of 0 removes the currency's rate), all or none. A rate for
// the shop's own currency is refused: it is always 1.
func (a *App) SetRates(rates ...Rate) error {
	shop, err := a.Shop()
	if err != nil {
		return err
	}
	var ps problems
	for _, r := range rates {
		switch {
		case !currencyPattern.MatchString(r.Currency):
			ps.add("rate", "%q is not a currency code like USD", r.Currency)
		case r.Currency == shop.Currency:
			ps.add("rate", "%s is the shop's own currency: it needs no rate", r.Currency)
		case r.Micros < 0 || r.Micros > maxRateMicros:
			ps.add("rate", "%s: a rate must be above 0 and at most 1000000", r.Currency)
		}
	}
	if err := ps.err(); err != nil {
		return err
	}
	return a.write(func(tx *gorm.DB) error {
		for _, r := range rates {
			q := tx.Where("currency = ?", r.Currency)
			if r.Micros == 0 {
				if err := q.Delete(&data.CurrencyRate{}).Error; err != nil {
					return fmt.Errorf("remove the %s rate: %w", r.Currency, err)
				}
				continue
			}
			err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "currency"}},
				DoUpdates: clause.AssignmentColumns([]string{"micros", "updated_at"})}).
				Create(&data.CurrencyRate{Currency: r.Currency, Micros: r.Micros}).Error
			if err != nil {
				return fmt.Errorf("store the %s rate: %w", r.Currency, err)
			}
		}
		return nil
	})
}

// convert turns an amount of a foreign currency into the shop's at rate micros, rounded to
// the cent (half away from zero); ok is false when the result is too large to hold.
func convert(m data.Money, micros int64) (data.Money, bool) {
	p := new(big.Int).Mul(big.NewInt(int64(m)), big.NewInt(micros))
	half := big.NewInt(500_000)
	if p.Sign() < 0 {
		half.Neg(half)
	}
	p.Add(p, half).Quo(p, big.NewInt(1_000_000))
	if !p.IsInt64() || p.CmpAbs(big.NewInt(maxMoney)) > 0 {
		return 0, false
	}
	return data.Money(p.Int64()), true
}

// rateTable is the rates by currency code, for an import.
func (a *App) rateTable() (map[string]int64, error) {
	rates, err := a.Rates()
	if err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(rates))
	for _, r := range rates {
		out[r.Currency] = r.Micros
	}
	return out, nil
}

// rateList writes the rates for a message: "USD=0.9234, GBP=1.17", or "none".
func rateList(rates map[string]int64) string {
	var parts []string
	for c, m := range rates {
		parts = append(parts, c+"="+Rate{Currency: c, Micros: m}.String())
	}
	sort.Strings(parts)
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
