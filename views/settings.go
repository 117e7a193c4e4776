package views

import (
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// settingsSource is what the Settings screen needs from the app.
type settingsSource interface {
	Shop() (data.Shop, error)
	SaveShop(data.Shop) error
	WriteSampleSlip(w io.Writer, shop data.Shop) error
	DocumentPath(name string) (string, error)
	backupSource
	ratesSource
	mailSource
	sharedSource
}

// paperNames are the paper sizes as people call them.
var paperNames = map[string]string{data.PaperA4: "A4", data.PaperLetter: "US Letter", data.Paper4x6: "4×6 in label"}

// settings is the Settings screen: the shop's details and branding, and backups.
type settings struct {
	src settingsSource
	win fyne.Window
	bg  runner
	// openDoc shows a finished document in the system's viewer (tests catch it instead).
	openDoc func(path string) error
	loaded  data.Shop // as last read or saved
	entries map[string]*widget.Entry
	paper   *widget.Select
	policy  *widget.Select
	logo    []byte
	logoImg *canvas.Image
	swatch  *canvas.Rectangle
	status  *widget.Label
	weights *widget.Label // the weights' sum, kept up to date while typing
	save    *widget.Button
	dirty   bool
	filling bool // set while the form is filled from the database, so that is not an edit
	backups *backupsPanel
	rates   *ratesPanel
	mail    *mailSettings
	shared  *sharedPanel
	root    fyne.CanvasObject
}

func newSettings(src settingsSource, win fyne.Window, bg runner) *settings {
	s := &settings{src: src, win: win, bg: bg, openDoc: openPath, entries: map[string]*widget.Entry{}}
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.backups = newBackupsPanel(src, win, bg, s.onRestored)
	s.rates = newRatesPanel(src, bg, s.entry("currency", "EUR", false))
	s.mail = newMailSettings(src, bg)
	s.shared = newSharedPanel(src, win, bg)
	form := container.NewVScroll(container.NewPadded(container.NewVBox(
		widget.NewCard("Shop", "Printed on packing slips and purchase orders.", s.shopForm()),
		widget.NewCard("Branding", "How your parcels look.", s.brandingForm()),
		widget.NewCard("Working", "How Clockwork plans for you.", s.workingForm()),
		s.rates.card(),
		s.mail.card(),
		s.backups.card(),
		s.shared.card(),
	)))
	// The save bar stays in view however far the form is scrolled.
	bar := container.NewPadded(container.NewBorder(nil, nil, nil, s.saveButtons(), s.status))
	s.root = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), bar), nil, nil, form)
	s.load()
	s.rates.load()
	return s
}

func (s *settings) content() fyne.CanvasObject { return s.root }

// entry makes a tracked entry: typing into it marks the form unsaved.
func (s *settings) entry(key, placeholder string, multi bool) *widget.Entry {
	e := widget.NewEntry()
	if multi {
		e = widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
	}
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { s.edited() }
	s.entries[key] = e
	return e
}

func (s *settings) shopForm() fyne.CanvasObject {
	return widget.NewForm(
		widget.NewFormItem("Name", s.entry("name", "Linden & Loom", false)),
		widget.NewFormItem("Address", s.entry("address", "Street 1\nZIP City\nCountry", true)),
		widget.NewFormItem("E-mail", s.entry("email", "hello@example.com", false)),
		widget.NewFormItem("Phone", s.entry("phone", "+49 30 1234567", false)),
		widget.NewFormItem("Website", s.entry("website", "https://example.com", false)),
	)
}

