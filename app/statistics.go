package app

import "clockwork/data"

// statisticsTables are the tables a long transaction (the demo's year) keeps filling.
var statisticsTables = []string{"customers", "orders", "order_lines", "purchase_orders", "po_lines", "receipts", "receipt_lines", "returns", "return_lines", "shipments"}

// RefreshStatistics brings the query planner's picture of the shop's busiest tables up to
// date, inside the transaction in progress when there is one (data.Engine.Analyze). The
// demo's year is one transaction: on PostgreSQL the planner would otherwise take the tables
// for empty all year and scan them whole for every order it flags at risk. On SQLite it does
// nothing.
func (a *App) RefreshStatistics() error {
	return data.EngineOf(a.db).Analyze(a.db, statisticsTables...)
}
