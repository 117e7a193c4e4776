//go:build !cli

// Clockwork is a desktop app for small online shops that fulfil orders just in time: no
// stock, every order bought from a supplier, received, packed with the shop's own branding
// and shipped. With no command it opens the window; `clockwork <command>` runs the CLI.
package main

import (
	"os"

	"clockwork/app/cli"
	"clockwork/views"
	_ "clockwork/views/envlocale" // before Fyne reads the locale
)

func main() {
	db, rest, err := cli.SplitGlobal(os.Args[1:], os.Getenv)
	if err == nil && len(rest) == 0 {
		os.Exit(views.Run(db))
	}
	attachConsole()
	os.Exit(cli.Run(os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}))
}
