//go:build cli

// The command binary: "clockwork" built with the "cli" tag leaves out the window (Fyne) and
// the Excel library, whose package initialisers every run would otherwise pay before doing
// anything. With no command, and for the few commands that make or read an Excel workbook,
// it runs the full binary, clockwork-window, installed beside it.

package main

import (
	"os"

	"clockwork/app/cli"
)

func main() {
	args := os.Args[1:]
	if _, rest, err := cli.SplitGlobal(args, os.Getenv); err == nil && len(rest) == 0 {
		os.Exit(cli.RunFull(args)) // the window
	}
	os.Exit(cli.Run(args, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
		Delegate: func() int { return cli.RunFull(args) }}))
}
