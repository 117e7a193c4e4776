package app

import (
	"context"
	"database/sql"
	"sync"

	"gorm.io/gorm"
)

// txStatements keeps the statements prepared for the transaction in progress, so that a long
// transaction (an import of 100,000 orders, the demo's year) prepares each query once rather
// than once per row: gorm re-prepares a query for every call inside a transaction and keeps
// every copy until the commit, which costs time and, over a long transaction, gigabytes.
type txStatements struct {
	mu sync.Mutex
	tx *sql.Tx // the transaction m belongs to; holding it keeps its address from being reused
	m  map[string]*sql.Stmt
}

// get returns query prepared in tx, or nil when tx is no *sql.Tx (then run it directly).
func (c *txStatements) get(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	if c == nil || tx == nil {
		return nil, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tx != tx {
		c.tx, c.m = tx, map[string]*sql.Stmt{}
	}
	if st, ok := c.m[query]; ok {
		return st, nil
	}
	st, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.m[query] = st
	return st, nil
}

// txSQL runs hand-written SQL in the transaction of a gorm handle, through prepared statements
// when it can.
type txSQL struct {
	ctx   context.Context
	conn  gorm.ConnPool
	sqlTx *sql.Tx
	stmts *txStatements
}

func newTxSQL(ctx context.Context, tx *gorm.DB, stmts *txStatements) *txSQL {
	t := &txSQL{ctx: ctx, conn: tx.Statement.ConnPool, stmts: stmts}
	switch c := t.conn.(type) {
	case *sql.Tx:
		t.sqlTx = c
	case *gorm.PreparedStmtTX:
		t.sqlTx, _ = c.Tx.(*sql.Tx)
	case *txPool:
		t.sqlTx = c.tx
		if t.stmts == nil {
			t.stmts = c.stmts
		}
	}
	return t
}

func (t *txSQL) exec(query string, args ...any) (sql.Result, error) {
	st, err := t.stmts.get(t.ctx, t.sqlTx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return t.conn.ExecContext(t.ctx, query, args...)
	}
	return st.ExecContext(t.ctx, args...)
}

func (t *txSQL) query(query string, args ...any) (*sql.Rows, error) {
	st, err := t.stmts.get(t.ctx, t.sqlTx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return t.conn.QueryContext(t.ctx, query, args...)
	}
	return st.QueryContext(t.ctx, args...)
}

// queryRow scans the first row of a query into dest; sql.ErrNoRows when there is none.
func (t *txSQL) queryRow(query string, args []any, dest ...any) error {
	rows, err := t.query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Close()
}
