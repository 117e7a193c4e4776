package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
)

// WriteFile writes a document (a PDF, a workbook) to path through write: first into a
// private temporary file beside it, moved into place only when complete, so a failed or
// interrupted write never leaves half a file nor spoils one already there. The file is
// readable by its owner only: documents carry customers' names and addresses. Temporary
// files that interrupted writes of the same path left behind are removed first.
func WriteFile(path string, write func(w io.Writer) error) error {
	p, err := reserveFile(path)
	if err != nil {
		return err
	}
	return p.finish(write)
}

// pendingFile is a document's temporary file, created (and so proven writable) before what
// it will hold is known.
type pendingFile struct {
	tmp  *os.File
	path string
}

// reserveFile removes stale temporary files of path and creates a new one beside it.
func reserveFile(path string) (*pendingFile, error) {
	removeStaleTemps(path)
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	lockTemp(tmp) // while it is held, no other write takes the file for stale
	return &pendingFile{tmp: tmp, path: path}, nil
}

// finish writes the document and moves it into place; on any error nothing is left.
func (p *pendingFile) finish(write func(w io.Writer) error) error {
	defer os.Remove(p.tmp.Name()) // gone already once renamed
	err := write(p.tmp)
	if cerr := p.tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(p.tmp.Name(), p.path); err != nil {
		return fmt.Errorf("write %s: %w", p.path, err)
	}
	return nil
}

// abandon removes the temporary file unused.
func (p *pendingFile) abandon() {
	p.tmp.Close()
	os.Remove(p.tmp.Name())
}

// removeStaleTemps removes the temporary files of path (".name-123456") that no running
// write holds: an interrupted write (a kill, a power cut) left them.
func removeStaleTemps(path string) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	ours := regexp.MustCompile(`^\.` + regexp.QuoteMeta(base) + `-[0-9]+$`)
	for _, e := range entries {
		if e.Type().IsRegular() && ours.MatchString(e.Name()) {
			removeIfStale(filepath.Join(dir, e.Name()))
		}
	}
}
