package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"clockwork/app"
	"clockwork/data"
)

// shopJSON is the `shop --json` shape: the Shop fields of DESIGN section 3, logo as has_logo.
type shopJSON struct {
	Name               string            `json:"name"`
	Address            string            `json:"address"`
	Email              string            `json:"email"`
	Phone              string            `json:"phone"`
	Website            string            `json:"website"`
	HasLogo            bool              `json:"has_logo"`
	AccentColor        string            `json:"accent_color"`
	ThankYouTemplate   string            `json:"thank_you_template"`
	ReturnInstructions string            `json:"return_instructions"`
	ReturnWindowDays   int               `json:"return_window_days"`
	Paper              string            `json:"paper"`
	Currency           string            `json:"currency"`
	HandlingDays       int               `json:"handling_days"`
	TimeZone           string            `json:"time_zone"`
	PurchasePolicy     string            `json:"purchase_policy"`
	ScoreWeights       map[string]int    `json:"score_weights"`
	Rates              map[string]string `json:"rates"` // currency → what one unit is worth in the shop's
}

func newShopJSON(s data.Shop) shopJSON {
	w := s.Weights
	return shopJSON{
		Name: s.Name, Address: s.Address, Email: s.Email, Phone: s.Phone, Website: s.Website,
		HasLogo: len(s.Logo) > 0, AccentColor: s.AccentColor, ThankYouTemplate: s.ThankYouTemplate,
		ReturnInstructions: s.ReturnInstructions, ReturnWindowDays: s.ReturnWindowDays, Paper: s.Paper,
		Currency: s.Currency, HandlingDays: s.HandlingDays, TimeZone: s.TimeZone, PurchasePolicy: s.PurchasePolicy,
		ScoreWeights: map[string]int{"otif": w.OTIF, "fill": w.Fill, "lead_time": w.LeadTime, "quality": w.Quality, "price": w.Price, "responsiveness": w.Responsiveness},
	}
}

// shopFlags maps each text flag to the Shop field it sets.
func shopFlags(s *data.Shop) map[string]*string {
	return map[string]*string{
		"name": &s.Name, "address": &s.Address, "email": &s.Email, "phone": &s.Phone, "website": &s.Website,
		"accent": &s.AccentColor, "thanks": &s.ThankYouTemplate, "returns": &s.ReturnInstructions,
		"paper": &s.Paper, "currency": &s.Currency, "timezone": &s.TimeZone, "policy": &s.PurchasePolicy,
	}
}

var shopFlagHelp = map[string]string{
	"name": "the shop's name", "address": `postal address (use \n between lines)`, "email": "e-mail address",
	"phone": "phone number", "website": "website", "accent": "accent colour as #RRGGBB",
	"thanks":  "thank-you note; {first_name}, {order_number} and {shop_name} are filled in",
	"returns": "return instructions printed on slips", "paper": "paper for documents: a4, letter or 4x6",
	"currency": "currency code, e.g. EUR", "timezone": "time zone, e.g. Europe/Berlin (empty: the computer's)",
	"policy": "purchase policy: preferred, cheapest, fastest or balanced",
}

