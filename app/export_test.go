package app

import "gorm.io/gorm"

// DBForTest gives app's external tests the database, to set up and inspect rows directly.
func (a *App) DBForTest() *gorm.DB { return a.db }

// SetSearchCapForTest lowers how many matches a search counts, until the test ends.
func SetSearchCapForTest(t interface{ Cleanup(func()) }, n int) {
	searchCap = n
	t.Cleanup(func() { searchCap = SearchCap })
}

// SetExactLimitForTest makes planning compare at most n plans one by one (0: always use the
// heuristic), until the test ends.
func SetExactLimitForTest(t interface{ Cleanup(func()) }, n int) {
	exactLimit = n
	t.Cleanup(func() { exactLimit = ExactLimit })
}
