// Package data holds Clockwork's stored facts: the GORM models, opening the SQLite
// file safely, the forward-only schema migrations and the queries the use cases share.
// It imports nothing else of the project and nothing of Fyne.
package data
