package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clockwork/app"
)

// storyDir holds the scripted shop of the README: the script and the files it imports.
const storyDir = "testdata/scripted-shop"

// TestScriptedShopEqualsApp runs the README's whole-shop script with the real binary on an
// empty database, tells the same story through package app on a second database, and
// compares what the shop's lists say about both.
func TestScriptedShopEqualsApp(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "clockwork")
	if out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	scripted, direct := filepath.Join(dir, "scripted.db"), filepath.Join(dir, "direct.db")
	script := exec.Command("sh", filepath.Join(storyDir, "shop.sh"))
	script.Env = append(os.Environ(), "CLOCKWORK="+bin, "SHOP="+scripted, "OUT="+dir)
	if out, err := script.CombinedOutput(); err != nil {
		t.Fatalf("the script failed: %v\n%s", err, out)
	}
	for _, doc := range []string{"PO-000001.pdf", "PO-000002.pdf", "slips.pdf", "gift-slip.pdf", "cards.pdf", "scorecard.xlsx", "returns.xlsx"} {
		if info, err := os.Stat(filepath.Join(dir, doc)); err != nil || info.Size() < 1000 {
			t.Errorf("the script did not write %s: %v", doc, err)
		}
	}
	tellStory(t, direct)

	for _, list := range [][]string{
		{"orders", "--json"}, {"po", "list", "--json"}, {"returns", "--json"},
		{"scorecard", "--json", "--from", "2026-11-01", "--to", "2026-12-01"},
		{"insights", "--json", "--from", "2026-11-01", "--to", "2026-12-01"}, {"suppliers", "--json"}, {"shop", "--json"},
	} {
		want, got := output(t, bin, direct, list), output(t, bin, scripted, list)
		if got != want {
			t.Errorf("%s differs:\nscript:\n%s\napp:\n%s", strings.Join(list, " "), got, want)
		}
	}
	checkStoryOutcome(t, output(t, bin, scripted, []string{"orders", "--json"}), output(t, bin, scripted, []string{"returns", "--json"}))
	insights := output(t, bin, scripted, []string{"insights", "--json", "--from", "2026-11-01", "--to", "2026-12-01"})
	if !strings.Contains(insights, `"key": "Lindqvist Enamel"`) || !strings.Contains(insights, `"returns": 1`) || !strings.Contains(insights, `"shipped": 5`) {
		t.Errorf("insights of the story:\n%s", insights)
	}
}

// checkStoryOutcome checks what a shop owner would: every order shipped, one item returned
// to the supplier that delivered it.
func checkStoryOutcome(t *testing.T, orders, returns string) {
	t.Helper()
	if strings.Count(orders, `"number": "#10`) != 3 || strings.Count(orders, `"state": "shipped"`) != 4 ||
		strings.Count(orders, `"status": "shipped"`) != 2 || strings.Count(orders, `"status": "partially_returned"`) != 1 {
		t.Errorf("want 3 orders with 4 lines shipped, one of them partly returned:\n%s", orders)
	}
	for _, want := range []string{`"number": "RMA-0001"`, `"status": "closed"`, `"disposition": "return_to_supplier"`, `"supplier": "Lindqvist Enamel"`} {
		if !strings.Contains(returns, want) {
			t.Errorf("returns lack %s:\n%s", want, returns)
		}
	}
}

func output(t *testing.T, bin, db string, args []string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// story is the app with its clock at fixed times, failing the test on any error.
type story struct {
	t *testing.T
	a *app.App
}

func (s story) at(rfc3339 string) *app.App {
	when, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		s.t.Fatal(err)
	}
	return s.a.WithClock(func() time.Time { return when })
}

func (s story) must(err error) {
	s.t.Helper()
	if err != nil {
		s.t.Fatal(err)
	}
}

func (s story) file(name string) io.Reader {
	b, err := os.ReadFile(filepath.Join(storyDir, name))
	s.must(err)
	return bytes.NewReader(b)
}

func at(rfc3339 string) time.Time {
	when, _ := time.Parse(time.RFC3339, rfc3339)
	return when
}

// TestReadmeShowsTheScript keeps the README's whole-shop script the one the test runs.
func TestReadmeShowsTheScript(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join(storyDir, "shop.sh"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readme, append([]byte("```sh\n"), script...)) {
		t.Errorf("README.md does not show %s as it is; copy it into the README's scripted-shop section", filepath.Join(storyDir, "shop.sh"))
	}
}