func (s *settings) brandingForm() fyne.CanvasObject {
	s.logoImg = canvas.NewImageFromResource(nil)
	s.logoImg.FillMode = canvas.ImageFillContain
	s.logoImg.SetMinSize(fyne.NewSize(220, 80))
	choose := widget.NewButtonWithIcon("Choose logo…", theme.FolderOpenIcon(), s.onChooseLogo)
	remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { s.setLogo(nil); s.edited() })
	s.swatch = canvas.NewRectangle(color.Black)
	s.swatch.SetMinSize(fyne.NewSize(28, 28))
	s.swatch.CornerRadius = 4
	accent := s.entry("accent", "#2F6F62", false)
	accent.OnChanged = func(v string) { s.showSwatch(v); s.edited() }
	pick := widget.NewButton("Pick…", s.onPickColour)
	s.paper = widget.NewSelect([]string{paperNames[data.PaperA4], paperNames[data.PaperLetter], paperNames[data.Paper4x6]}, func(string) { s.edited() })
	return widget.NewForm(
		widget.NewFormItem("Logo", container.NewHBox(s.logoImg, container.NewVBox(choose, remove))),
		widget.NewFormItem("Accent colour", container.NewBorder(nil, nil, s.swatch, pick, accent)),
		widget.NewFormItem("Thank-you note", s.entry("thanks", "Thank you, {first_name}!", true)),
		widget.NewFormItem("", hint("{first_name}, {order_number} and {shop_name} are filled in for each order.")),
		widget.NewFormItem("Return instructions", s.entry("returns", "Send it back within 30 days…", true)),
		widget.NewFormItem("Return window (days)", s.entry("returnDays", "30", false)),
		widget.NewFormItem("", hint("Start a return warns when an order shipped longer ago than this; 0 for no window.")),
		widget.NewFormItem("Paper", s.paper),
		widget.NewFormItem("", container.NewHBox(widget.NewButtonWithIcon("Preview slip", theme.VisibilityIcon(), s.onPreview))),
	)
}

// onPreview builds a packing slip for a sample order with the branding as the form has it
// now (saved or not) and opens it.
func (s *settings) onPreview() {
	shop, problems := s.form()
	if len(problems) > 0 {
		s.status.SetText("No preview. Please fix:\n• " + strings.Join(problems, "\n• "))
		return
	}
	s.bg(func() {
		path, err := s.src.DocumentPath("slip-preview.pdf")
		if err == nil {
			err = app.WriteFile(path, func(w io.Writer) error { return s.src.WriteSampleSlip(w, shop) })
		}
		var opened error
		if err == nil {
			opened = s.openDoc(path)
		}
		fyne.Do(func() {
			if err != nil {
				s.status.SetText("No preview: " + strings.Join(describe(err), "; "))
				return
			}
			if opened != nil {
				s.status.SetText("The preview slip is saved at " + path)
				cannotOpen(s.win, path)
				return
			}
			s.status.SetText("The preview slip opened in your PDF viewer: " + path)
		})
	})
}

func (s *settings) workingForm() fyne.CanvasObject {
	s.policy = widget.NewSelect(app.Policies, func(string) { s.edited() })
	return widget.NewForm(
		widget.NewFormItem("Handling days", s.entry("handling", "1", false)),
		widget.NewFormItem("", hint("Days you need to pack and ship once everything has arrived; part of each order's ship-by date.")),
		widget.NewFormItem("Time zone", s.entry("timezone", "this computer's (e.g. Europe/Berlin)", false)),
		widget.NewFormItem("Purchase policy", s.policy),
		widget.NewFormItem("", hint("preferred: your first-choice offer · cheapest · fastest: shortest real lead time · balanced: cost, speed and score together.")),
		widget.NewFormItem("Scorecard weights", s.weightsForm()),
	)
}

// weightFields are the scorecard criteria whose weights the owner sets, in the order shown.
var weightFields = []struct {
	key, label string
	field      func(*data.ScoreWeights) *int
}{
	{"w_otif", "On time in full", func(w *data.ScoreWeights) *int { return &w.OTIF }},
	{"w_fill", "Fill rate", func(w *data.ScoreWeights) *int { return &w.Fill }},
	{"w_lead", "Lead reliability", func(w *data.ScoreWeights) *int { return &w.LeadTime }},
	{"w_quality", "Quality", func(w *data.ScoreWeights) *int { return &w.Quality }},
	{"w_price", "Price", func(w *data.ScoreWeights) *int { return &w.Price }},
	{"w_response", "Responsiveness", func(w *data.ScoreWeights) *int { return &w.Responsiveness }},
}