func setupShop(fs *flag.FlagSet) func(c *call) error {
	text := map[string]*string{}
	for name := range shopFlags(&data.Shop{}) {
		text[name] = fs.String(name, "", shopFlagHelp[name])
	}
	logo := fs.String("logo", "", fmt.Sprintf("logo image file (PNG, JPEG or GIF, under %d MB and %d px a side)", app.MaxLogoBytes>>20, app.MaxLogoPixels))
	noLogo := fs.Bool("no-logo", false, "remove the logo")
	returnDays := fs.String("return-days", "", "days customers have to return items")
	handling := fs.String("handling-days", "", "days the shop needs to pack once goods arrive")
	var weights repeated
	fs.Var(&weights, "weight", weightHelp())
	preview := fs.String("preview", "", "write a sample packing slip with the shop's branding to this PDF (after any change)")
	asJSON := fs.Bool("json", false, "print the shop as JSON")
	rates := rateFlags(fs)
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		shop, err := a.Shop()
		if err != nil {
			return err
		}
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		changed := false
		fields := shopFlags(&shop)
		for name, v := range text {
			if set[name] {
				*fields[name] = strings.ReplaceAll(*v, `\n`, "\n")
				changed = true
			}
		}
		var problems []app.Problem
		days := []struct {
			flag   string
			value  *string
			target *int
		}{{"return-days", returnDays, &shop.ReturnWindowDays}, {"handling-days", handling, &shop.HandlingDays}}
		for _, d := range days {
			if !set[d.flag] {
				continue
			}
			n, err := strconv.Atoi(strings.TrimSpace(*d.value))
			if err != nil {
				problems = append(problems, app.Problem{Field: d.flag, Message: fmt.Sprintf("%q is not a whole number of days", *d.value)})
				continue
			}
			*d.target, changed = n, true
		}
		if set["weight"] {
			problems, changed = append(problems, applyWeights(weights, &shop.Weights)...), true
		}
		if set["logo"] && set["no-logo"] {
			return usagef("give --logo or --no-logo, not both")
		}
		if set["no-logo"] && *noLogo {
			shop.Logo, changed = nil, true
		}
		if set["logo"] {
			prepared, err := readLogo(*logo)
			if err != nil {
				return err
			}
			shop.Logo, changed = prepared, true
		}
		if len(problems) > 0 {
			return &app.InputError{Problems: problems}
		}
		if changed {
			if err := a.SaveShop(shop); err != nil {
				return err
			}
		}
		if len(*rates) > 0 {
			if err := setRates(a, *rates); err != nil {
				return err
			}
		}
		if *preview != "" {
			if err := app.WriteFile(*preview, func(w io.Writer) error { return a.WriteSampleSlip(w, shop) }); err != nil {
				return fmt.Errorf("write the sample slip %s: %w", *preview, err)
			}
		}
		stored, err := a.Rates()
		if err != nil {
			return err
		}
		return printShop(c, shop, stored, *asJSON)
	}
}

// readLogo reads and prepares a logo file, refusing one that is too big before reading it all.
func readLogo(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &app.InputError{Problems: []app.Problem{{File: path, Field: "logo", Message: "cannot read the file: " + err.Error()}}}
	}
	if info.Size() > app.MaxLogoBytes {
		return nil, &app.InputError{Problems: []app.Problem{{File: path, Field: "logo", Message: fmt.Sprintf("the file is %.1f MB; use a logo under %d MB", float64(info.Size())/(1<<20), app.MaxLogoBytes>>20)}}}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return app.PrepareLogo(raw)
}

func printShop(c *call, s data.Shop, rates []app.Rate, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(c.env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		j := newShopJSON(s)
		j.Rates = rateMap(rates)
		return enc.Encode(j)
	}
	logo := "none"
	if len(s.Logo) > 0 {
		logo = fmt.Sprintf("%d bytes", len(s.Logo))
	}
	w := c.env.Stdout
	fmt.Fprintf(w, "Name:            %s\n", s.Name)
	fmt.Fprintf(w, "Address:         %s\n", strings.ReplaceAll(s.Address, "\n", ", "))
	fmt.Fprintf(w, "E-mail:          %s\nPhone:           %s\nWebsite:         %s\n", s.Email, s.Phone, s.Website)
	fmt.Fprintf(w, "Logo:            %s\nAccent colour:   %s\nPaper:           %s\n", logo, s.AccentColor, s.Paper)
	fmt.Fprintf(w, "Thank-you note:  %s\nReturns:         %s (%d days)\n", s.ThankYouTemplate, s.ReturnInstructions, s.ReturnWindowDays)
	fmt.Fprintf(w, "Currency:        %s\nHandling days:   %d\nTime zone:       %s\nPurchase policy: %s\n", s.Currency, s.HandlingDays, orDefault(s.TimeZone, "this computer's"), s.PurchasePolicy)
	printRates(w, s.Currency, rates)
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
