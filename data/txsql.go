package data

import (
	"context"
	"database/sql"
	"sync"

	"gorm.io/gorm"
)

// Statements keeps the statements prepared for the transaction in progress, so that a long
// transaction (an import of 100,000 orders, the demo's year) prepares each query once rather
// than once per row: gorm re-prepares a query for every call inside a transaction and keeps
// every copy until the commit, which costs time and, over a long transaction, gigabytes.
// The zero value is ready to use.
type Statements struct {
	mu sync.Mutex
	tx *sql.Tx // the transaction m belongs to; holding it keeps its address from being reused
	m  map[string]*sql.Stmt
}

// get returns query prepared in tx, or nil when tx is nil (then run it directly). query is
// in the engine's own placeholders already.
func (c *Statements) get(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
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

// TxSQL runs hand-written SQL in the transaction of a gorm handle, through prepared statements
// when it can. The SQL is written with ? placeholders; on PostgreSQL they become $1, $2, …
// here (Rebind), once per distinct query.
type TxSQL struct {
	ctx    context.Context
	db     *gorm.DB
	conn   gorm.ConnPool
	sqlTx  *sql.Tx
	stmts  *Statements
	engine Engine
}

// NewTxSQL runs SQL in tx's transaction; stmts keeps its prepared statements (nil: those of the
// write transaction's pool when tx is one, else none).
func NewTxSQL(ctx context.Context, tx *gorm.DB, stmts *Statements) *TxSQL {
	t := &TxSQL{ctx: ctx, db: tx, conn: tx.Statement.ConnPool, stmts: stmts, engine: EngineOf(tx)}
	t.sqlTx = sqlTxOf(t.conn)
	if p, ok := t.conn.(*txPool); ok && t.stmts == nil {
		t.stmts = p.stmts
	}
	return t
}

// Engine is the engine the transaction runs on.
func (t *TxSQL) Engine() Engine { return t.engine }

// DataVersion is the engine's DataVersion (see Engine), read for this transaction's database.
func (t *TxSQL) DataVersion() (int64, error) { return t.engine.DataVersion(t.db) }

// Exec runs a statement that returns no rows.
func (t *TxSQL) Exec(query string, args ...any) (sql.Result, error) {
	query = t.rebind(query)
	st, err := t.stmts.get(t.ctx, t.sqlTx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return t.conn.ExecContext(t.ctx, query, args...)
	}
	return st.ExecContext(t.ctx, args...)
}

// ExecOnce runs a statement that is not worth preparing (schema changes).
func (t *TxSQL) ExecOnce(query string, args ...any) (sql.Result, error) {
	return t.conn.ExecContext(t.ctx, t.rebind(query), args...)
}

// Query runs a query; close its rows.
func (t *TxSQL) Query(query string, args ...any) (*sql.Rows, error) {
	query = t.rebind(query)
	st, err := t.stmts.get(t.ctx, t.sqlTx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return t.conn.QueryContext(t.ctx, query, args...)
	}
	return st.QueryContext(t.ctx, args...)
}

// QueryRow scans the first row of a query into dest; sql.ErrNoRows when there is none.
func (t *TxSQL) QueryRow(query string, args []any, dest ...any) error {
	rows, err := t.Query(query, args...)
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

func (t *TxSQL) rebind(query string) string {
	if t.engine.Name() != "postgres" {
		return query
	}
	return rebound(query)
}

// Context is the context the SQL runs under.
func (t *TxSQL) Context() context.Context { return t.ctx }
