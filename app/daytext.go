package app

import (
	"strconv"
	"strings"
	"time"

	"clockwork/data"
)

// dayWords are the short weekday (Sunday first) and month names of a language.
type dayWords struct {
	weekdays [7]string
	months   [12]string
	// thisYear and otherYear write the day, its weekday name, month name and year.
	thisYear, otherYear func(day int, weekday, month string, year int) string
}

var languages = map[string]dayWords{
	"en": {
		weekdays:  [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		months:    [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		thisYear:  func(d int, w, m string, _ int) string { return w + " " + itoa(d) + " " + m },
		otherYear: func(d int, _, m string, y int) string { return itoa(d) + " " + m + " " + itoa(y) },
	},
	"en-US": {
		weekdays:  [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		months:    [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		thisYear:  func(d int, w, m string, _ int) string { return w + ", " + m + " " + itoa(d) },
		otherYear: func(d int, _, m string, y int) string { return m + " " + itoa(d) + ", " + itoa(y) },
	},
	"de": {
		weekdays:  [7]string{"So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."},
		months:    [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."},
		thisYear:  func(d int, w, m string, _ int) string { return w + " " + itoa(d) + ". " + m },
		otherYear: func(d int, _, m string, y int) string { return itoa(d) + ". " + m + " " + itoa(y) },
	},
	"fr": {
		weekdays:  [7]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."},
		months:    [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		thisYear:  func(d int, w, m string, _ int) string { return w + " " + itoa(d) + " " + m },
		otherYear: func(d int, _, m string, y int) string { return itoa(d) + " " + m + " " + itoa(y) },
	},
}

func itoa(n int) string { return strconv.Itoa(n) }

// DayText writes a day the one way Clockwork writes days, in English: "Sun 6 Dec" in
// today's year, "6 Dec 2025" in any other; an empty day stays empty.
func DayText(d, today data.Day) string { return DayTextIn("en", d, today) }

// DayTextIn is DayText in a language given as a locale ("de", "de-AT", "en-US", "fr-CH"):
// German and French names and order, the American month-first order; English for any
// other language.
func DayTextIn(locale string, d, today data.Day) string {
	t := d.Start(time.UTC)
	if t.IsZero() {
		return string(d)
	}
	n := namesFor(locale)
	w, m := n.weekdays[t.Weekday()], n.months[t.Month()-1]
	if len(today) >= 4 && strings.HasPrefix(string(d), string(today[:4])) {
		return n.thisYear(t.Day(), w, m, t.Year())
	}
	return n.otherYear(t.Day(), w, m, t.Year())
}

// namesFor finds a locale's names: the whole locale first ("en-US"), then its language.
func namesFor(locale string) dayWords {
	locale = strings.ReplaceAll(locale, "_", "-")
	if n, ok := languages[locale]; ok {
		return n
	}
	lang, _, _ := strings.Cut(locale, "-")
	if n, ok := languages[strings.ToLower(lang)]; ok {
		return n
	}
	return languages["en"]
}
