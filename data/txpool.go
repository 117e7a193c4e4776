package data

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
)

// txPool is what gorm talks to inside a write transaction. gorm's own prepared-statement
// pool, in a transaction, prepares every query again on each call and keeps each copy until
// the commit: the demo's year-long transaction spent a sixth of its time preparing and grew
// to gigabytes. Here writes (INSERT, UPDATE, DELETE: the per-row work) go through statements
// prepared once per transaction, and reads go straight to the database, which prepares and
// frees them as each one finishes. (A read's statement is not reused: a second run of it while
// the first's rows are still being read would reset them.) gorm has already written its SQL
// in the engine's own placeholders.
type txPool struct {
	begun gorm.ConnPool // the transaction gorm began: it commits or rolls back
	tx    *sql.Tx
	stmts *Statements
}

// WithTxPool puts a txPool under tx when it is a transaction gorm began on a *sql.Tx, with a
// fresh set of statements for it.
func WithTxPool(tx *gorm.DB) *gorm.DB {
	if sqlTx := sqlTxOf(tx.Statement.ConnPool); sqlTx != nil {
		tx.Statement.ConnPool = &txPool{begun: tx.Statement.ConnPool, tx: sqlTx, stmts: &Statements{}}
	}
	return tx
}

// sqlTxOf is the *sql.Tx under a transaction's connection pool, or nil outside a transaction.
func sqlTxOf(c gorm.ConnPool) *sql.Tx {
	switch c := c.(type) {
	case *sql.Tx:
		return c
	case *gorm.PreparedStmtTX:
		t, _ := c.Tx.(*sql.Tx)
		return t
	case *txPool:
		return c.tx
	}
	return nil
}

func (p *txPool) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return p.tx.PrepareContext(ctx, query)
}

func (p *txPool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := p.stmts.get(ctx, p.tx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (p *txPool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return p.tx.QueryContext(ctx, query, args...)
}

func (p *txPool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return p.tx.QueryRowContext(ctx, query, args...)
}

// Commit and Rollback end the transaction gorm began; having them also tells gorm that a
// nested write is inside a transaction already.
func (p *txPool) Commit() error { return p.begun.(gorm.TxCommitter).Commit() }

func (p *txPool) Rollback() error { return p.begun.(gorm.TxCommitter).Rollback() }
