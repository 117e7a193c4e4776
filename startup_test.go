package main

import (
	"bufio"
	"bytes"
	"debug/buildinfo"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// binaries are the two built binaries side by side, as `make build` makes them: the command
// binary "clockwork" (tag cli: no window, no Excel) and the full "clockwork-window".
type binaries struct{ command, full string }

func buildBinaries(tb testing.TB) binaries {
	tb.Helper()
	dir := tb.TempDir()
	b := binaries{command: filepath.Join(dir, "clockwork"), full: filepath.Join(dir, "clockwork-window")}
	for _, build := range [][]string{
		{"build", "-tags", "migrated_fynedo cli", "-o", b.command, "."},
		{"build", "-tags", "migrated_fynedo", "-o", b.full, "."},
	} {
		if out, err := exec.Command("go", build...).CombinedOutput(); err != nil {
			tb.Fatalf("go %s: %v\n%s", strings.Join(build, " "), err, out)
		}
	}
	return b
}

// runBin runs bin with args and returns its exit code, stdout and stderr.
func runBin(tb testing.TB, bin string, env []string, args ...string) (int, string, string) {
	tb.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), stdout.String(), stderr.String()
	}
	if err != nil {
		tb.Fatalf("%s %v: %v", bin, args, err)
	}
	return 0, stdout.String(), stderr.String()
}

// smallShop makes a generated shop of the given number of orders.
func smallShop(tb testing.TB, bin string, orders int) string {
	tb.Helper()
	db := filepath.Join(tb.TempDir(), "small.db")
	if code, _, stderr := runBin(tb, bin, nil, "--db", db, "demo", "--orders", strconv.Itoa(orders)); code != 0 {
		tb.Fatalf("demo: exit %d %s", code, stderr)
	}
	return db
}

// TestCommandBinary: the command binary links neither Fyne nor the Excel library, runs the
// commands itself, and hands the ones that make or read a workbook to clockwork-window beside
// it, with the same arguments and exit code; without clockwork-window it says what to do.
func TestCommandBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds both binaries")
	}
	bins := buildBinaries(t)
	info, err := buildinfo.ReadFile(bins.command)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range info.Deps {
		if strings.HasPrefix(d.Path, "fyne.io/") || strings.Contains(d.Path, "excelize") {
			t.Errorf("the command binary links %s", d.Path)
		}
	}
	db := smallShop(t, bins.command, 60)
	dir := t.TempDir()
	book := filepath.Join(dir, "scores.xlsx")
	code, stdout, stderr := runBin(t, bins.command, nil, "--db", db, "scorecard", "--out", book)
	if raw, err := os.ReadFile(book); code != 0 || err != nil || !bytes.HasPrefix(raw, []byte("PK\x03\x04")) {
		t.Fatalf("scorecard --out through clockwork-window: exit %d %q %q, file: %v", code, stdout, stderr, err)
	}
	if !strings.Contains(stdout, "written to "+book) {
		t.Errorf("scorecard said %q", stdout)
	}
	bad := filepath.Join(dir, "prices.xlsx")
	if err := os.WriteFile(bad, []byte("PK\x03\x04 not a workbook"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runBin(t, bins.command, nil, "--db", db, "import", "catalog", bad, "--supplier", "Harbour Ltd")
	if code != 3 || !strings.Contains(stderr, "not a readable XLSX workbook") {
		t.Errorf("import of a broken workbook: exit %d %q, want clockwork-window's exit 3 and message", code, stderr)
	}

	alone := filepath.Join(t.TempDir(), "clockwork")
	raw, err := os.ReadFile(bins.command)
	if err != nil || os.WriteFile(alone, raw, 0o755) != nil {
		t.Fatal("copy the command binary", err)
	}
	if code, stdout, stderr := runBin(t, alone, nil, "--db", db, "orders", "--json"); code != 0 || !strings.HasPrefix(stdout, "[") {
		t.Errorf("orders without clockwork-window: exit %d %q", code, stderr)
	}
	other := filepath.Join(dir, "other.xlsx")
	code, _, stderr = runBin(t, alone, nil, "--db", db, "scorecard", "--out", other)
	if code != 1 || !strings.Contains(stderr, "clockwork-window") || !strings.Contains(stderr, "install Clockwork again") {
		t.Errorf("scorecard without clockwork-window: exit %d %q", code, stderr)
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("a workbook was written without clockwork-window")
	}
}

// BenchmarkStartup runs each built binary as a whole process on a small shop (200 orders),
// the way a script runs commands: "command" is clockwork (tag cli), "full" is
// clockwork-window, the single binary there was before. ns/op is one run; init-ms is the sum
// of the package initialisers' clock time from GODEBUG=inittrace=1 in one run. Run with:
// go test -tags migrated_fynedo -run '^$' -bench Startup -count 10 .
func BenchmarkStartup(b *testing.B) {
	bins := buildBinaries(b)
	db := smallShop(b, bins.full, 200)
	for _, bin := range []struct{ name, path string }{{"command", bins.command}, {"full", bins.full}} {
		for _, args := range [][]string{{"help"}, {"orders", "--status", "ready"}} {
			b.Run(bin.name+"/"+args[0], func(b *testing.B) {
				args := append([]string{"--db", db}, args...)
				for b.Loop() {
					if code, _, stderr := runBin(b, bin.path, nil, args...); code != 0 {
						b.Fatalf("%v: exit %d %s", args, code, stderr)
					}
				}
				b.StopTimer()
				b.ReportMetric(initMillis(b, bin.path, args), "init-ms")
			})
		}
	}
}

// initMillis runs the binary once with GODEBUG=inittrace=1 and sums its initialisers' clock
// times ("init pkg @0.5 ms, 1.2 ms clock, ...").
func initMillis(b *testing.B, bin string, args []string) float64 {
	b.Helper()
	_, _, stderr := runBin(b, bin, []string{"GODEBUG=inittrace=1"}, args...)
	sum := 0.0
	sc := bufio.NewScanner(strings.NewReader(stderr))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 7 && f[0] == "init" && f[6] == "clock," {
			ms, err := strconv.ParseFloat(f[4], 64)
			if err != nil {
				b.Fatalf("inittrace line %q: %v", sc.Text(), err)
			}
			sum += ms
		}
	}
	if sum == 0 {
		b.Fatalf("no inittrace lines in the %d bytes of stderr", len(stderr))
	}
	return sum
}
