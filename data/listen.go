package data

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"
)

// listener hears the changes other stations commit to a shop on PostgreSQL (DataVersion).
type listener struct {
	heard  atomic.Int64
	cancel context.CancelFunc
	done   chan struct{}
}

var (
	listenersMu sync.Mutex
	listeners   = map[gorm.ConnPool]*listener{} // by the station's connection pool
)

// listen starts db's listener on a connection of its own; Close stops it.
func listen(db *gorm.DB, cfg *pgx.ConnConfig, station string) error {
	ctx, cancel := context.WithCancel(context.Background())
	conn, err := listenConn(ctx, cfg)
	if err != nil {
		cancel()
		return err
	}
	l := &listener{cancel: cancel, done: make(chan struct{})}
	listenersMu.Lock()
	listeners[db.Config.ConnPool] = l
	listenersMu.Unlock()
	go l.run(ctx, conn, cfg, station)
	return nil
}

func listenConn(ctx context.Context, cfg *pgx.ConnConfig) (*pgx.Conn, error) {
	c := cfg.Copy()
	c.RuntimeParams["application_name"] = "clockwork listener"
	conn, err := pgx.ConnectConfig(ctx, c)
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+changesChannel); err != nil {
		conn.Close(ctx)
		return nil, err
	}
	return conn, nil
}

// run counts notifications from other stations; when the connection drops it counts one
// (a change may have been missed) and connects again.
func (l *listener) run(ctx context.Context, conn *pgx.Conn, cfg *pgx.ConnConfig, station string) {
	defer close(l.done)
	for {
		for conn != nil {
			n, err := conn.WaitForNotification(ctx)
			if err != nil {
				conn.Close(context.Background())
				conn = nil
				break
			}
			if n.Payload != station {
				l.heard.Add(1)
			}
		}
		if ctx.Err() != nil {
			return
		}
		l.heard.Add(1)
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
		conn, _ = listenConn(ctx, cfg)
	}
}

// heardChanges is how many changes by other stations db's listener has heard.
func heardChanges(db *gorm.DB) (int64, error) {
	listenersMu.Lock()
	l := listeners[db.Config.ConnPool]
	listenersMu.Unlock()
	if l == nil {
		return 0, errors.New("this connection does not listen for other stations' changes")
	}
	return l.heard.Load(), nil
}

// stopListening stops db's listener, if it has one.
func stopListening(db *gorm.DB) {
	listenersMu.Lock()
	l := listeners[db.Config.ConnPool]
	delete(listeners, db.Config.ConnPool)
	listenersMu.Unlock()
	if l != nil {
		l.cancel()
		<-l.done
	}
}
