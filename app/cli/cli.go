// Package cli is Clockwork's command-line front end over package app (DESIGN section 8):
// one process per action, for shops that script their nightly imports and batch printing.
// It never starts the window.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"clockwork/app"
	"clockwork/reports"
)

// Exit codes of the command line.
const (
	ExitOK       = 0
	ExitFailed   = 1
	ExitUsage    = 2
	ExitBadInput = 3 // nothing was written
)

// Env is what a command runs with: where it writes and what it reads from outside.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Context        context.Context
	// Delegate, when set, runs the same command line in the full binary and returns its exit
	// code: the command binary (built with the "cli" tag) sets it for the commands that make
	// or read an Excel workbook, which only the full binary can.
	Delegate func() int
}

// command is one `clockwork <name>` action. setup defines its flags on fs and returns the
// function that runs it once they are parsed.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string
	setup   func(fs *flag.FlagSet) func(c *call) error
}

// commands is every command, in the order help lists them.
func commands() []command {
	return []command{
		{"init", "", "create a new, empty shop at --db (refused when a file is there)", setupInit},
		{"demo", "[--orders N] [--seed S]", "fill an empty database with a generated shop", setupDemo},
		{"import", importSynopsis(), "import a file; one with any bad row writes nothing (exit 3)", setupImport},
		{"orders", "[--status S] [--json]", "list orders", setupOrders},
		{"purchase", "[--policy preferred|cheapest|fastest|balanced] [--at T] [--dry-run] [--json]", "put every unpurchased order line on its supplier's draft purchase order; lines that cannot be bought are listed", setupPurchase},
		{"po", poSynopsis, "purchase orders: list them, send one (writes its PDF), record the supplier's answer, close short or cancel", setupPO},
		{"draft", draftSynopsis, "change a draft purchase order before it is sent: a line's quantity or cost, remove a line, buy it from another supplier", setupDraft},
		{"receive", "PO (--all | --line SKU=ACCEPTED[/REJECTED[:REASON]] ...) [--at T] [--force]", "record a delivery; says which orders are ready and what is still owed", setupReceive},
		{"slips", "(--order NUMBER ... | --ready) [--gift] [--paper a4|letter|4x6] --out FILE.pdf", "print packing slips, one order a page", setupSlips},
		{"cards", "(--order NUMBER ... | --ready) --out FILE.pdf", "print thank-you cards, one order a card", setupCards},
		{"ship", "ORDER --carrier C --tracking T [--service S] [--at T]", "mark an order shipped", setupShip},
		{"suppliers", "[--status S] [--search TEXT] [--json]", "list suppliers with status, vetting, offers and last contact", setupSuppliers},
		{"supplier", supplierSynopsis, "add a supplier, edit its contact, SLA, status and vetting answers, or read and write its contact log", setupSupplier},
		{"products", "[--show active|inactive|trial|no_offer] [--search TEXT] [--json]", "list the catalog: products with their offers, best cost and trial", setupProducts},
		{"product", productSynopsis, "add a product to the catalog, edit it, put it on trial or take it off; show it with its offers", setupProduct},
		{"offer", offerSynopsis, "add a supplier's offer for a product, edit its terms, retire or restore it, make it preferred", setupOffer},
		{"order", orderSynopsis, "add an order typed in by hand, cancel one, map an unknown SKU to a product, or release one held as unpaid", setupOrder},
		{"shop", "[--name N] [--logo FILE] [--accent #RRGGBB] [--thanks TEXT] [--paper P] [--json] ...", "show or change the shop's details, branding and settings (purchase policy, handling days, scorecard weights, return window)", setupShop},
		{"return", returnSynopsis, "open a return (RMA) of shipped items, traced to the supplier that delivered them; receive the goods; close it", setupReturn},
		{"returns", "[--status S] [--json]", "list returns with reasons, fault, disposition and supplier", setupReturns},
		{"insights", "(--out FILE.xlsx | --json) [--from DATE] [--to DATE]", "what returns teach: returns by reason, product and supplier with the customers' words", setupInsights},
		{"scorecard", "--out FILE.xlsx [--from DATE] [--to DATE] [--json]", "supplier scorecards over a period: the Excel workbook, the JSON, or both", setupScorecard},
		{"backup", "--out FILE", "write a consistent copy of the database (safe while the app is open)", setupBackup},
		{"restore", "FILE | --list", "put a backup back (the current data is saved first), or list the backups", setupRestore},
		{"migrate", migrateSynopsis, "copy a whole shop into a new, empty database (to move to a shared PostgreSQL server); prints each table's rows, counted on both sides", setupMigrate},
		{"check", "", "check the database's integrity (exit 1 with the problems listed)", setupCheck},
		{"version", "", "show the version, the data folder and the database's schema version (also --version)", setupVersion},
		{"help", "[COMMAND]", "show the commands, or one command's flags", setupHelp},
	}
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// call is one command being run: its positional arguments and the shop, opened on demand.
type call struct {
	env    Env
	cmd    command
	dbPath string
	args   []string
	shop   *app.App
}

// path is the database the command works on: --db, else the shared database chosen in the
// window's Settings, else the default file in the data folder.
func (c *call) path() (string, error) {
	if c.dbPath != "" {
		return c.dbPath, nil
	}
	return app.DefaultLocation()
}

// app opens the database the first time a command needs it.
func (c *call) app() (*app.App, error) {
	if c.shop != nil {
		return c.shop, nil
	}
	path, err := c.path()
	if err != nil {
		return nil, err
	}
	a, err := c.openShop(path)
	if err != nil {
		return nil, err
	}
	c.shop = a
	return a, nil
}

func (c *call) close() {
	if c.shop != nil {
		c.shop.Close()
	}
}

// usageError is a command used wrongly; the command's usage is printed with it.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// SplitGlobal takes the global --db flag off the front of args and returns the database path
// (the flag, else CLOCKWORK_DB, else "" for the default) and the rest: the command and its arguments.
func SplitGlobal(args []string, getenv func(string) string) (db string, rest []string, err error) {
	db = getenv("CLOCKWORK_DB")
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		if isVersionFlag(args[0]) {
			break // the "version" command in flag form
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		if name != "db" {
			return "", nil, usagef("unknown option %s before the command (only --db PATH goes there)", args[0])
		}
		if !hasValue {
			if len(args) < 2 {
				return "", nil, usagef("--db needs a database file path or a postgres:// URL")
			}
			value, args = args[1], args[1:]
		}
		db, args = value, args[1:]
	}
	return db, args, nil
}

// Run runs one command line (without the program name) and returns the exit code.
func Run(args []string, env Env) int {
	if env.Context == nil {
		env.Context = context.Background()
	}
	db, rest, err := SplitGlobal(args, env.Getenv)
	if err != nil || len(rest) == 0 {
		if err != nil {
			fmt.Fprintf(env.Stderr, "clockwork: %v\n", err)
		}
		printUsage(env.Stderr)
		return ExitUsage
	}
	if isVersionFlag(rest[0]) {
		rest[0] = "version"
	}
	cmd, ok := findCommand(rest[0])
	if !ok {
		fmt.Fprintf(env.Stderr, "clockwork: unknown command %q\n", rest[0])
		printUsage(env.Stderr)
		return ExitUsage
	}
	c := &call{env: env, cmd: cmd, dbPath: db}
	c.env.Stderr = passwordFilter{w: env.Stderr, loc: &c.dbPath}
	defer c.close()
	fs := flag.NewFlagSet("clockwork "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.dbPath, "db", db, "database file or postgres:// URL")
	run := cmd.setup(fs)
	if c.args, err = parseInterleaved(fs, rest[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommand(env.Stdout, cmd)
			return ExitOK
		}
		return c.exit(usageError{err.Error()})
	}
	return c.exit(run(c))
}

// parseInterleaved parses flags wherever they stand ("po send PO-000001 --at 2026-01-02"),
// returning the positional arguments in order. "--" ends the flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// exit maps an error to its exit code and prints it, one line per problem.
func (c *call) exit(err error) int {
	err = busyMessage(err)
	var ue usageError
	var ie *app.InputError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, reports.ErrNotInThisBinary) && c.env.Delegate != nil:
		c.close() // the full binary opens the shop itself
		c.shop = nil
		return c.env.Delegate()
	case errors.As(err, &ue):
		fmt.Fprintf(c.env.Stderr, "clockwork %s: %s\n", c.cmd.name, ue.msg)
		fmt.Fprintf(c.env.Stderr, "usage: clockwork %s %s\n", c.cmd.name, c.cmd.args)
		return ExitUsage
	case errors.As(err, &ie):
		for _, p := range ie.Problems {
			fmt.Fprintf(c.env.Stderr, "clockwork %s: %s\n", c.cmd.name, p)
		}
		if len(ie.Problems) > 1 {
			fmt.Fprintf(c.env.Stderr, "clockwork %s: %d problems; nothing was written\n", c.cmd.name, len(ie.Problems))
		}
		return ExitBadInput
	default:
		fmt.Fprintf(c.env.Stderr, "clockwork %s: %v\n", c.cmd.name, err)
		return ExitFailed
	}
}

