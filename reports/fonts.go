package reports

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// The Go fonts embedded in every document cover Latin, Greek and Cyrillic. For any other
// script — Chinese, Japanese, Arabic, Hebrew, Thai, Vietnamese's stacked accents — a
// document borrows a TrueType font installed on the computer, character by character: the
// first font in preferredFonts that has the character, then any other .ttf found.

// preferredFonts are font files known to cover scripts shops meet, best first. gofpdf reads
// TrueType outlines only, so OpenType/CFF and collection (.ttc) files are not listed.
var preferredFonts = []string{
	"NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf",
	"NotoSansHebrew-Regular.ttf", "NotoSansThai-Regular.ttf", "NotoSansThaiLooped-Regular.ttf",
	"DroidSansFallbackFull.ttf", "DroidSansFallback.ttf", "DejaVuSans.ttf",
	"NotoSansSymbols-Regular.ttf", "NotoSansSymbols2-Regular.ttf", "Symbola_hint.ttf", "Symbola.ttf",
	// Windows and macOS ship these.
	"arial.ttf", "tahoma.ttf", "Arial Unicode.ttf", "segoeui.ttf", "seguisym.ttf",
}

// fontDirs are where the operating system keeps fonts, for every user and for this one.
func fontDirs() []string {
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		dirs := []string{filepath.Join(os.Getenv("WINDIR"), "Fonts")}
		if local := os.Getenv("LOCALAPPDATA"); local != "" {
			dirs = append(dirs, filepath.Join(local, "Microsoft", "Windows", "Fonts"))
		}
		return dirs
	case "darwin":
		return []string{"/System/Library/Fonts", "/System/Library/Fonts/Supplemental", "/Library/Fonts", filepath.Join(home, "Library", "Fonts")}
	}
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts", filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts")}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		dirs = append(dirs, filepath.Join(x, "fonts"))
	}
	return dirs
}

// systemFont is a TrueType font file on the computer, read the first time a character
// needs it.
type systemFont struct {
	path string
	once sync.Once
	ttf  []byte // nil when the file could not be read or parsed
	font *sfnt.Font
	bold []byte // the matching bold file's bytes, nil when there is none
}

func (f *systemFont) load() {
	f.once.Do(func() {
		b, err := os.ReadFile(f.path)
		if err != nil {
			return
		}
		font, err := sfnt.Parse(b)
		if err != nil || !trueTypeOutlines(b) {
			return
		}
		f.ttf, f.font = b, font
		if strings.Contains(f.path, "-Regular.") {
			if bold, err := os.ReadFile(strings.Replace(f.path, "-Regular.", "-Bold.", 1)); err == nil {
				f.bold = bold
			}
		}
	})
}

// trueTypeOutlines reports whether a font has the "glyf" table gofpdf needs (CFF-flavoured
// OpenType fonts parse in sfnt but gofpdf cannot embed them).
func trueTypeOutlines(b []byte) bool {
	if len(b) < 12 {
		return false
	}
	n := int(b[4])<<8 | int(b[5])
	for i := 0; i < n && 12+16*i+4 <= len(b); i++ {
		if string(b[12+16*i:12+16*i+4]) == "glyf" {
			return true
		}
	}
	return false
}

func (f *systemFont) has(r rune) bool {
	f.load()
	if f.font == nil {
		return false
	}
	var buf sfnt.Buffer
	g, err := f.font.GlyphIndex(&buf, r)
	return err == nil && g != 0
}

// fontLibrary finds, for a character the Go fonts lack, a font on the computer that has it.
type fontLibrary struct {
	fonts []*systemFont
	mu    sync.Mutex
	found map[rune]int // index into fonts, -1 when none has the character
}

// newFontLibrary lists the .ttf files in dirs, the preferred ones first.
func newFontLibrary(dirs []string) *fontLibrary {
	var preferred, others []string
	rank := map[string]int{}
	for i, n := range preferredFonts {
		rank[strings.ToLower(n)] = i
	}
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.EqualFold(filepath.Ext(path), ".ttf") {
				return nil
			}
			if _, ok := rank[strings.ToLower(e.Name())]; ok {
				preferred = append(preferred, path)
			} else if !strings.Contains(e.Name(), "Bold") && !strings.Contains(e.Name(), "Italic") && !strings.Contains(e.Name(), "Oblique") {
				others = append(others, path)
			}
			return nil
		})
	}
	slices.SortStableFunc(preferred, func(a, b string) int {
		return rank[strings.ToLower(filepath.Base(a))] - rank[strings.ToLower(filepath.Base(b))]
	})
	slices.Sort(others)
	lib := &fontLibrary{found: map[rune]int{}}
	for _, p := range append(preferred, others...) {
		lib.fonts = append(lib.fonts, &systemFont{path: p})
	}
	return lib
}

// systemFonts is the computer's font library, listed once per run of Clockwork.
var systemFonts = sync.OnceValue(func() *fontLibrary { return newFontLibrary(fontDirs()) })

// fontFor is the index of the first font that has r, or -1.
func (l *fontLibrary) fontFor(r rune) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if i, ok := l.found[r]; ok {
		return i
	}
	i := slices.IndexFunc(l.fonts, func(f *systemFont) bool { return f.has(r) })
	l.found[r] = i
	return i
}

// covered reports whether some font, embedded or on the computer, draws r.
func covered(r rune) bool {
	return printable(r) || (r >= 0x20 && systemFonts().fontFor(r) >= 0)
}
