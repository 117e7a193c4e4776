package data

// ColumnMap remembers which column of a file holds each Clockwork field, for files of one
// shape: HeaderKey is the file's header (normalized), Kind what the file holds ("orders",
// "catalog"), Columns the map as field=column pairs (importfile.ColumnMap's text form).
type ColumnMap struct {
	Base
	Kind      string `gorm:"size:16;not null;uniqueIndex:idx_column_map_kind_header"`
	HeaderKey string `gorm:"not null;uniqueIndex:idx_column_map_kind_header"`
	Columns   string `gorm:"not null"`
}

// CurrencyRate is what one unit of a foreign currency is worth in the shop's currency, set
// by the owner: orders and price lists in that currency are converted with it at import.
type CurrencyRate struct {
	Base
	Currency string `gorm:"size:3;not null;uniqueIndex"`
	// Micros is the rate in millionths: 923400 means 1 USD = 0.9234 of the shop's currency.
	Micros int64 `gorm:"not null"`
}
