package cli

import (
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"clockwork/app"
	"clockwork/data"
)

// action is one subcommand of a command group (`supplier add`, `order cancel`): the flags
// of the group it accepts and what it does with the arguments after its name.
type action struct {
	flags []string
	run   func(c *call, args []string) error
}

// runAction runs the action named by the first argument, refusing flags that belong to the
// group's other actions.
func runAction(c *call, fs *flag.FlagSet, group string, actions map[string]action) error {
	names := make([]string, 0, len(actions))
	for n := range actions {
		names = append(names, n)
	}
	sort.Strings(names)
	list := strings.Join(names, ", ")
	if len(c.args) == 0 {
		return usagef("say what to do: %s", list)
	}
	act, ok := actions[c.args[0]]
	if !ok {
		return usagef("unknown %s action %q: use %s", group, c.args[0], list)
	}
	allowed := map[string]bool{"db": true}
	for _, n := range act.flags {
		allowed[n] = true
	}
	var bad error
	fs.Visit(func(f *flag.Flag) {
		if !allowed[f.Name] && bad == nil {
			bad = usagef("--%s does not go with %s %s", f.Name, group, c.args[0])
		}
	})
	if bad != nil {
		return bad
	}
	return act.run(c, c.args[1:])
}

// oneArg is the single positional argument an action takes, named what for the message.
func oneArg(args []string, what string) (string, error) {
	if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
		return "", usagef("give one %s", what)
	}
	return args[0], nil
}

// setFlags is the set of flags given on the command line.
func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

// inputs collects bad flag values, so every one is reported before anything is written.
type inputs []app.Problem

func (in *inputs) add(field, format string, args ...any) {
	*in = append(*in, app.Problem{Field: field, Message: fmt.Sprintf(format, args...)})
}

// int reads a whole number given to --name into *dst.
func (in *inputs) int(name, value string, dst *int) {
	n, err := strconv.Atoi(strings.TrimSpace(value))
	if err != nil {
		in.add("--"+name, "%q is not a whole number", value)
		return
	}
	*dst = n
}

// money reads an amount like 12.50 given to --name into *dst.
func (in *inputs) money(name, value string, dst *data.Money) {
	m, err := data.ParseMoney(value)
	if err != nil {
		in.add("--"+name, "%q is not an amount like 12.50", value)
		return
	}
	*dst = m
}

// err is nil when every value was good, else an *app.InputError listing them.
func (in inputs) err() error {
	if len(in) == 0 {
		return nil
	}
	return &app.InputError{Problems: in}
}

// yesNo reads yes or no given to --name into *dst.
func (in *inputs) yesNo(name, value string, dst *bool) {
	switch strings.ToLower(strings.TrimSpace(value)) {
	case "yes", "true", "on":
		*dst = true
	case "no", "false", "off":
		*dst = false
	default:
		in.add("--"+name, "%q: say yes or no", value)
	}
}
