package views

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// scorecardSource is what the Scorecards screen needs from the app.
type scorecardSource interface {
	Today() data.Day
	Location() *time.Location
	PeriodThrough(from, last string) (app.Period, error)
	Scorecards(app.Period) ([]app.Scorecard, error)
	ScorecardDetail(p app.Period, supplierID uint, limit int) (app.ScorecardDetail, error)
	ExportScorecards(ctx context.Context, p app.Period, w io.Writer, progress func(done, total int)) error
}

// Period choices of the picker.
const (
	periodThisMonth = "This month"
	period3Months   = "Last 3 months"
	period12Months  = "Last 12 months"
	periodCustom    = "Custom…"
)

// detailLimit is how many rows each drill-down list shows (the workbook has them all).
const detailLimit = 200

// scorecards is the Scorecards screen: a period, a sortable table of every supplier's
// scorecard and a drill-down into the one selected.
type scorecards struct {
	src      scorecardSource
	win      fyne.Window
	period   app.Period
	cards    []app.Scorecard // as shown, sorted
	sortCol  int
	sortAsc  bool
	selected uint // supplier ID; 0: none
	bg       runner
	loadSeq  int // the newest load; older ones that finish late are dropped

	picker   *widget.Select
	from, to *dayField
	custom   *fyne.Container
	status   *widget.Label
	table    *widget.Table
	export   *widget.Button
	detail   *scoreDetail
	root     fyne.CanvasObject
}

func newScorecards(src scorecardSource, win fyne.Window, bg runner) *scorecards {
	s := &scorecards{src: src, win: win, bg: bg, sortCol: 2}
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.table = s.newScoreTable()
	s.detail = newScoreDetail()
	s.export = widget.NewButtonWithIcon("Export to Excel…", theme.DocumentSaveIcon(), s.onExport)
	split := container.NewVSplit(s.table, s.detail.content())
	split.Offset = 0.62
	s.root = container.NewBorder(container.NewVBox(s.toolbar(), s.status), nil, nil, nil, split)
	s.picker.SetSelected(period12Months) // loads
	return s
}

func (s *scorecards) content() fyne.CanvasObject { return s.root }

// toolbar is the period picker (with the custom dates when chosen) and the export button.
func (s *scorecards) toolbar() fyne.CanvasObject {
	s.from, s.to = newDayField(), newDayField()
	s.from.OnSubmitted = func(string) { s.onCustom() }
	s.to.OnSubmitted = func(string) { s.onCustom() }
	show := widget.NewButton("Show", s.onCustom)
	s.custom = container.NewHBox(widget.NewLabel("from"), sized(s.from, 170), widget.NewLabel("through"), sized(s.to, 170), show)
	s.custom.Hide()
	s.picker = widget.NewSelect([]string{periodThisMonth, period3Months, period12Months, periodCustom}, s.onPeriod)
	title := widget.NewLabelWithStyle("Lines promised", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, nil, container.NewHBox(title, sized(s.picker, 170), s.custom), s.export)
}

// sized gives an entry a usable width inside an HBox.
func sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// onPeriod switches to a preset period, or shows the custom dates.
func (s *scorecards) onPeriod(choice string) {
	today := s.src.Today()
	switch choice {
	case periodThisMonth:
		s.custom.Hide()
		s.show(app.ThisMonth(today))
	case period3Months:
		s.custom.Hide()
		s.show(app.LastMonths(today, 3))
	case period12Months:
		s.custom.Hide()
		s.show(app.LastMonths(today, 12))
	case periodCustom:
		if s.from.Text == "" && s.period.From != "" {
			s.from.setDay(s.period.From)
			s.to.setDay(s.period.Last())
		}
		s.custom.Show()
	}
}

// onCustom shows the typed period, or says what is wrong with it.
func (s *scorecards) onCustom() {
	p, err := s.src.PeriodThrough(s.from.isoText(), s.to.isoText())
	if err != nil {
		s.status.SetText("Please fix the dates: " + strings.Join(describe(err), "; "))
		s.status.Importance = widget.DangerImportance
		s.status.Refresh()
		return
	}
	s.show(p)
}

