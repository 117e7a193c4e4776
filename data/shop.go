package data

// Paper sizes documents can be printed on.
const (
	PaperA4     = "a4"
	PaperLetter = "letter"
	Paper4x6    = "4x6"
)

// Papers lists the paper sizes in the order they are offered.
var Papers = []string{PaperA4, PaperLetter, Paper4x6}

// Shop is the one row of the shop's own details, branding and settings.
type Shop struct {
	Base
	Name               string
	Address            string // several lines
	Email              string
	Phone              string
	Website            string
	Logo               []byte // 8-bit non-interlaced PNG, already checked and scaled
	AccentColor        string `gorm:"size:7"` // #RRGGBB
	ThankYouTemplate   string // {first_name}, {order_number}, {shop_name}
	ReturnInstructions string
	ReturnWindowDays   int
	Paper              string `gorm:"size:8"`
	Currency           string `gorm:"size:3"`
	HandlingDays       int
	TimeZone           string       // IANA name; "" means the machine's
	PurchasePolicy     string       `gorm:"size:16"` // preferred, cheapest, fastest, balanced
	Weights            ScoreWeights `gorm:"embedded;embeddedPrefix:weight_"`
	Mail               MailSettings `gorm:"embedded;embeddedPrefix:mail_"`
}

// MailSettings are how the shop sends e-mail over SMTP and what its messages say. The
// password is never stored here: it lives in the system's keyring (or a private file).
type MailSettings struct {
	Host     string
	Port     int
	Security string `gorm:"size:8"` // starttls, tls or none
	User     string
	// POSubject and POBody are the templates of a purchase order's e-mail; empty uses the
	// built-in ones.
	POSubject, POBody string
	// ShipNotify e-mails the customer a shipping confirmation when an order is marked
	// shipped; ShipSubject and ShipBody are its templates (empty: the built-in ones).
	ShipNotify            bool
	ShipSubject, ShipBody string
}

// ScoreWeights are the scorecard criteria weights; they sum to 100.
type ScoreWeights struct {
	OTIF           int
	Fill           int
	LeadTime       int
	Quality        int
	Price          int
	Responsiveness int
}

// DefaultWeights are the weights of DESIGN section 6.
var DefaultWeights = ScoreWeights{OTIF: 35, Fill: 15, LeadTime: 15, Quality: 20, Price: 10, Responsiveness: 5}

// Sum adds the weights up.
func (w ScoreWeights) Sum() int {
	return w.OTIF + w.Fill + w.LeadTime + w.Quality + w.Price + w.Responsiveness
}

// NewShop is the shop a fresh database starts with.
func NewShop() Shop {
	return Shop{
		Name:               "My shop",
		AccentColor:        "#2F6F62",
		ThankYouTemplate:   "Thank you for your order {order_number}, {first_name}! Every parcel from {shop_name} is packed by hand.",
		ReturnInstructions: "Not quite right? Send it back within 30 days with this slip and we will refund or replace it.",
		ReturnWindowDays:   30,
		Paper:              PaperA4,
		Currency:           "EUR",
		HandlingDays:       1,
		PurchasePolicy:     "preferred",
		Weights:            DefaultWeights,
	}
}
