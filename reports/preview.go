package reports

// SampleSlip is an example order for the "Preview slip" button in Settings, so the owner
// sees their logo, colour, note and return instructions on a realistic slip. date is
// today's date as the shop writes it; money formats cents in the shop's currency (nil
// prints plain amounts).
func SampleSlip(date string, money func(cents int64) string) PackingSlip {
	if money == nil {
		money = plainMoney
	}
	return PackingSlip{
		OrderNumber: "#1001",
		OrderDate:   date,
		ShipTo: Address{
			Name: "Zoë Łódź", Address1: "ul. Piotrkowska 104", Address2: "m. 7",
			City: "Łódź", Zip: "90-006", Country: "Poland", Phone: "+48 600 123 456",
		},
		Lines: []SlipLine{
			{SKU: "SAMPLE-1", Title: "A product with a longer name that wraps onto a second line on the slip", Qty: 1, UnitPrice: money(3900), Total: money(3900)},
			{SKU: "SAMPLE-2", Title: "Another product", Qty: 2, UnitPrice: money(1250), Total: money(2500)},
		},
		Subtotal:     money(6400),
		Shipping:     money(490),
		Total:        money(6890),
		CustomerNote: "Please leave the parcel with the neighbour if I'm out.",
	}
}
