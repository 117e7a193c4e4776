package app

import "gorm.io/gorm"

// DBForTest gives app's external tests the database, to set up and inspect rows directly.
func (a *App) DBForTest() *gorm.DB { return a.db }
