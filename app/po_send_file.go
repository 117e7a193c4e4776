package app

import (
	"fmt"
	"io"

	"clockwork/data"
)

// SendPOToFile sends a draft as SendPOWith does and writes its PDF to path, so that the PO
// is never recorded as sent without a PDF that can be had: the file is made (proving the
// folder is writable) before anything is recorded, and if the PDF then cannot be finished,
// or the process is killed, the error says how to make it again (WritePOPDF).
func (a *App) SendPOToFile(id uint, opt SendOptions, path string) (data.PurchaseOrder, error) {
	p, err := reserveFile(path)
	if err != nil {
		return data.PurchaseOrder{}, fmt.Errorf("nothing was sent: %w", err)
	}
	sent, err := a.SendPOWith(id, opt)
	if err != nil {
		p.abandon()
		return sent, err
	}
	if err := p.finish(func(w io.Writer) error { return a.WritePOPDF(sent.ID, w) }); err != nil {
		return sent, &PDFError{Number: sent.Number, Err: err}
	}
	return sent, nil
}

// PDFError is a purchase order recorded as sent whose PDF could not be written.
type PDFError struct {
	Number string
	Err    error
}

func (e *PDFError) Error() string {
	return fmt.Sprintf("%s was sent, but its PDF could not be written (%v): make it again with clockwork po pdf %s --out FILE.pdf", e.Number, e.Err, e.Number)
}

func (e *PDFError) Unwrap() error { return e.Err }
