package app

// BigCache enlarges SQLite's page cache for a long run of writes in one transaction (the
// demo's simulated year): with the default 2 MB, a transaction that outgrows it spills its
// pages to the write-ahead log and reads them back. It returns what puts the cache back.
func (a *App) BigCache() func() { return a.bigCache() }