// noArgs refuses positional arguments for commands that take none.
func (c *call) noArgs() error {
	if len(c.args) > 0 {
		return usagef("unexpected argument %q", c.args[0])
	}
	return nil
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: clockwork [--db PATH] <command> [flags]")
	fmt.Fprintln(w, "       clockwork --version")
	fmt.Fprintln(w, "       clockwork [--db PATH]    open the window")
	fmt.Fprintln(w, "\ncommands (clockwork help COMMAND or clockwork COMMAND -h shows its synopsis and flags):")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nThe database is --db PATH, else $CLOCKWORK_DB, else clockwork.db in the Clockwork config folder.")
	fmt.Fprintln(w, "A shared database is a URL instead of a path: --db postgres://USER@HOST:5432/DATABASE; a password")
	fmt.Fprintln(w, "given in it (postgres://USER:PASSWORD@HOST/DATABASE) is kept in your keyring, never shown.")
	fmt.Fprintln(w, "Exit codes: 0 done, 1 failed, 2 usage error, 3 bad input (nothing was written).")
}

func printCommand(w io.Writer, cmd command) {
	fmt.Fprintf(w, "usage: clockwork %s %s\n  %s\n\nflags:\n", cmd.name, cmd.args, cmd.summary)
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	cmd.setup(fs)
	fs.SetOutput(w)
	fs.PrintDefaults()
}

func setupHelp(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		if len(c.args) == 0 {
			printUsage(c.env.Stdout)
			return nil
		}
		cmd, ok := findCommand(c.args[0])
		if !ok {
			return usagef("unknown command %q", c.args[0])
		}
		printCommand(c.env.Stdout, cmd)
		return nil
	}
}
