package app_test

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

// benchEnd is the last day of the synthetic year the benchmarks measure.
const benchEnd data.Day = "2026-03-12"

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

// scorecardBenchShop is the reference shop's purchasing year (DESIGN 11: 300 suppliers,
// 250,000 PO lines with their receipts, shipments and returns), built once per test binary
// in a temporary folder; the path is removed when the binary ends (TestMain).
func scorecardBenchShop(b *testing.B) *app.App {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "clockwork-scorecard-bench")
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, "shop.db")
		start := time.Now()
		sum, err := apptest.WriteHistory(benchPath, apptest.HistoryOptions{Suppliers: 300, Lines: 250_000, End: benchEnd, Seed: 1})
		benchErr = err
		b.Logf("synthetic history in %s: %+v", time.Since(start).Round(time.Millisecond), sum)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	a, err := app.Open(benchPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { a.Close() })
	shop, err := a.Shop()
	if err != nil {
		b.Fatal(err)
	}
	if shop.TimeZone != "Europe/Berlin" {
		// A zone with summer time makes the day arithmetic do its full work.
		shop.TimeZone = "Europe/Berlin"
		if err := a.SaveShop(shop); err != nil {
			b.Fatal(err)
		}
	}
	return a.WithClock(func() time.Time { return benchEnd.Start(time.UTC).Add(20 * time.Hour) })
}

func TestMain(m *testing.M) {
	if role := os.Getenv(stationRoleEnv); role != "" { // a station of TestStationsShareOneShop
		os.Exit(runStation(role))
	}
	code := m.Run()
	if benchPath != "" {
		os.RemoveAll(filepath.Dir(benchPath))
	}
	os.Exit(code)
}

// measure runs the benchmark loop f and reports, besides wall time, the CPU time per run
// (the machine may be shared: CPU time says what the work costs) and the peak resident
// memory while f ran, which counts SQLite's memory as well as Go's. On Linux the peak is
// reset first (/proc/self/clear_refs), so building the synthetic shop does not count.
func measure(b *testing.B, f func()) {
	b.Helper()
	resetPeak := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	var before, after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	f()
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := time.Duration(after.Utime.Nano()-before.Utime.Nano()) + time.Duration(after.Stime.Nano()-before.Stime.Nano())
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	if peak, ok := peakRSS(); resetPeak && ok {
		b.ReportMetric(peak, "peak-rss-MB")
	} else {
		b.ReportMetric(float64(after.Maxrss)/1024, "process-peak-rss-MB")
	}
}

// peakRSS reads the resident memory high-water mark (VmHWM) in MB.
func peakRSS() (float64, bool) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024, err == nil
		}
	}
	return 0, false
}

func BenchmarkScorecards(b *testing.B) {
	a := scorecardBenchShop(b)
	p := app.LastMonths(benchEnd, 12)
	b.ResetTimer()
	measure(b, func() {
		for b.Loop() {
			cards, err := a.Scorecards(p)
			if err != nil {
				b.Fatal(err)
			}
			if len(cards) != 300 {
				b.Fatalf("%d scorecards", len(cards))
			}
		}
	})
}

func BenchmarkScorecardDetail(b *testing.B) {
	a := scorecardBenchShop(b)
	p := app.LastMonths(benchEnd, 12)
	b.ResetTimer()
	for b.Loop() {
		if _, err := a.ScorecardDetail(p, 1, 200); err != nil {
			b.Fatal(err)
		}
	}
}
func BenchmarkScorecardWorkbook(b *testing.B) {
	a := scorecardBenchShop(b)
	p := app.LastMonths(benchEnd, 12)
	b.ResetTimer()
	measure(b, func() {
		for b.Loop() {
			n := 0
			if err := a.ExportScorecards(b.Context(), p, io.Discard, func(done, total int) { n = done }); err != nil {
				b.Fatal(err)
			}
			if n < 200_000 {
				b.Fatalf("%d lines in the workbook", n)
			}
		}
	})
}

// BenchmarkScorecardsOnDemo measures the scorecards and their workbook on the reference shop
// made by `clockwork --db /tmp/ref.db demo --orders 100000` (pass -shopdb /tmp/ref.db):
// the year the demo lived through its own purchasing, receiving, shipping and returns.
func BenchmarkScorecardsOnDemo(b *testing.B) {
	if *benchDB == "" {
		b.Skip("no reference shop: pass -shopdb PATH (a clockwork demo --orders 100000 database)")
	}
	a, err := app.Open(*benchDB)
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	p := app.LastMonths(a.Today(), 12)
	b.Run("metrics", func(b *testing.B) {
		measure(b, func() {
			for b.Loop() {
				if _, err := a.Scorecards(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("workbook", func(b *testing.B) {
		measure(b, func() {
			for b.Loop() {
				if err := a.ExportScorecards(b.Context(), p, io.Discard, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
