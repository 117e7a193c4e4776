package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes a document (a PDF, a workbook) to path through write: first into a
// private temporary file beside it, moved into place only when complete, so a failed or
// interrupted write never leaves half a file nor spoils one already there. The file is
// readable by its owner only: documents carry customers' names and addresses.
func WriteFile(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // gone already once renamed
	err = write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
