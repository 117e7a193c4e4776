package cli

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"clockwork/app"
	"clockwork/data"
)

// weightFields maps each scorecard criterion, named as in `shop --json`, to its weight.
func weightFields(w *data.ScoreWeights) map[string]*int {
	return map[string]*int{"otif": &w.OTIF, "fill": &w.Fill, "lead_time": &w.LeadTime, "quality": &w.Quality,
		"price": &w.Price, "responsiveness": &w.Responsiveness}
}

// weightHelp is the --weight flag's help, naming the criteria.
func weightHelp() string {
	names := keys(weightFields(&data.ScoreWeights{}))
	sort.Strings(names)
	return "a scorecard weight NAME=N, repeatable; the six must add up to 100; NAME is one of " + strings.Join(names, ", ")
}

// applyWeights sets the weights given as NAME=N; the others keep theirs.
func applyWeights(specs []string, w *data.ScoreWeights) []app.Problem {
	var problems []app.Problem
	fields := weightFields(w)
	for _, spec := range specs {
		name, value, _ := strings.Cut(spec, "=")
		dst, ok := fields[strings.ToLower(strings.TrimSpace(name))]
		n, err := strconv.Atoi(strings.TrimSpace(value))
		switch {
		case !ok:
			problems = append(problems, app.Problem{Field: "--weight", Message: fmt.Sprintf("%q is not a criterion; %s", name, weightHelp())})
		case err != nil:
			problems = append(problems, app.Problem{Field: "--weight", Message: fmt.Sprintf("%q: write NAME=N with N a whole number, e.g. otif=40", spec)})
		default:
			*dst = n
		}
	}
	return problems
}
