package views

import (
	"strings"
	"testing"

	"clockwork/data"

	"fyne.io/fyne/v2/test"
)

func TestSettingsScorecardWeights(t *testing.T) {
	s, a, _ := newTestShell(t)
	v := settingsOf(s)
	if v.weights.Text != "Total 100 ✓" || v.entries["w_otif"].Text != "35" {
		t.Fatalf("the default weights show %q, OTIF %q", v.weights.Text, v.entries["w_otif"].Text)
	}
	// The sum follows the typing.
	retype(v, "w_otif", "30")
	if !strings.Contains(v.weights.Text, "Total 95") || !strings.Contains(v.weights.Text, "must add up to 100") {
		t.Errorf("after lowering OTIF to 30: %q", v.weights.Text)
	}
	test.Tap(v.save)
	if !strings.Contains(v.status.Text, "Not saved") || !strings.Contains(v.status.Text, "add up to 100") {
		t.Errorf("saving weights that add up to 95: %q", v.status.Text)
	}
	retype(v, "w_price", "many")
	if !strings.Contains(v.weights.Text, "whole number") {
		t.Errorf("a weight that is not a number: %q", v.weights.Text)
	}
	retype(v, "w_price", "15")
	if v.weights.Text != "Total 100 ✓" {
		t.Errorf("30 + 15 + 15 + 20 + 15 + 5: %q", v.weights.Text)
	}
	test.Tap(v.save)
	shop, _ := a.Shop()
	want := data.ScoreWeights{OTIF: 30, Fill: 15, LeadTime: 15, Quality: 20, Price: 15, Responsiveness: 5}
	if shop.Weights != want || v.status.Text != "Saved." {
		t.Errorf("stored weights %+v (status %q), want %+v", shop.Weights, v.status.Text, want)
	}
}
