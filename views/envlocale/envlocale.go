// Package envlocale makes a "C.UTF-8"-style locale readable to Fyne. Fyne reads the
// locale when its packages initialise and logs an error for "C.UTF-8" (common under cron
// and in containers), which would clutter every command-line run. Imported first by
// main, this package initialises before Fyne's (Go initialises packages in import-path
// order once their imports are ready, and it needs only os) and names the language
// "en" through LANGUAGE, which only message catalogues read.
package envlocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.") {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
