package cli_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"clockwork/app/apptest"
	"clockwork/app/cli"
	"clockwork/reports"

	"github.com/xuri/excelize/v2"
)

// historyDB is a small shop with a year of purchasing up to 12 March 2026.
func historyDB(t *testing.T) string {
	t.Helper()
	db := newShop(t)
	if _, err := apptest.WriteHistory(db, apptest.HistoryOptions{Suppliers: 8, Lines: 900, End: "2026-03-12", Seed: 3}); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestScorecardWorkbookMatchesJSON(t *testing.T) {
	db := historyDB(t)
	out := filepath.Join(t.TempDir(), "scores.xlsx")
	code, stdout, stderr := run(t, db, "scorecard", "--out", out, "--from", "2025-03-13", "--to", "2026-03-13", "--json")
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var cards []map[string]any
	if err := json.Unmarshal([]byte(stdout), &cards); err != nil {
		t.Fatalf("stdout is not the JSON array alone: %v\n%s", err, stdout)
	}
	if len(cards) != 8 {
		t.Fatalf("%d suppliers in the JSON, want 8", len(cards))
	}
	for _, k := range []string{"supplier", "lines_due", "on_time_pct", "otif_pct", "fill_rate_pct", "lead_p50_days", "lead_p90_days",
		"lead_mean_days", "quoted_lead_days", "avg_days_late", "defect_pct", "return_pct", "price_variance_pct", "response_hours",
		"score", "standing", "otif_ci_low", "otif_ci_high"} {
		if _, ok := cards[0][k]; !ok {
			t.Errorf("JSON lacks %s", k)
		}
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(reports.SheetSummary, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	bySupplier := map[string][]string{}
	for _, r := range rows[3:] {
		bySupplier[r[0]] = r
	}
	for _, c := range cards {
		row := bySupplier[c["supplier"].(string)]
		if row == nil {
			t.Errorf("%s missing from the Summary", c["supplier"])
			continue
		}
		if got := row[4]; got != strconv.Itoa(int(c["lines_due"].(float64))) {
			t.Errorf("%s: lines due %s in the workbook, %v in the JSON", row[0], got, c["lines_due"])
		}
		if score, ok := c["score"].(float64); ok {
			// Excel keeps 15 significant digits.
			if got, _ := strconv.ParseFloat(row[3], 64); math.Abs(got-score) > 1e-12*score {
				t.Errorf("%s: score %s in the workbook, %v in the JSON", row[0], row[3], score)
			}
		}
	}
}

func TestScorecardRefusesBadDates(t *testing.T) {
	db := historyDB(t)
	out := filepath.Join(t.TempDir(), "scores.xlsx")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--from", "2026-02-31"}, `from: "2026-02-31" is not a date`},
		{[]string{"--to", "12/03/2026"}, `to: "12/03/2026" is not a date`},
		{[]string{"--from", "2026-03-01", "--to", "2026-02-01"}, "the period is empty"},
	} {
		code, _, stderr := run(t, db, append([]string{"scorecard", "--out", out}, tt.args...)...)
		if code != cli.ExitBadInput || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %q; want 3 and %q", tt.args, code, stderr, tt.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: the workbook was written anyway", tt.args)
		}
	}
	if code, _, _ := run(t, db, "scorecard"); code != cli.ExitUsage {
		t.Errorf("scorecard without --out or --json: exit %d, want 2", code)
	}
}

func TestScorecardDefaultsToTheLastTwelveMonths(t *testing.T) {
	db := historyDB(t)
	out := filepath.Join(t.TempDir(), "scores.xlsx")
	code, stdout, stderr := run(t, db, "scorecard", "--out", out)
	if code != cli.ExitOK || !strings.Contains(stdout, out) {
		t.Fatalf("exit %d, %q %q", code, stdout, stderr)
	}
	// Today is the machine's; the synthetic year ended on 12 March 2026, so a default period
	// that ends tomorrow says so in the title row.
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sub, _ := f.GetCellValue(reports.SheetSummary, "A2"); !strings.HasPrefix(sub, "Lines promised ") {
		t.Errorf("subtitle = %q", sub)
	}
}
