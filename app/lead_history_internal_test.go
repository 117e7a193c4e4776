package app

import (
	"errors"
	"testing"
	"time"
)

func TestLeadHistoryReadsOnceThenAddsReceipts(t *testing.T) {
	var h leadHistory
	day := func(d int) time.Time { return time.Date(2026, 3, d, 10, 0, 0, 0, time.UTC) }
	reads := 0
	read := func(from time.Time) ([]leadSample, error) {
		reads++
		return []leadSample{{sent: day(1), days: 2}, {sent: day(5), days: 4}}, nil
	}
	got, err := h.samples(7, day(1), 1, time.UTC, read)
	if err != nil || len(got) != 2 {
		t.Fatalf("first read: %v, %v", got, err)
	}
	h.add(7, day(6), day(9).Add(5*time.Hour))
	h.add(8, day(6), day(7)) // not held: read in full when needed
	if got, _ = h.samples(7, day(1), 1, time.UTC, read); len(got) != 3 || got[2].days != 3 || reads != 1 {
		t.Fatalf("after a receipt: %v samples, %d reads; want 3 samples (the new one 3 days), 1 read", got, reads)
	}
	if got, _ = h.samples(7, day(3), 1, time.UTC, read); len(got) != 2 || reads != 1 {
		t.Errorf("a later start keeps only lines sent since then without reading: %v, %d reads", got, reads)
	}
	if _, _ = h.samples(7, day(3), 2, time.UTC, read); reads != 2 {
		t.Errorf("another process committed (data_version 2): want a fresh read, reads = %d", reads)
	}
	h.reset()
	if _, _ = h.samples(7, day(3), 2, time.UTC, read); reads != 3 {
		t.Errorf("after reset: want a fresh read, reads = %d", reads)
	}
	fail := errors.New("disk gone")
	if _, err := h.samples(9, day(3), 2, time.UTC, func(time.Time) ([]leadSample, error) { return nil, fail }); !errors.Is(err, fail) {
		t.Errorf("read error: got %v", err)
	}
}