// weightsForm has an entry per scorecard criterion and their sum, which must be 100.
func (s *settings) weightsForm() fyne.CanvasObject {
	grid := container.NewGridWithColumns(6)
	for _, f := range weightFields {
		e := s.entry(f.key, "0", false)
		e.OnChanged = func(string) { s.edited(); s.showWeightSum() }
		grid.Add(container.NewBorder(widget.NewLabel(f.label), nil, nil, nil, e))
	}
	s.weights = widget.NewLabel("")
	return container.NewVBox(grid, s.weights,
		hint("How much each criterion counts in a supplier's score (defaults 35, 15, 15, 20, 10, 5). A criterion with nothing to measure is left out and the others count for more."))
}

// showWeightSum says what the weights add up to, and whether that will do.
func (s *settings) showWeightSum() {
	if s.weights == nil {
		return
	}
	sum, ok := 0, true
	for _, f := range weightFields {
		n, err := strconv.Atoi(strings.TrimSpace(s.entries[f.key].Text))
		if err != nil || n < 0 {
			ok = false
			continue
		}
		sum += n
	}
	switch {
	case !ok:
		s.weights.SetText(fmt.Sprintf("Total %d so far: each weight is a whole number, 0 or more.", sum))
		s.weights.Importance = widget.DangerImportance
	case sum != 100:
		s.weights.SetText(fmt.Sprintf("Total %d: the weights must add up to 100.", sum))
		s.weights.Importance = widget.DangerImportance
	default:
		s.weights.SetText("Total 100 ✓")
		s.weights.Importance = widget.SuccessImportance
	}
	s.weights.Refresh()
}

func hint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (s *settings) saveButtons() fyne.CanvasObject {
	s.save = widget.NewButtonWithIcon("Save changes", theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	revert := widget.NewButton("Undo changes", func() { s.dirty = false; s.load() })
	return container.NewHBox(revert, s.save)
}

// load reads the shop off the UI thread and fills the form with it.
func (s *settings) load() {
	s.bg(func() {
		shop, err := s.src.Shop()
		fyne.Do(func() {
			if err != nil {
				s.status.SetText("Could not read the shop's settings: " + err.Error())
				return
			}
			s.fill(shop)
		})
	})
}

// fill shows the shop's settings in the form.
func (s *settings) fill(shop data.Shop) {
	s.loaded = shop
	s.filling = true
	defer func() { s.filling = false }()
	values := map[string]string{
		"name": shop.Name, "address": shop.Address, "email": shop.Email, "phone": shop.Phone, "website": shop.Website,
		"accent": shop.AccentColor, "thanks": shop.ThankYouTemplate, "returns": shop.ReturnInstructions,
		"returnDays": strconv.Itoa(shop.ReturnWindowDays), "currency": shop.Currency,
		"handling": strconv.Itoa(shop.HandlingDays), "timezone": shop.TimeZone,
	}
	for _, f := range weightFields {
		values[f.key] = strconv.Itoa(*f.field(&shop.Weights))
	}
	for k, e := range s.entries {
		e.SetText(values[k])
	}
	s.paper.SetSelected(paperNames[shop.Paper])
	s.policy.SetSelected(shop.PurchasePolicy)
	s.setLogo(shop.Logo)
	s.showSwatch(shop.AccentColor)
	s.showWeightSum()
	s.dirty = false
	s.status.SetText("")
}

// refresh reloads after a change elsewhere, unless the user is in the middle of editing.
func (s *settings) refresh() {
	fyne.Do(func() {
		if !s.dirty {
			s.load()
		}
		s.backups.reload()
	})
}

func (s *settings) edited() {
	if s.filling {
		return
	}
	s.dirty = true
	s.status.SetText("Unsaved changes.")
}

func (s *settings) unsavedChanges() string {
	if s.dirty {
		return "The shop settings have changes that are not saved."
	}
	return ""
}

// form reads the form into a Shop; it lists what cannot be read.
func (s *settings) form() (data.Shop, []string) {
	shop := s.loaded
	text := func(k string) string { return s.entries[k].Text }
	shop.Name, shop.Address, shop.Email = text("name"), text("address"), strings.TrimSpace(text("email"))
	shop.Phone, shop.Website = strings.TrimSpace(text("phone")), strings.TrimSpace(text("website"))
	shop.AccentColor, shop.ThankYouTemplate, shop.ReturnInstructions = text("accent"), text("thanks"), text("returns")
	shop.Currency, shop.TimeZone = text("currency"), strings.TrimSpace(text("timezone"))
	shop.Logo = s.logo
	shop.PurchasePolicy = s.policy.Selected
	for code, name := range paperNames {
		if name == s.paper.Selected {
			shop.Paper = code
		}
	}
	var problems []string
	for _, f := range []struct {
		key, label string
		to         *int
	}{{"returnDays", "Return window", &shop.ReturnWindowDays}, {"handling", "Handling days", &shop.HandlingDays}} {
		n, err := strconv.Atoi(strings.TrimSpace(text(f.key)))
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %q is not a whole number of days", f.label, text(f.key)))
		}
		*f.to = n
	}
	for _, f := range weightFields {
		n, err := strconv.Atoi(strings.TrimSpace(text(f.key)))
		if err != nil {
			problems = append(problems, fmt.Sprintf("Scorecard weight for %s: %q is not a whole number", strings.ToLower(f.label), text(f.key)))
		}
		*f.field(&shop.Weights) = n
	}
	return shop, problems
}

