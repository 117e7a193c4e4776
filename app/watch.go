package app

import (
	"errors"

	"gorm.io/gorm"
)

// WatchStatements calls fn before every statement the App runs through GORM. Tests use it to
// check where database work happens: never on the window's UI thread.
func (a *App) WatchStatements(fn func()) error {
	hook := func(*gorm.DB) { fn() }
	cb := a.db.Callback()
	return errors.Join(
		cb.Query().Before("gorm:query").Register("clockwork:watch_query", hook),
		cb.Create().Before("gorm:create").Register("clockwork:watch_create", hook),
		cb.Update().Before("gorm:update").Register("clockwork:watch_update", hook),
		cb.Delete().Before("gorm:delete").Register("clockwork:watch_delete", hook),
		cb.Row().Before("gorm:row").Register("clockwork:watch_row", hook),
		cb.Raw().Before("gorm:raw").Register("clockwork:watch_raw", hook),
	)
}
