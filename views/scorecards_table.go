package views

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// scoreColumn is one column of the scorecards table: declared once with its header, width,
// the text of a cell and how it sorts.
type scoreColumn struct {
	title   string
	width   float32
	numeric bool // right-aligned
	text    func(app.Scorecard) string
	key     func(app.Scorecard) *float64 // nil sorts last; nil key func: sort by text
}

// pctColumn shows a percentage with one decimal.
func pctColumn(title string, v func(app.Scorecard) *float64) scoreColumn {
	return scoreColumn{title, 100, true, func(c app.Scorecard) string { return pctText(v(c)) }, v}
}

// numColumn shows a number with the given decimals.
func numColumn(title string, decimals int, v func(app.Scorecard) *float64) scoreColumn {
	return scoreColumn{title, 100, true, func(c app.Scorecard) string { return numText(v(c), decimals) }, v}
}

// dayColumn shows whole days.
func dayColumn(title string, v func(app.Scorecard) *int) scoreColumn {
	f := func(c app.Scorecard) *float64 { return intPtrFloat(v(c)) }
	return scoreColumn{title, 108, true, func(c app.Scorecard) string { return numText(f(c), 0) }, f}
}

// scoreColumns are the scorecards table's columns: every metric of a scorecard.
var scoreColumns = []scoreColumn{
	{"Supplier", 220, false, func(c app.Scorecard) string { return c.Supplier }, nil},
	{"Standing", 140, false, func(c app.Scorecard) string { return c.Standing.Label() },
		func(c app.Scorecard) *float64 { r := float64(standingRank(c.Standing)); return &r }},
	numColumn("Score", 1, func(c app.Scorecard) *float64 { return c.Score }),
	{"Lines due", 100, true, func(c app.Scorecard) string { return fmt.Sprint(c.LinesDue) },
		func(c app.Scorecard) *float64 { n := float64(c.LinesDue); return &n }},
	pctColumn("OTIF", func(c app.Scorecard) *float64 { return c.OTIFPct }),
	{"OTIF 95% range", 140, true, ciText, func(c app.Scorecard) *float64 { return c.OTIFCILow }},
	pctColumn("On time", func(c app.Scorecard) *float64 { return c.OnTimePct }),
	pctColumn("Fill rate", func(c app.Scorecard) *float64 { return c.FillRatePct }),
	dayColumn("Lead p50 d", func(c app.Scorecard) *int { return c.LeadP50Days }),
	dayColumn("Lead p90 d", func(c app.Scorecard) *int { return c.LeadP90Days }),
	numColumn("Lead mean d", 1, func(c app.Scorecard) *float64 { return c.LeadMeanDays }),
	numColumn("Quoted d", 1, func(c app.Scorecard) *float64 { return c.QuotedLeadDays }),
	numColumn("Days late", 1, func(c app.Scorecard) *float64 { return c.AvgDaysLate }),
	pctColumn("Defects", func(c app.Scorecard) *float64 { return c.DefectPct }),
	pctColumn("Returns", func(c app.Scorecard) *float64 { return c.ReturnPct }),
	pctColumn("Price var.", func(c app.Scorecard) *float64 { return c.PriceVariancePct }),
	numColumn("Answer h", 1, func(c app.Scorecard) *float64 { return c.ResponseHours }),
}

// standingColumn is where the standing is, drawn in its colour.
const standingColumn = 1

// none is what a metric with nothing to measure shows.
const none = "—"

func pctText(v *float64) string {
	if v == nil {
		return none
	}
	return fmt.Sprintf("%.1f%%", *v)
}

func numText(v *float64, decimals int) string {
	if v == nil {
		return none
	}
	return fmt.Sprintf("%.*f", decimals, *v)
}

func intPtrFloat(v *int) *float64 {
	if v == nil {
		return nil
	}
	f := float64(*v)
	return &f
}

func ciText(c app.Scorecard) string {
	if c.OTIFCILow == nil || c.OTIFCIHigh == nil {
		return none
	}
	return fmt.Sprintf("%.1f–%.1f%%", *c.OTIFCILow, *c.OTIFCIHigh)
}

// standingRank orders standings best first.
func standingRank(s app.Standing) int {
	for i, x := range []app.Standing{app.StandingExcellent, app.StandingAverage, app.StandingPoor, app.StandingVeryPoor} {
		if s == x {
			return i
		}
	}
	return 4
}

// standingColor is the colour a standing is shown in.
func standingColor(s app.Standing) color.Color {
	switch s {
	case app.StandingExcellent:
		return theme.Color(theme.ColorNameSuccess)
	case app.StandingAverage:
		return theme.Color(theme.ColorNameWarning)
	case app.StandingPoor:
		return color.NRGBA{R: 0xE0, G: 0x6C, B: 0x1F, A: 0xFF}
	case app.StandingVeryPoor:
		return theme.Color(theme.ColorNameError)
	}
	return theme.Color(theme.ColorNameDisabled)
}

// sortCards orders the scorecards by column col, ascending or not; numbers without a value
// go last either way, and ties keep the suppliers' names in order.
func sortCards(cards []app.Scorecard, col int, ascending bool) {
	c := scoreColumns[col]
	sort.SliceStable(cards, func(i, j int) bool {
		if c.key == nil {
			a, b := strings.ToLower(c.text(cards[i])), strings.ToLower(c.text(cards[j]))
			if ascending {
				return a < b
			}
			return a > b
		}
		a, b := c.key(cards[i]), c.key(cards[j])
		if a == nil || b == nil {
			return a != nil && b == nil
		}
		if ascending {
			return *a < *b
		}
		return *a > *b
	})
}

// newScoreTable is the table of scorecards with a header that sorts when tapped.
func (s *scorecards) newScoreTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(s.cards), len(scoreColumns) },
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(color.Transparent)
			bg.CornerRadius = 4
			return container.NewStack(bg, widget.NewLabel("Nordlicht Handelsgesellschaft"))
		},
		s.updateCell,
	)
	t.ShowHeaderRow = true
	t.StickyColumnCount = 1
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("Lead mean d ▼", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(scoreColumns) {
			b.SetText("")
			b.OnTapped = nil
			return
		}
		title := scoreColumns[id.Col].title
		if id.Col == s.sortCol {
			title += map[bool]string{true: " ▲", false: " ▼"}[s.sortAsc]
		}
		b.SetText(title)
		col := id.Col
		b.OnTapped = func() { s.onSort(col) }
	}
	for i, c := range scoreColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) { s.onSelect(id.Row) }
	return t
}

// updateCell fills a cell of the scorecards table; the standing gets its colour.
func (s *scorecards) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	bg, label := box.Objects[0].(*canvas.Rectangle), box.Objects[1].(*widget.Label)
	if id.Row < 0 || id.Row >= len(s.cards) || id.Col < 0 || id.Col >= len(scoreColumns) {
		label.SetText("")
		bg.FillColor = color.Transparent
		bg.Refresh()
		return
	}
	c, col := s.cards[id.Row], scoreColumns[id.Col]
	label.Alignment = fyne.TextAlignLeading
	if col.numeric {
		label.Alignment = fyne.TextAlignTrailing
	}
	label.TextStyle = fyne.TextStyle{Bold: id.Col == standingColumn}
	fill := color.Color(color.Transparent)
	if id.Col == standingColumn {
		fill = tint(standingColor(c.Standing), 0x40)
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	label.SetText(col.text(c))
}

// tint is c made translucent, for a background that keeps text readable in both themes.
func tint(c color.Color, alpha uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: alpha}
}
