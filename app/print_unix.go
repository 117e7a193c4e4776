//go:build !windows

package app

import (
	"strconv"
	"strings"
)

// printFile hands the file to CUPS: lp -d PRINTER -n COPIES -- FILE.
func printFile(j PrintJob) (string, error) {
	args := []string{"-n", strconv.Itoa(j.Copies)}
	if j.Printer != "" {
		args = append([]string{"-d", j.Printer}, args...)
	}
	out, err := runPrintCommand("lp", append(args, "--", j.Path)...)
	if err != nil {
		return "", printFailed(j, err)
	}
	return out, nil
}

// listPrinters reads CUPS's queues (lpstat -e) and its default (lpstat -d).
func listPrinters() ([]Printer, error) {
	out, err := runPrintCommand("lpstat", "-e")
	if err != nil {
		return nil, err
	}
	def, _ := runPrintCommand("lpstat", "-d") // "system default destination: NAME", or an error with none
	_, defName, _ := strings.Cut(def, ": ")
	var ps []Printer
	for _, name := range strings.Fields(out) {
		ps = append(ps, Printer{Name: name, Default: name == strings.TrimSpace(defName)})
	}
	return ps, nil
}
