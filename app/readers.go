package app

import (
	"sync"

	"clockwork/data"

	"gorm.io/gorm"
)

// readerConns is how many read-only connections a report may run its queries on at once.
const readerConns = 4

// readPool is the shop's read-only connections, opened the first time a report asks.
type readPool struct {
	mu     sync.Mutex
	db     *gorm.DB
	failed bool
}

// readers is the pool of read-only connections, or nil when a report must stay on the App's
// own connection: inside a transaction (the others would not see its uncommitted rows), or
// when the pool cannot be opened (then the report runs its queries one after another).
//
// On a server the pool is read-only sessions of its own; should it not open, reports share
// the App's pool, whose reads go on beside its writes there (a file has one writer only).
func (a *App) readers() *gorm.DB {
	if a.inTx || a.path == "" {
		return nil
	}
	r := &a.shared.readers
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.db == nil && !r.failed {
		db, err := data.OpenReader(a.dsn(), readerConns)
		r.db, r.failed = db, err != nil
	}
	if r.db == nil && !data.EngineOf(a.db).IsFile() {
		return a.db
	}
	return r.db
}

// closeReaders closes the read-only connections, if they were opened.
func (a *App) closeReaders() error {
	r := &a.shared.readers
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.db == nil {
		return nil
	}
	err := data.Close(r.db)
	r.db = nil
	return err
}

// alongside runs each of fns on a read-only connection of its own while the caller goes on,
// and returns a wait that gives the first error. Without readers it runs them at once, one
// after another, on the App's connection (wait then only reports).
func (a *App) alongside(fns ...func(db *gorm.DB) error) (wait func() error) {
	db := a.readers()
	if db == nil {
		var first error
		for _, fn := range fns {
			if err := fn(a.db); err != nil && first == nil {
				first = err
			}
		}
		return func() error { return first }
	}
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn(db)
		}()
	}
	return func() error {
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				return err
			}
		}
		return nil
	}
}
