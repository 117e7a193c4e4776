//go:build windows

package app

import (
	"os/exec"
	"strings"
)

// printFile asks Windows to print the PDF with the PDF program's PrintTo verb, once per
// copy (the verb has no copies option).
func printFile(j PrintJob) (string, error) {
	verb := "-Verb Print"
	if j.Printer != "" {
		verb = "-Verb PrintTo -ArgumentList '\"" + strings.ReplaceAll(j.Printer, "'", "''") + "\"'"
	}
	script := "Start-Process -FilePath '" + strings.ReplaceAll(j.Path, "'", "''") + "' " + verb + " -WindowStyle Hidden"
	for i := 0; i < j.Copies; i++ {
		if _, err := runPrintCommand("powershell", "-NoProfile", "-NonInteractive", "-Command", script); err != nil {
			return "", printFailed(j, err)
		}
	}
	return "sent to " + firstNonEmpty(j.Printer, "the default printer"), nil
}

// listPrinters asks Windows for its printers and the default one.
func listPrinters() ([]Printer, error) {
	if _, err := exec.LookPath("powershell"); err != nil {
		return nil, ErrNoPrinting
	}
	out, err := runPrintCommand("powershell", "-NoProfile", "-NonInteractive", "-Command",
		"Get-CimInstance Win32_Printer | ForEach-Object { \"$($_.Default)`t$($_.Name)\" }")
	if err != nil {
		return nil, err
	}
	var ps []Printer
	for _, line := range strings.Split(out, "\n") {
		def, name, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if ok && name != "" {
			ps = append(ps, Printer{Name: name, Default: def == "True"})
		}
	}
	return ps, nil
}