func (s *settings) onSave() {
	shop, problems := s.form()
	if len(problems) > 0 {
		s.status.SetText("Not saved. Please fix:\n• " + strings.Join(problems, "\n• "))
		return
	}
	s.save.Disable()
	s.bg(func() {
		err := s.src.SaveShop(shop)
		fyne.Do(func() {
			s.save.Enable()
			if err != nil {
				s.status.SetText("Not saved. Please fix:\n• " + strings.Join(describe(err), "\n• "))
				return
			}
			s.dirty = false
			s.load()
			s.status.SetText("Saved.")
		})
	})
}

// describe turns an error into sentences for the user: one per problem of an InputError.
func describe(err error) []string {
	if ie, ok := err.(*app.InputError); ok {
		var out []string
		for _, p := range ie.Problems {
			out = append(out, p.String())
		}
		return out
	}
	return []string{err.Error()}
}

func (s *settings) setLogo(logo []byte) {
	s.logo = logo
	if len(logo) == 0 {
		s.logoImg.Resource = nil
		s.logoImg.Image = nil
	} else {
		s.logoImg.Resource = fyne.NewStaticResource("logo.png", logo)
	}
	s.logoImg.Refresh()
}

func (s *settings) onChooseLogo() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, s.win)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		raw, err := io.ReadAll(io.LimitReader(r, app.MaxLogoBytes+1))
		if err != nil {
			dialog.ShowError(fmt.Errorf("could not read %s: %w", r.URI().Name(), err), s.win)
			return
		}
		logo, err := app.PrepareLogo(raw)
		if err != nil {
			dialog.ShowError(fmt.Errorf("%s: %s", r.URI().Name(), strings.Join(describe(err), "; ")), s.win)
			return
		}
		s.setLogo(logo)
		s.edited()
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".gif"}))
	d.Show()
}

func (s *settings) onPickColour() {
	picker := dialog.NewColorPicker("Accent colour", "Used for your shop's name and headings on slips.", func(c color.Color) {
		r, g, b, _ := c.RGBA()
		s.entries["accent"].SetText(fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8))
	}, s.win)
	picker.Advanced = true
	picker.Show()
}

func (s *settings) showSwatch(hex string) {
	var r, g, b uint8
	if _, err := fmt.Sscanf(strings.TrimSpace(hex), "#%02x%02x%02x", &r, &g, &b); err != nil {
		s.swatch.FillColor = color.Transparent
	} else {
		s.swatch.FillColor = color.NRGBA{R: r, G: g, B: b, A: 255}
	}
	s.swatch.Refresh()
}

func (s *settings) onRestored() {
	s.dirty = false
	s.load()
	s.rates.load()
	s.mail.load()
}
