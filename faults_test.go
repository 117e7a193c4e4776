package main

import (
	"bytes"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

var faults = flag.Int("faults", 0, "kill the real binary this many times in each of import, purchase, receive and po send (TestKills)")

// faultShop is a built binary and a small demo shop to copy for each run.
type faultShop struct {
	bin, base, dir string
}

func newFaultShop(t *testing.T) faultShop {
	t.Helper()
	dir := t.TempDir()
	s := faultShop{bin: filepath.Join(dir, "clockwork"), base: filepath.Join(dir, "base.db"), dir: dir}
	if out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", s.bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	s.must(t, s.base, "demo", "--orders", "300", "--seed", "3")
	return s
}

// run runs the binary on db and returns its exit code and stderr.
func (s faultShop) run(db string, args ...string) (int, string) {
	cmd := exec.Command(s.bin, append([]string{"--db", db}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), stderr.String()
	}
	if err != nil {
		return -1, err.Error()
	}
	return 0, stderr.String()
}

func (s faultShop) must(t *testing.T, db string, args ...string) {
	t.Helper()
	if code, stderr := s.run(db, args...); code != 0 {
		t.Fatalf("%v: exit %d %s", args, code, stderr)
	}
}

// copyOf copies the shop at db (closed cleanly: no -wal) to a new file.
func (s faultShop) copyOf(t *testing.T, db, name string) string {
	t.Helper()
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(out, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}

// killed runs the command and kills it (SIGKILL) after a random part of limit.
func (s faultShop) killed(db string, limit time.Duration, args ...string) {
	cmd := exec.Command(s.bin, append([]string{"--db", db}, args...)...)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if cmd.Start() != nil {
		return
	}
	time.Sleep(time.Duration(rand.Int64N(int64(limit) + 1)))
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
}

// count runs a COUNT query on the shop.
func count(t *testing.T, db, query string) int {
	t.Helper()
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// orderFile writes n generic orders numbered prefix-1… for SKUs of the shop's catalog.
func orderFile(t *testing.T, db, prefix string, n int) string {
	t.Helper()
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var skus []string
	rows, err := conn.Query("SELECT sku FROM products ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		skus = append(skus, s)
	}
	rows.Close()
	conn.Close()
	var b strings.Builder
	b.WriteString("order_number,placed_at,customer_name,email,sku,title,qty,unit_price,ship_name,ship_address1,ship_address2,ship_city,ship_province,ship_zip,ship_country,ship_phone,note\n")
	day := time.Now().AddDate(0, 0, -1).Format("2006-01-02")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%s-%d,%s,Zoë Müller %d,z%d@example.com,%s,Item,%d,12.50,Zoë Müller,Hauptstraße %d,,Leipzig,,04229,Germany,,\n",
			prefix, i, day, i, i, skus[i%len(skus)], 1+i%3, i)
	}
	path := filepath.Join(t.TempDir(), prefix+".csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// timed is how long a clean run of the command takes.
func (s faultShop) timed(t *testing.T, db string, args ...string) time.Duration {
	t.Helper()
	start := time.Now()
	s.must(t, db, args...)
	return time.Since(start)
}

// checked fails unless check says the shop is sound.
func (s faultShop) checked(t *testing.T, db, after string) {
	t.Helper()
	if code, stderr := s.run(db, "check"); code != 0 {
		t.Fatalf("check after a kill during %s: exit %d %s", after, code, stderr)
	}
}

// TestConcurrentWriters runs two imports of 30,000 orders and a loop receiving every open
// purchase order at once, each its own process: every one must succeed (a writer that finds
// another waits, saying so), nothing is lost, and check is clean. It took 18 s to 2 min on a
// shared 2-core machine, so it is part of make test; -short skips it.
func TestConcurrentWriters(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 60,000 orders of imports")
	}
	s := newFaultShop(t)
	db := s.copyOf(t, s.base, "shop.db")
	files := []string{orderFile(t, db, "A", 30000), orderFile(t, db, "B", 30000)}
	before := count(t, db, "SELECT COUNT(*) FROM orders")
	open := count(t, db, "SELECT COUNT(*) FROM purchase_orders WHERE status IN ('sent', 'acknowledged', 'partially_received')")
	var receiving []string
	for i := range open {
		receiving = append(receiving, first(t, db, fmt.Sprintf("SELECT number FROM purchase_orders WHERE status IN ('sent', 'acknowledged', 'partially_received') ORDER BY id LIMIT 1 OFFSET %d", i)))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	waited := make(chan bool, 100)
	start := time.Now()
	report := func(what string, began time.Time, code int, stderr string) {
		t.Logf("%s: exit %d after %v (from %v to %v of the run), waited for another writer: %v", what, code,
			time.Since(began).Round(100*time.Millisecond), began.Sub(start).Round(100*time.Millisecond),
			time.Since(start).Round(100*time.Millisecond), strings.Contains(stderr, "waiting for it"))
		if code != 0 {
			errs <- fmt.Sprintf("%s: exit %d %s", what, code, stderr)
		}
		if strings.Contains(stderr, "waiting for it") {
			waited <- true
		}
		if strings.Contains(stderr, "database is locked") {
			errs <- what + ": SQLite's own words reached the user: " + stderr
		}
	}
	for _, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			began := time.Now()
			code, stderr := s.run(db, "import", "orders", f)
			report("import "+filepath.Base(f), began, code, stderr)
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(500 * time.Millisecond) // the imports have begun
		for _, po := range receiving {
			began := time.Now()
			code, stderr := s.run(db, "receive", po, "--all")
			report("receive "+po, began, code, stderr)
		}
	}()
	wg.Wait()
	close(errs)
	close(waited)
	for e := range errs {
		t.Error(e)
	}
	t.Logf("%d writers done in %v; %d runs waited for another and said so", 2+open, time.Since(start).Round(time.Second), len(waited))
	if n := count(t, db, "SELECT COUNT(*) FROM orders"); n != before+60000 {
		t.Errorf("%d orders, want %d", n, before+60000)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM purchase_orders WHERE status IN ('sent', 'acknowledged', 'partially_received')"); n != 0 || open == 0 {
		t.Errorf("%d POs still open of %d, want none", n, open)
	}
	s.checked(t, db, "concurrent writers")
}

// first reads one text from the shop.
func first(t *testing.T, db, query string) string {
	t.Helper()
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var s string
	if err := conn.QueryRow(query).Scan(&s); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return s
}
