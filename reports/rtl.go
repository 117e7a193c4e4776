package reports

import (
	"slices"
	"strings"
	"unicode"
)

// gofpdf draws characters one after another, left to right, each with its own glyph. Arabic
// letters change shape with their neighbours and Arabic and Hebrew read right to left, so a
// line in those scripts is shaped (each letter replaced by its contextual presentation form,
// which the Arabic fonts carry) and then put in visual order before it is drawn.

// arabicForms maps an Arabic letter to its first presentation form (isolated; then final,
// initial, medial) and how many forms it has: 4 joins both sides, 2 joins only the letter
// before it, 1 joins neither.
var arabicForms = func() map[rune][2]rune {
	m := map[rune][2]rune{0x621: {0xFE80, 1}}
	two := []rune{0x622, 0x623, 0x624, 0x625}
	for i, r := range two {
		m[r] = [2]rune{0xFE81 + rune(2*i), 2}
	}
	// From ئ (U+0626) to غ (U+063A) and ف (U+0641) to ي (U+064A) the forms follow in order.
	next := rune(0xFE89)
	for _, r := range append(runeRange(0x626, 0x63A), runeRange(0x641, 0x64A)...) {
		n := rune(4)
		if slices.Contains([]rune{0x627, 0x629, 0x62F, 0x630, 0x631, 0x632, 0x648, 0x649}, r) {
			n = 2
		}
		m[r] = [2]rune{next, n}
		next += n
	}
	// Persian and Urdu letters, in Presentation Forms-A.
	for r, f := range map[rune][2]rune{0x67E: {0xFB56, 4}, 0x686: {0xFB7A, 4}, 0x698: {0xFB8A, 2},
		0x6A9: {0xFB8E, 4}, 0x6AF: {0xFB92, 4}, 0x6CC: {0xFBFC, 4}} {
		m[r] = f
	}
	return m
}()

func runeRange(from, to rune) []rune {
	var rs []rune
	for r := from; r <= to; r++ {
		rs = append(rs, r)
	}
	return rs
}

const tatweel = 0x640

// lamAlef are the lam–alef ligatures (isolated form; the final form follows it).
var lamAlef = map[rune]rune{0x622: 0xFEF5, 0x623: 0xFEF7, 0x625: 0xFEF9, 0x627: 0xFEFB}

// shapeArabic replaces Arabic letters with their contextual forms, in logical order.
func shapeArabic(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { _, ok := arabicForms[r]; return ok }) {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f, ok := arabicForms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		prev, next := neighbour(rs, i, -1), neighbour(rs, i, 1)
		joinsPrev := prev >= 0 && (joinsBoth(rs[prev]))
		if r == 0x644 && next >= 0 {
			if lig, ok := lamAlef[rs[next]]; ok {
				if joinsPrev {
					lig++
				}
				out = append(out, lig)
				out = append(out, rs[i+1:next]...) // marks on the lam
				i = next
				continue
			}
		}
		_, nextLetter := arabicForms[at(rs, next)]
		joinsNext := f[1] == 4 && next >= 0 && (nextLetter || rs[next] == tatweel)
		form := rune(0)
		switch {
		case f[1] == 1:
		case joinsPrev && joinsNext:
			form = 3
		case joinsPrev:
			form = 1
		case joinsNext:
			form = 2
		}
		if !covered(f[0] + form) {
			form = 0 // no font on this computer has the forms: the letters print unjoined
			if !covered(f[0]) {
				out = append(out, r)
				continue
			}
		}
		out = append(out, f[0]+form)
	}
	return string(out)
}

func at(rs []rune, i int) rune {
	if i < 0 {
		return 0
	}
	return rs[i]
}

// joinsBoth reports whether an Arabic letter connects to the letter after it.
func joinsBoth(r rune) bool {
	return arabicForms[r][1] == 4 || r == tatweel
}

// neighbour is the index of the letter before (dir -1) or after (dir 1) rs[i], skipping
// vowel marks, or -1 when a non-letter comes first.
func neighbour(rs []rune, i, dir int) int {
	for j := i + dir; j >= 0 && j < len(rs); j += dir {
		if unicode.Is(unicode.Mn, rs[j]) {
			continue
		}
		if _, ok := arabicForms[rs[j]]; ok || rs[j] == tatweel {
			return j
		}
		return -1
	}
	return -1
}

// rightToLeft reports whether r belongs to a script written right to left.
func rightToLeft(r rune) bool {
	return (r >= 0x590 && r <= 0x8FF) || (r >= 0xFB1D && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}

// hasRTL reports whether s needs reordering for display.
func hasRTL(s string) bool {
	return strings.ContainsFunc(s, rightToLeft)
}

// mirrored are the brackets that face the other way in right-to-left text.
var mirrored = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«'}

// visual puts one line in the order its characters are drawn, left to right: a line that
// starts in a right-to-left script reads from the right, runs of Latin letters and numbers
// inside it keep their own order, and marks stay on their letters. It is a simplified form
// of the Unicode bidirectional algorithm, enough for names, addresses and notes.
func visual(line string) string {
	if !hasRTL(line) {
		return line
	}
	clusters := splitClusters(line)
	dirs := make([]int, len(clusters)) // 1 right to left, -1 left to right, 0 neutral
	paraRTL := false
	seenStrong := false
	for i, c := range clusters {
		r := []rune(c)[0]
		switch {
		case rightToLeft(r):
			dirs[i] = 1
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			dirs[i] = -1
		}
		if dirs[i] != 0 && !seenStrong {
			paraRTL, seenStrong = dirs[i] == 1, true
		}
	}
	para := -1
	if paraRTL {
		para = 1
	}
	resolveNeutrals(dirs, para)
	// Runs of one direction; right-to-left runs are reversed cluster by cluster.
	var runs [][]string
	for i := 0; i < len(clusters); {
		j := i
		for j < len(clusters) && dirs[j] == dirs[i] {
			j++
		}
		run := slices.Clone(clusters[i:j])
		if dirs[i] == 1 {
			slices.Reverse(run)
			for k, c := range run {
				if m, ok := mirrored[[]rune(c)[0]]; ok {
					run[k] = string(m)
				}
			}
		}
		runs = append(runs, run)
		i = j
	}
	if paraRTL {
		slices.Reverse(runs)
	}
	var b strings.Builder
	for _, run := range runs {
		for _, c := range run {
			b.WriteString(c)
		}
	}
	return b.String()
}

// resolveNeutrals gives spaces and punctuation the direction of the text around them: the
// direction both sides share, else the paragraph's.
func resolveNeutrals(dirs []int, para int) {
	for i := 0; i < len(dirs); {
		if dirs[i] != 0 {
			i++
			continue
		}
		j := i
		for j < len(dirs) && dirs[j] == 0 {
			j++
		}
		before, after := para, para
		if i > 0 {
			before = dirs[i-1]
		}
		if j < len(dirs) {
			after = dirs[j]
		}
		d := para
		if before == after {
			d = before
		}
		for k := i; k < j; k++ {
			dirs[k] = d
		}
		i = j
	}
}

// splitClusters cuts s into characters with their combining marks.
func splitClusters(s string) []string {
	var out []string
	for _, r := range s {
		if len(out) > 0 && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r)) {
			out[len(out)-1] += string(r)
			continue
		}
		out = append(out, string(r))
	}
	return out
}
