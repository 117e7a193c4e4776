package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"clockwork/app"
)

// rateFlags collects every --rate CODE=RATE given; reading them waits for the shop's
// currency, so a bad one is reported with the others.
func rateFlags(fs *flag.FlagSet) *[]string {
	var given []string
	fs.Func("rate", "what one unit of a foreign currency is worth in the shop's, e.g. USD=0.9234 (repeat for more; USD= removes it): orders in it are converted at import", func(s string) error {
		given = append(given, s)
		return nil
	})
	return &given
}

// setRates reads and stores the --rate flags.
func setRates(a *app.App, given []string) error {
	var rates []app.Rate
	var problems []app.Problem
	for _, s := range given {
		r, err := app.ParseRate(s)
		if err != nil {
			problems = append(problems, app.Problem{Field: "rate", Message: strings.TrimPrefix(err.Error(), "rate: ")})
			continue
		}
		rates = append(rates, r)
	}
	if len(problems) > 0 {
		return &app.InputError{Problems: problems}
	}
	return a.SetRates(rates...)
}

// rateMap is the rates for `shop --json`: code → decimal text.
func rateMap(rates []app.Rate) map[string]string {
	out := map[string]string{}
	for _, r := range rates {
		out[r.Currency] = r.String()
	}
	return out
}

// printRates writes the rates line of `shop`.
func printRates(w io.Writer, shopCurrency string, rates []app.Rate) {
	var parts []string
	for _, r := range rates {
		parts = append(parts, fmt.Sprintf("1 %s = %s %s", r.Currency, r, shopCurrency))
	}
	fmt.Fprintf(w, "Rates:           %s\n", orDefault(strings.Join(parts, ", "), "none (orders in other currencies are refused)"))
}
