package app

import (
	"testing"

	"clockwork/data"
)

func TestDeriveOrderStatus(t *testing.T) {
	type states = map[data.LineState]int
	cases := []struct {
		name              string
		states            states
		shipped, returned int
		want              data.OrderStatus
	}{
		{"all unpurchased", states{data.LineUnpurchased: 2}, 0, 0, data.OrderNew},
		{"one line still to buy", states{data.LineUnpurchased: 1, data.LineOrdered: 2}, 0, 0, data.OrderNew},
		{"all on POs", states{data.LineOnDraftPO: 1, data.LineOrdered: 1}, 0, 0, data.OrderPurchasing},
		{"some received", states{data.LineReceived: 1, data.LineOrdered: 1}, 0, 0, data.OrderPurchasing},
		{"all received", states{data.LineReceived: 3}, 0, 0, data.OrderReady},
		{"cancelled lines don't hold it back", states{data.LineReceived: 1, data.LineCancelled: 1}, 0, 0, data.OrderReady},
		{"all shipped", states{data.LineShipped: 2}, 2, 0, data.OrderShipped},
		{"shipped, one unit returned", states{data.LineShipped: 2}, 3, 1, data.OrderPartiallyReturned},
		{"shipped, everything returned", states{data.LineShipped: 2}, 3, 3, data.OrderReturned},
		{"every line cancelled", states{data.LineCancelled: 2}, 0, 0, data.OrderCancelled},
		{"a cancelled line beside one to buy", states{data.LineCancelled: 1, data.LineUnpurchased: 1}, 0, 0, data.OrderNew},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := deriveOrderStatus(lineFacts{states: c.states, shipped: c.shipped, returned: c.returned})
			if got != c.want {
				t.Errorf("status %s, want %s", got, c.want)
			}
		})
	}
}

func TestNearestRank(t *testing.T) {
	cases := []struct {
		xs   []int
		p    int
		want int
	}{
		{[]int{5}, 90, 5},
		{[]int{3, 1, 2, 5, 4}, 90, 5},
		{[]int{3, 1, 2, 5, 4}, 50, 3},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90, 9},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90, 10},
	}
	for _, c := range cases {
		if got := nearestRank(c.xs, c.p); got != c.want {
			t.Errorf("p%d of %v = %d, want %d", c.p, c.xs, got, c.want)
		}
	}
}
