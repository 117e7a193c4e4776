package app

import (
	"fmt"

	"clockwork/data"
)

// explain says for every item why its supplier was chosen, against the runner-up: the other
// buyable offer with the lowest landed cost, the rest of the plan as it stands. It lists the
// lines no offer brings by their ship-by day in plan.Late.
func (p *planner) explain(plan *Plan) {
	for _, it := range p.items {
		chosen := it.offer()
		p.cost.place(chosen, it.units, -1)
		c := Choice{Cost: p.cost.marginal(chosen, it.units)}
		runner := -1
		var runnerCost data.Money
		for _, o := range it.buyable {
			if o == chosen {
				continue
			}
			if m := p.cost.marginal(o, it.units); runner < 0 || m < runnerCost {
				runner, runnerCost = o, m
			}
		}
		p.cost.place(chosen, it.units, 1)
		if runner >= 0 {
			c.RunnerUp = p.cost.offers[runner].offer.SupplierName
			c.RunnerUpCost = runnerCost
		}
		c.Reason, c.Detail = p.reason(it, chosen, runner, c)
		it.why = c
		if it.late {
			p.noteLate(plan, it)
		}
	}
}

// reason puts the choice in a word and a sentence.
func (p *planner) reason(it *planItem, chosen, runner int, c Choice) (ChoiceReason, string) {
	name := p.cost.offers[chosen].offer.SupplierName
	switch {
	case runner < 0:
		return ReasonOnlyOffer, fmt.Sprintf("%s is the only supplier the shop may buy this from", name)
	case it.late:
		return ReasonNoneInTime, fmt.Sprintf("no offer arrives by ship-by %s; chosen by the %s policy: %s landed at %s, %s at %s",
			it.lines[0].ShipBy, p.policy, c.Cost, name, c.RunnerUpCost, c.RunnerUp)
	case c.RunnerUpCost >= c.Cost:
		return ReasonCheaperLanded, fmt.Sprintf("%s landed at %s; %s at %s", c.Cost, name, c.RunnerUpCost, c.RunnerUp)
	case !contains(it.cands, runner) && !p.inTime(it, runner):
		return ReasonOnlyInTime, fmt.Sprintf("%s is %s cheaper but arrives %s, after ship-by %s", c.RunnerUp,
			c.Cost-c.RunnerUpCost, p.arrival[runner], it.lines[0].ShipBy)
	case p.policy == PolicyPreferred:
		return ReasonPreferred, fmt.Sprintf("%s is the owner's first choice; %s would cost %s", name, c.RunnerUp, c.RunnerUpCost)
	case p.policy == PolicyFastest:
		return ReasonFaster, fmt.Sprintf("arrives %s; %s (%s) arrives %s", p.arrival[chosen], c.RunnerUp, c.RunnerUpCost, p.arrival[runner])
	case p.policy == PolicyBalanced:
		return ReasonBalanced, fmt.Sprintf("%s is %s cheaper but slower or lower on its scorecard", c.RunnerUp, c.Cost-c.RunnerUpCost)
	}
	return ReasonCheaperLanded, fmt.Sprintf("cheaper for the plan as a whole than %s at %s", c.RunnerUp, c.RunnerUpCost)
}

// inTime says whether an offer arrives by the ship-by day of every line of the item.
func (p *planner) inTime(it *planItem, o int) bool {
	for _, l := range it.lines {
		if l.ShipBy != "" && p.arrival[o] > l.ShipBy {
			return false
		}
	}
	return true
}

// noteLate lists an item's lines as late whatever is chosen, naming the earliest arrival.
func (p *planner) noteLate(plan *Plan, it *planItem) {
	first := it.buyable[0]
	for _, o := range it.buyable[1:] {
		if p.arrival[o] < p.arrival[first] {
			first = o
		}
	}
	chosen := p.cost.offers[it.offer()].offer
	earliest := p.cost.offers[first].offer.SupplierName
	for _, l := range it.lines {
		detail := fmt.Sprintf("will ship late: ship-by %s, and the earliest offer, %s's, arrives %s", l.ShipBy, earliest, p.arrival[first])
		if it.offer() != first {
			detail += fmt.Sprintf("; bought from %s (%s policy), arriving %s", chosen.SupplierName, p.policy, p.arrival[it.offer()])
		}
		plan.Late = append(plan.Late, exceptionOf(l, ExceptionLate, detail))
	}
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
