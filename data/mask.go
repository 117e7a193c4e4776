package data

import (
	"regexp"
	"strings"
)

// queryPassword finds a password given as a URL parameter (?password=…).
var queryPassword = regexp.MustCompile(`(?i)([?&]password=)[^&#]*`)

// maskPassword replaces a server URL's password, in the user part or as a parameter, by ****.
// It does not parse the URL, so a URL that does not parse (a password with an unescaped @ or
// %) is masked all the same.
func maskPassword(location string) string {
	scheme, rest, _ := strings.Cut(location, "://")
	end := strings.IndexAny(rest, "?#")
	if end < 0 {
		end = len(rest)
	}
	// The user part ends at the last @ before the query: a password may hold an unescaped @.
	if at := strings.LastIndex(rest[:end], "@"); at >= 0 {
		user := rest[:at]
		if colon := strings.Index(user, ":"); colon >= 0 {
			rest = user[:colon] + ":****" + rest[at:]
		}
	}
	return queryPassword.ReplaceAllString(scheme+"://"+rest, "${1}****")
}