// show computes the scorecards of period p off the UI thread.
func (s *scorecards) show(p app.Period) {
	s.period = p
	s.status.Importance = widget.LowImportance
	s.status.SetText(fmt.Sprintf("Working out the scorecards for lines promised %s…", periodText(p)))
	s.load()
}

// refresh reloads after a change to the shop's data (from any goroutine).
func (s *scorecards) refresh() { fyne.Do(s.load) }

// load reads the period's scorecards in a goroutine and shows them in one go.
func (s *scorecards) load() {
	s.loadSeq++
	seq, p := s.loadSeq, s.period
	s.bg(func() {
		cards, err := s.src.Scorecards(p)
		fyne.Do(func() {
			if seq == s.loadSeq {
				s.showCards(p, cards, err)
			}
		})
	})
}

func (s *scorecards) showCards(p app.Period, cards []app.Scorecard, err error) {
	if err != nil {
		s.status.Importance = widget.DangerImportance
		s.status.SetText("Could not work out the scorecards: " + err.Error())
		return
	}
	sortCards(cards, s.sortCol, s.sortAsc)
	s.cards = cards
	counts := map[app.Standing]int{}
	for _, c := range cards {
		counts[c.Standing]++
	}
	s.status.Importance = widget.LowImportance
	if len(cards) == 0 {
		s.status.SetText("No suppliers yet. Add them on the Suppliers screen; each one's scorecard fills in here as its purchase orders come due and deliveries are received.")
		s.table.Refresh()
		return
	}
	s.status.SetText(fmt.Sprintf("%d suppliers · lines promised %s · %d excellent, %d average, %d poor, %d very poor, %d without enough history (under %d lines). Tap a column to sort, a supplier for details.",
		len(cards), periodText(p), counts[app.StandingExcellent], counts[app.StandingAverage], counts[app.StandingPoor],
		counts[app.StandingVeryPoor], counts[app.StandingInsufficient], app.MinLinesForStanding))
	s.table.Refresh()
	s.reselect()
}

// reselect keeps the selected supplier selected after a reload or a sort.
func (s *scorecards) reselect() {
	for i, c := range s.cards {
		if c.SupplierID == s.selected {
			s.table.Select(widget.TableCellID{Row: i, Col: 0})
			s.onSelect(i) // the table stays quiet when the cell was selected already
			return
		}
	}
	s.detail.clear()
}

// onSort sorts by column col; tapping the sorted column again reverses it.
func (s *scorecards) onSort(col int) {
	if col == s.sortCol {
		s.sortAsc = !s.sortAsc
	} else {
		// Names and standings read best from the top; numbers biggest first.
		s.sortCol, s.sortAsc = col, col == 0 || col == standingColumn
	}
	sortCards(s.cards, s.sortCol, s.sortAsc)
	s.table.Refresh()
	s.reselect()
}

// onSelect opens the drill-down of the supplier in row.
func (s *scorecards) onSelect(row int) {
	if row < 0 || row >= len(s.cards) {
		return
	}
	c := s.cards[row]
	if c.SupplierID == s.selected && s.detail.showing == c.SupplierID && s.detail.period == s.period {
		return
	}
	s.selected = c.SupplierID
	s.detail.loading(c)
	p := s.period
	s.bg(func() {
		d, err := s.src.ScorecardDetail(p, c.SupplierID, detailLimit)
		loc, today := s.src.Location(), s.src.Today()
		fyne.Do(func() {
			if s.selected == c.SupplierID && s.period == p {
				s.detail.show(p, d, loc, today, err)
			}
		})
	})
}

// periodText reads like "1 Mar 2026 – 12 Mar 2026": a period always says its years.
func periodText(p app.Period) string {
	return shortDay(p.From, "") + " – " + shortDay(p.Last(), "")
}
