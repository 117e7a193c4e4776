package reports

import "time"

// ReturnsWorkbook is the content of the returns insights workbook: what a period's returns
// teach, by reason, product and supplier, with the customers' comments.
type ReturnsWorkbook struct {
	Shop      string
	Period    string // as the owner reads it
	Generated time.Time
	Returns   int
	Units     int
	Shipped   int
	Reasons   []ReturnsRow
	Products  []ReturnsRow
	Suppliers []ReturnsRow
	Trial     ReturnsRow
	Rest      ReturnsRow
	Comments  []ReturnComment
}

// ReturnsRow is one reason, product or supplier: units returned, of them through the
// supplier's fault, units shipped in the period, the commonest reason and latest comments.
type ReturnsRow struct {
	Name          string
	Title         string // product title, or for a reason who it blames
	Units         int
	SupplierFault int
	Shipped       int
	TopReason     string
	Comments      string
}

// ReturnComment is a customer's words on one return.
type ReturnComment struct {
	RMA      string
	Day      time.Time
	SKU      string
	Supplier string
	Reason   string
	Fault    string
	Text     string
}

// Sheet names of the returns workbook.
const (
	SheetReturnSummary = "Summary"
	SheetReasons       = "Reasons"
	SheetProducts      = "Products"
	SheetSuppliers     = "Suppliers"
	SheetComments      = "Comments"
)
