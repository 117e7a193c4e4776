package views

import (
	"fmt"
	"image/color"
	"time"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// todaySource is what the Today screen needs from the app.
type todaySource interface {
	TodayCounts() (app.TodayCounts, error)
	Setup() (app.Setup, error)
	IsEmpty() (bool, error)
	Now() time.Time
	Where() string
}

// navigator moves the window to another screen.
type navigator interface{ navigate(title string) }

// todayCard is one count on the Today screen with the step it leads to.
type todayCard struct {
	number *canvas.Text
	title  string
	urgent bool // a non-zero count is a problem, shown in the error colour
	value  func(app.TodayCounts) int64
}

// today is the Today screen: what needs doing now, or a welcome on a first run.
type today struct {
	src    todaySource
	nav    navigator
	bg     runner
	onDemo func()
	// onImport starts "Import orders…" on the Orders screen.
	onImport func()
	// onPurchase opens the "Purchase now" preview; nil hides nothing but does nothing.
	onPurchase func()
	// onPriceList opens "Import a price list".
	onPriceList func()
	steps       *nextSteps
	cards       []*todayCard
	purchase    *widget.Button
	date        *widget.Label
	status      *widget.Label
	counts      fyne.CanvasObject
	welcome     fyne.CanvasObject
	root        *fyne.Container
}

func newToday(src todaySource, nav navigator, bg runner, onDemo, onImport func()) *today {
	t := &today{src: src, nav: nav, bg: bg, onDemo: onDemo, onImport: onImport}
	t.date = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.status = widget.NewLabel("")
	t.status.Importance = widget.LowImportance
	t.steps = newNextSteps(t)
	t.counts = t.makeCounts()
	t.welcome = t.makeWelcome()
	t.root = container.NewStack()
	t.refresh()
	return t
}

func (t *today) content() fyne.CanvasObject { return t.root }

func (t *today) makeCounts() fyne.CanvasObject {
	defs := []struct {
		title, hint, action, goTo string
		urgent                    bool
		value                     func(app.TodayCounts) int64
	}{
		{"Orders to purchase", "Orders with items not yet bought from a supplier.", "Open orders", screenOrders, false, func(c app.TodayCounts) int64 { return c.ToPurchase }},
		{"Purchase orders to send", "Drafts waiting to go out to suppliers.", "Open purchase orders", screenPOs, false, func(c app.TodayCounts) int64 { return c.ToSend }},
		{"Late purchase orders", "Suppliers past their promised or expected day.", "Chase suppliers", screenPOs, true, func(c app.TodayCounts) int64 { return c.LatePOs }},
		{"Ready to pack", "Every item has arrived: pack and ship.", "Pack & ship", screenPack, false, func(c app.TodayCounts) int64 { return c.ReadyToPack }},
		{"Returns to handle", "Returns requested or received, not closed.", "Open returns", screenReturns, false, func(c app.TodayCounts) int64 { return c.OpenReturns }},
		{"Orders at risk", "Late, or likely to miss their ship-by day.", "Open orders", screenOrders, true, func(c app.TodayCounts) int64 { return c.AtRisk }},
	}
	var boxes []fyne.CanvasObject
	for _, d := range defs {
		c := &todayCard{number: canvas.NewText("–", theme.Color(theme.ColorNameForeground)), title: d.title, urgent: d.urgent, value: d.value}
		c.number.TextSize = 40
		c.number.TextStyle = fyne.TextStyle{Bold: true}
		t.cards = append(t.cards, c)
		hint := widget.NewLabel(d.hint)
		hint.Wrapping = fyne.TextWrapWord
		goTo := d.goTo
		btn := widget.NewButton(d.action, func() { t.nav.navigate(goTo) })
		buttons := container.NewHBox(btn)
		switch d.title {
		case "Orders to purchase":
			buy := widget.NewButton("Purchase now…", func() {
				if t.onPurchase != nil {
					t.onPurchase()
				}
			})
			buy.Importance = widget.HighImportance
			t.purchase = buy
			buttons.Add(buy)
		case "Orders at risk":
			btn.OnTapped = func() { t.openOrders("At risk") }
		case "Late purchase orders":
			btn.OnTapped = func() {
				if l, ok := t.nav.(interface{ showLatePOs() }); ok {
					l.showLatePOs()
					return
				}
				t.nav.navigate(goTo)
			}
		}
		boxes = append(boxes, widget.NewCard(d.title, "", container.NewVBox(c.number, hint, buttons)))
	}
	return container.NewPadded(container.NewVScroll(container.NewVBox(t.date, t.steps.card, container.NewGridWithColumns(3, boxes...), t.status)))
}

func (t *today) makeWelcome() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Welcome to Clockwork", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel("Clockwork keeps a just-in-time shop running: bring in your web shop's orders, buy exactly " +
		"what they need from your suppliers, pack every parcel with your own slip and thank-you note, and see which " +
		"suppliers to keep.\n\nHow would you like to start?")
	intro.Wrapping = fyne.TextWrapWord
	importBtn := widget.NewButtonWithIcon("Import orders…", theme.FolderOpenIcon(), func() { t.onImport() })
	importBtn.Importance = widget.HighImportance
	demoBtn := widget.NewButtonWithIcon("Try with a demo shop", theme.MediaPlayIcon(), func() { t.onDemo() })
	where := widget.NewLabel("Your shop's data is kept in " + t.src.Where())
	where.Importance = widget.LowImportance
	where.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(title, intro, container.NewHBox(importBtn, demoBtn), where)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(620, 320), box))
}

// refresh reloads the counts off the UI thread and shows them in one go.
func (t *today) refresh() {
	t.bg(func() {
		empty, err := t.src.IsEmpty()
		var c app.TodayCounts
		var setup app.Setup
		if err == nil && !empty {
			c, err = t.src.TodayCounts()
		}
		if err == nil && !empty {
			setup, err = t.src.Setup()
		}
		now := t.src.Now()
		fyne.Do(func() {
			t.show(empty, c, now, err)
			if err == nil && !empty {
				t.steps.show(setup)
			}
		})
	})
}

func (t *today) show(empty bool, c app.TodayCounts, now time.Time, err error) {
	if err != nil {
		t.status.SetText("Could not read today's work: " + err.Error())
	} else {
		t.status.SetText("Updated " + now.Format("15:04") + ". Counts refresh by themselves when anything changes.")
	}
	t.date.SetText("Today, " + now.Format("Monday 2 January 2006"))
	for _, card := range t.cards {
		n := card.value(c)
		card.number.Text = fmt.Sprint(n)
		card.number.Color = countColor(card.urgent && n > 0)
		card.number.Refresh()
	}
	want := t.counts
	if empty && err == nil {
		want = t.welcome
	}
	if len(t.root.Objects) == 0 || t.root.Objects[0] != want {
		t.root.Objects = []fyne.CanvasObject{want}
		t.root.Refresh()
	}
}

// openOrders shows the Orders screen on one filter, or just the screen.
func (t *today) openOrders(filter string) {
	if f, ok := t.nav.(orderFilterer); ok {
		f.showOrders(filter)
		return
	}
	t.nav.navigate(screenOrders)
}

func countColor(urgent bool) color.Color {
	if urgent {
		return theme.Color(theme.ColorNameError)
	}
	return theme.Color(theme.ColorNameForeground)
}
