package views

// purchaseNow opens the "Purchase now" preview; creating the drafts shows the first of
// them on the Purchase orders screen.
func (s *shell) purchaseNow() {
	s.lastPreview = startPurchase(s.app, s.win, s.bg, s, s.openPO)
}

// showLatePOs opens the Purchase orders screen on the late ones.
func (s *shell) showLatePOs() {
	s.navigate(screenPOs)
	for _, sc := range s.screens {
		if p, ok := sc.view.(*purchaseOrders); ok {
			p.status.SetSelected(latePOs)
		}
	}
}

// findOrder opens the Orders screen searching for one order (to map its unknown SKU).
func (s *shell) findOrder(number string) {
	s.navigate(screenOrders)
	for _, sc := range s.screens {
		if o, ok := sc.view.(*orders); ok {
			o.search.SetText(number)
		}
	}
}

// findProduct opens the Catalog searching for one product (to add or renew its offers).
func (s *shell) findProduct(sku string) {
	s.navigate(screenCatalog)
	for _, sc := range s.screens {
		if c, ok := sc.view.(*catalog); ok {
			c.search.SetText(sku)
		}
	}
}

// showOrders opens the Orders screen on one of its filters ("Unknown SKU", "At risk").
func (s *shell) showOrders(filter string) {
	s.navigate(screenOrders)
	for _, sc := range s.screens {
		if o, ok := sc.view.(*orders); ok {
			o.search.SetText("")
			o.filter.SetSelected(filter)
		}
	}
}
