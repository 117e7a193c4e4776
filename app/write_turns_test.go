package app_test

import (
	"sync/atomic"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
)

// TestWritesTakeTurns: while another station holds a long write, a write here waits its turn
// (telling OnWait that it waits, as the command line then says) and then goes through, on
// SQLite and on PostgreSQL alike; it sees what the other station committed.
func TestWritesTakeTurns(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out one lock timeout (5 s)")
	}
	a, _ := apptest.NewApp(t)
	other, err := app.OpenExisting(a.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	holding, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- other.InTx(func(tx *app.App) error {
			s, err := tx.Shop()
			if err != nil {
				return err
			}
			s.Name = "Long write"
			if err := tx.SaveShop(s); err != nil {
				return err
			}
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	var waits atomic.Int32
	a.OnWait(func(time.Duration) {
		if waits.Add(1) == 1 {
			close(release) // the other station finishes once this one has said it waits
		}
	})
	s, err := a.Shop()
	if err != nil {
		t.Fatal(err)
	}
	s.Phone = "+49 30 1234567"
	if err := a.SaveShop(s); err != nil {
		t.Fatalf("the write after the other station's: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if waits.Load() == 0 {
		t.Error("the write did not wait for the other station's")
	}
	got, err := other.Shop()
	if err != nil {
		t.Fatal(err)
	}
	if got.Phone != "+49 30 1234567" {
		t.Errorf("phone %q after both writes, want this station's", got.Phone)
	}
}
