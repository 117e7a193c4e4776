package views

import (
	"os"
	"testing"
)

// TestMain writes days in English whatever the computer's locale, as the tests expect.
func TestMain(m *testing.M) {
	dayLocale = func() string { return "en" }
	os.Exit(m.Run())
}
