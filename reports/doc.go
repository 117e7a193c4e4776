// Package reports writes Clockwork's documents — packing slips, thank-you cards, purchase
// orders (PDF) and the scorecard workbook — from plain input structs to an io.Writer.
// It never imports Fyne or GORM.
package reports
