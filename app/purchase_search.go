package app

import "fmt"

// ExactLimit is the most ways to buy a plan's lines that the search compares one by one;
// beyond it a heuristic improves a greedy start.
const ExactLimit = 20000

// exactLimit is ExactLimit but in tests of the heuristic.
var exactLimit = ExactLimit

// maxPasses bounds the heuristic's rounds of moves; each round is linear in the plan.
const maxPasses = 8

// costEpsilon ignores differences of floating-point dust between equal plans.
const costEpsilon = 1e-6

// search chooses an offer for every item, the whole plan at once, and says how.
func (p *planner) search() string {
	var free []*planItem
	ways := 1
	for _, it := range p.items {
		if len(it.cands) > 1 {
			free = append(free, it)
			if ways <= exactLimit {
				ways *= len(it.cands)
			}
		}
	}
	p.greedy()
	switch {
	case len(p.items) == 0:
		return ""
	case len(free) == 0:
		return "Each line had one offer to choose under the policy."
	case ways <= exactLimit:
		p.exact(free)
		return fmt.Sprintf("Compared all %d ways to buy the %d lines with a choice; this one costs least landed.", ways, linesOf(free))
	}
	moves := p.improve(free)
	return fmt.Sprintf("%d lines with a choice: began with the cheapest landed offer for each, then moved lines and whole orders "+
		"between suppliers while that lowered the landed cost (%d moves).", linesOf(free), moves)
}

func linesOf(items []*planItem) int {
	n := 0
	for _, it := range items {
		n += len(it.lines)
	}
	return n
}

// greedy places each item, in order, on the offer that adds least to the plan so far.
func (p *planner) greedy() {
	for _, it := range p.items {
		it.pick = p.bestPick(it, -1)
		p.cost.place(it.offer(), it.units, 1)
	}
}

// bestPick is the candidate that adds least to the plan, the item being off it, skipping the
// supplier avoid (-1: none); -1 when there is none.
func (p *planner) bestPick(it *planItem, avoid int) int {
	best, bestCost := -1, 0.0
	for k, o := range it.cands {
		if p.cost.offers[o].supplier == avoid {
			continue
		}
		before := p.cost.weighted
		p.cost.place(o, it.units, 1)
		c := p.cost.weighted - before
		p.cost.place(o, it.units, -1)
		if best < 0 || c < bestCost-costEpsilon {
			best, bestCost = k, c
		}
	}
	return best
}

// exact tries every combination of the free items' candidates and keeps the cheapest; the
// first found wins ties, so the policy's order of candidates breaks them.
func (p *planner) exact(free []*planItem) {
	for _, it := range free {
		p.cost.place(it.offer(), it.units, -1)
	}
	bestPicks := make([]int, len(free))
	best := -1.0
	var walk func(k int)
	walk = func(k int) {
		if k == len(free) {
			if best < 0 || p.cost.weighted < best-costEpsilon {
				best = p.cost.weighted
				for i, it := range free {
					bestPicks[i] = it.pick
				}
			}
			return
		}
		it := free[k]
		for c := range it.cands {
			it.pick = c
			p.cost.place(it.offer(), it.units, 1)
			walk(k + 1)
			p.cost.place(it.offer(), it.units, -1)
		}
	}
	walk(0)
	for i, it := range free {
		it.pick = bestPicks[i]
		p.cost.place(it.offer(), it.units, 1)
	}
}

// improve moves single items, then every item of one supplier at once (which saves its
// order fee or fills another's threshold), while the plan gets cheaper; it returns the moves.
func (p *planner) improve(free []*planItem) int {
	moves := 0
	for pass := 0; pass < maxPasses; pass++ {
		n := p.moveItems(free) + p.emptySuppliers(free) + p.gatherOnto(free)
		moves += n
		if n == 0 {
			break
		}
	}
	return moves
}

func (p *planner) moveItems(free []*planItem) int {
	moves := 0
	for _, it := range free {
		p.cost.place(it.offer(), it.units, -1)
		before := p.cost.weighted
		p.cost.place(it.offer(), it.units, 1)
		stay := p.cost.weighted - before
		p.cost.place(it.offer(), it.units, -1)
		k := p.bestPick(it, -1)
		p.cost.place(it.cands[k], it.units, 1)
		moved := p.cost.weighted - before
		if k != it.pick && moved < stay-costEpsilon {
			it.pick = k
			moves++
			continue
		}
		p.cost.place(it.cands[k], it.units, -1)
		p.cost.place(it.offer(), it.units, 1)
	}
	return moves
}

// emptySuppliers tries, for each supplier in the plan, moving all its movable items to their
// next best suppliers; it keeps the move when the plan gets cheaper.
func (p *planner) emptySuppliers(free []*planItem) int {
	on := map[int][]*planItem{}
	var order []int
	for _, it := range p.items {
		s := p.cost.offers[it.offer()].supplier
		if _, ok := on[s]; !ok {
			order = append(order, s)
		}
		on[s] = append(on[s], it)
	}
	moves := 0
	for _, s := range order {
		if p.tryEmpty(s, on[s]) {
			moves++
		}
	}
	return moves
}

func (p *planner) tryEmpty(s int, items []*planItem) bool {
	for _, it := range items {
		if len(it.cands) < 2 || p.cost.offers[it.offer()].supplier != s {
			return false
		}
	}
	before := p.cost.weighted
	was := make([]int, len(items))
	for i, it := range items {
		was[i] = it.pick
		p.cost.place(it.offer(), it.units, -1)
		k := p.bestPick(it, s)
		if k < 0 {
			p.cost.place(it.offer(), it.units, 1)
			p.undo(items[:i], was)
			return false
		}
		it.pick = k
		p.cost.place(it.offer(), it.units, 1)
	}
	if p.cost.weighted < before-costEpsilon {
		return true
	}
	p.undo(items, was)
	return false
}

func (p *planner) undo(items []*planItem, was []int) {
	for i, it := range items {
		p.cost.place(it.offer(), it.units, -1)
		it.pick = was[i]
		p.cost.place(it.offer(), it.units, 1)
	}
}

// gatherOnto tries, for each supplier, moving onto it every item it could take: one order
// fee instead of several, or goods enough for its free shipping; it keeps what is cheaper.
func (p *planner) gatherOnto(free []*planItem) int {
	type move struct {
		it   *planItem
		pick int
	}
	onto := map[int][]move{}
	var order []int
	for _, it := range free {
		for k, o := range it.cands {
			s := p.cost.offers[o].supplier
			if _, ok := onto[s]; !ok {
				order = append(order, s)
			}
			onto[s] = append(onto[s], move{it, k})
		}
	}
	moves := 0
	for _, s := range order {
		before := p.cost.weighted
		var items []*planItem
		var was []int
		for _, m := range onto[s] {
			if m.it.pick == m.pick || p.cost.offers[m.it.offer()].supplier == s {
				continue
			}
			items, was = append(items, m.it), append(was, m.it.pick)
			p.cost.place(m.it.offer(), m.it.units, -1)
			m.it.pick = m.pick
			p.cost.place(m.it.offer(), m.it.units, 1)
		}
		if len(items) == 0 {
			continue
		}
		if p.cost.weighted < before-costEpsilon {
			moves++
			continue
		}
		p.undo(items, was)
	}
	return moves
}
