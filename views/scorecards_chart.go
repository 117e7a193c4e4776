package views

import (
	"fmt"
	"image/color"
	"time"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// otifChart draws a supplier's on-time-in-full % per month as bars on a 0–100 % axis, with
// the month and its number of lines due under each bar. Drawn with canvas primitives.
type otifChart struct {
	widget.BaseWidget
	months []string
	points map[string]app.TrendPoint
}

func newOTIFChart() *otifChart {
	c := &otifChart{points: map[string]app.TrendPoint{}}
	c.ExtendBaseWidget(c)
	return c
}

// set shows the months of a period with the trend's points (months without one had no
// lines due).
func (c *otifChart) set(months []string, trend []app.TrendPoint) {
	c.months = months
	c.points = make(map[string]app.TrendPoint, len(trend))
	for _, t := range trend {
		c.points[t.Month] = t
	}
	c.Refresh()
}

func (c *otifChart) CreateRenderer() fyne.WidgetRenderer {
	r := &otifRenderer{chart: c}
	for _, pct := range chartGrid {
		r.grid = append(r.grid, canvas.NewLine(color.Black))
		r.gridLabels = append(r.gridLabels, chartText(fmt.Sprintf("%d%%", pct), fyne.TextAlignTrailing))
	}
	r.axisTitle = chartText("On time in full, by month of the promised day (n = lines due)", fyne.TextAlignLeading)
	r.Refresh()
	return r
}

// chartGrid are the percentages with a grid line.
var chartGrid = []int{0, 25, 50, 75, 100}

// otifRenderer lays the chart out; its objects are made once per number of months.
type otifRenderer struct {
	chart      *otifChart
	grid       []*canvas.Line
	gridLabels []*canvas.Text
	axisTitle  *canvas.Text
	bars       []*canvas.Rectangle
	values     []*canvas.Text
	labels     []*canvas.Text
	counts     []*canvas.Text
}

func chartText(s string, align fyne.TextAlign) *canvas.Text {
	t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	t.TextSize = theme.CaptionTextSize()
	t.Alignment = align
	return t
}

// Margins of the plot inside the widget.
const (
	chartLeft   = 44
	chartTop    = 36
	chartBottom = 40
)

func (r *otifRenderer) MinSize() fyne.Size { return fyne.NewSize(420, 200) }

func (r *otifRenderer) Layout(size fyne.Size) {
	plotW, plotH := size.Width-chartLeft-8, size.Height-chartTop-chartBottom
	if plotW < 10 || plotH < 10 {
		return
	}
	y := func(pct float64) float32 { return chartTop + plotH*float32(1-pct/100) }
	r.axisTitle.Move(fyne.NewPos(chartLeft, 2))
	for i, pct := range chartGrid {
		r.grid[i].Position1 = fyne.NewPos(chartLeft, y(float64(pct)))
		r.grid[i].Position2 = fyne.NewPos(chartLeft+plotW, y(float64(pct)))
		lh := r.gridLabels[i].MinSize().Height
		r.gridLabels[i].Move(fyne.NewPos(0, y(float64(pct))-lh/2))
		r.gridLabels[i].Resize(fyne.NewSize(chartLeft-6, lh))
	}
	n := len(r.bars)
	if n == 0 {
		return
	}
	slot := plotW / float32(n)
	barW := slot * 0.6
	for i := range r.bars {
		x := chartLeft + slot*float32(i)
		pct, ok := r.value(i)
		top := y(pct)
		r.bars[i].Move(fyne.NewPos(x+(slot-barW)/2, top))
		r.bars[i].Resize(fyne.NewSize(barW, y(0)-top))
		r.bars[i].Hidden = !ok
		vh := r.values[i].MinSize().Height
		r.values[i].Move(fyne.NewPos(x, top-vh))
		r.values[i].Resize(fyne.NewSize(slot, vh))
		lh := r.labels[i].MinSize().Height
		r.labels[i].Move(fyne.NewPos(x, y(0)+2))
		r.labels[i].Resize(fyne.NewSize(slot, lh))
		r.counts[i].Move(fyne.NewPos(x, y(0)+2+lh))
		r.counts[i].Resize(fyne.NewSize(slot, lh))
	}
}

// value is month i's OTIF %, and whether it had lines due.
func (r *otifRenderer) value(i int) (float64, bool) {
	p, ok := r.chart.points[r.chart.months[i]]
	if !ok || p.OTIFPct() == nil {
		return 0, false
	}
	return *p.OTIFPct(), true
}

func (r *otifRenderer) Refresh() {
	months := r.chart.months
	for len(r.bars) < len(months) {
		r.bars = append(r.bars, canvas.NewRectangle(color.Black))
		r.values = append(r.values, chartText("", fyne.TextAlignCenter))
		r.labels = append(r.labels, chartText("", fyne.TextAlignCenter))
		r.counts = append(r.counts, chartText("", fyne.TextAlignCenter))
	}
	r.bars, r.values, r.labels, r.counts = r.bars[:len(months)], r.values[:len(months)], r.labels[:len(months)], r.counts[:len(months)]
	fg, grid := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNameSeparator)
	for i, m := range months {
		r.bars[i].FillColor = theme.Color(theme.ColorNamePrimary)
		r.values[i].Text = none
		if pct, ok := r.value(i); ok {
			r.values[i].Text = fmt.Sprintf("%.0f%%", pct)
		}
		r.labels[i].Text = monthText(m, i == 0)
		r.counts[i].Text = fmt.Sprintf("n = %d", r.chart.points[m].LinesDue)
		for _, t := range []*canvas.Text{r.values[i], r.labels[i], r.counts[i]} {
			t.Color = fg
		}
		r.counts[i].Color = theme.Color(theme.ColorNameDisabled)
	}
	for i := range r.grid {
		r.grid[i].StrokeColor, r.grid[i].StrokeWidth = grid, 1
		r.gridLabels[i].Color = fg
	}
	r.axisTitle.Color = fg
	r.Layout(r.chart.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

// monthText is "Mar", with the year on January and on the first month shown.
func monthText(m string, first bool) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	if first || t.Month() == time.January {
		return t.Format("Jan 06")
	}
	return t.Format("Jan")
}

func (r *otifRenderer) Objects() []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i := range r.grid {
		objs = append(objs, r.grid[i], r.gridLabels[i])
	}
	objs = append(objs, r.axisTitle)
	for i := range r.bars {
		objs = append(objs, r.bars[i], r.values[i], r.labels[i], r.counts[i])
	}
	return objs
}

func (r *otifRenderer) Destroy() {}
