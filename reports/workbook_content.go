package reports

import (
	"errors"
	"time"
)

// Workbook is the content of the supplier scorecard workbook (DESIGN 7): plain numbers and
// text, already computed. A nil number has nothing to measure and stays an empty cell.
type Workbook struct {
	Shop      string
	Period    string // as the owner reads it, e.g. "13 Mar 2025 – 12 Mar 2026"
	Generated time.Time
	Currency  string // costs in the Lines sheet, e.g. "EUR"
	Suppliers []SupplierScore
	Months    []string    // the period's months, "2006-01"
	Overall   []TrendCell // all suppliers together, one per month
	Trend     []TrendRow  // one per supplier with lines due in the period
	LineCount int         // how many lines EachLine will give (for progress)
	// EachLine calls emit for every line due, in the order they go into the Lines sheet; it
	// returns emit's error, or its own (a cancelled export).
	EachLine func(emit func(Line) error) error
	// Progress hears how many of LineCount lines are written; may be nil.
	Progress func(done, total int)
}

// SupplierScore is one supplier's row of the Summary sheet; percentages are 0–100.
type SupplierScore struct {
	Name             string
	Status           string
	Standing         string // as read: "Excellent", "Average", "Poor", "Very poor", "Insufficient data"
	Score            *float64
	LinesDue         int
	OTIFPct          *float64
	OTIFLowPct       *float64
	OTIFHighPct      *float64
	OnTimePct        *float64
	FillRatePct      *float64
	LeadP50Days      *float64
	LeadP90Days      *float64
	LeadMeanDays     *float64
	QuotedLeadDays   *float64
	AvgDaysLate      *float64
	DefectPct        *float64
	ReturnPct        *float64
	PriceVariancePct *float64
	ResponseHours    *float64
}

// TrendCell is one month of a supplier: lines due and the OTIF % (nil when none were due).
type TrendCell struct {
	LinesDue int
	OTIFPct  *float64
}

// TrendRow is one supplier's months, in the order of Workbook.Months.
type TrendRow struct {
	Supplier string
	Months   []TrendCell
}

// Line is one line due with its dates (zero: none yet) and quantities.
type Line struct {
	Supplier           string
	PO                 string
	SKU                string
	SupplierSKU        string
	Qty                int
	Sent               time.Time
	Promised           time.Time
	FirstReceipt       time.Time
	Complete           time.Time
	AcceptedByPromised int
	AcceptedByEnd      int
	RejectedByEnd      int
	UnitCost           float64 // in currency units
	QuotedUnitCost     float64
	OnTimeInFull       bool
	DaysLate           int
	LeadDays           *int
}

// Sheet names of the workbook.
const (
	SheetSummary     = "Summary"
	SheetTrend       = "Trend"
	SheetLines       = "Lines"
	SheetDefinitions = "Definitions"
)

// ErrNotInThisBinary is what the workbook writers (and the XLSX reader of app/importfile)
// return in the command binary, which is built with the "cli" tag and leaves the Excel
// library out so that every command starts fast; the command line then runs the same
// command in the full binary, clockwork-window.
var ErrNotInThisBinary = errors.New("Excel workbooks are made and read by clockwork-window, the full Clockwork binary: run the command with it")
