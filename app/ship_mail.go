package app

import (
	"fmt"
	netmail "net/mail"
	"net/url"
	"strings"

	"clockwork/app/mail"
	"clockwork/data"
	"clockwork/reports"

	"gorm.io/gorm"
)

// trackingPages are carriers' tracking pages, the number put where %s is.
var trackingPages = map[string]string{
	"dhl":            "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=%s",
	"deutsche post":  "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=%s",
	"ups":            "https://www.ups.com/track?tracknum=%s",
	"fedex":          "https://www.fedex.com/fedextrack/?trknbr=%s",
	"usps":           "https://tools.usps.com/go/TrackConfirmAction?tLabels=%s",
	"royal mail":     "https://www.royalmail.com/track-your-item#/tracking-results/%s",
	"dpd":            "https://tracking.dpd.de/status/en_US/parcel/%s",
	"gls":            "https://gls-group.com/track/%s",
	"hermes":         "https://www.evri.com/track/parcel/%s",
	"evri":           "https://www.evri.com/track/parcel/%s",
	"postnl":         "https://postnl.nl/tracktrace/?B=%s",
	"canada post":    "https://www.canadapost-postescanada.ca/track-reperez/en#/details/%s",
	"australia post": "https://auspost.com.au/mypost/track/#/details/%s",
	"la poste":       "https://www.laposte.fr/outils/track-a-parcel?code=%s",
	"colissimo":      "https://www.laposte.fr/outils/track-a-parcel?code=%s",
	"poczta polska":  "https://emonitoring.poczta-polska.pl/?numer=%s",
	"inpost":         "https://inpost.pl/sledzenie-przesylek?number=%s",
}

// TrackingLink is the carrier's tracking page for a parcel, or "" for a carrier Clockwork
// does not know (the e-mail then gives the number alone).
func TrackingLink(carrier, number string) string {
	key := strings.ToLower(strings.TrimSpace(carrier))
	number = strings.TrimSpace(number)
	for name, page := range trackingPages {
		if number != "" && (key == name || strings.HasPrefix(key, name+" ")) {
			return fmt.Sprintf(page, url.QueryEscape(number))
		}
	}
	return ""
}

// notifyShipped e-mails each parcel's customer a shipping confirmation when the shop asked
// for it in Settings, and notes on the shipment (the order's journey) what became of it.
// Shipping never waits on the mail: it is done when this runs.
func (a *App) notifyShipped(parcels []ShipInput) {
	shop, err := a.Shop()
	if err != nil || !shop.Mail.ShipNotify {
		return
	}
	server, err := a.mailServer(shop.Mail)
	for _, p := range parcels {
		note := ""
		if err != nil {
			note = "shipping confirmation not sent: " + err.Error()
		} else {
			note = a.sendShipMail(server, shop, p)
		}
		_ = a.write(func(tx *gorm.DB) error {
			return tx.Model(&data.Shipment{}).Where("order_id = ?", p.OrderID).Update("customer_mail", note).Error
		})
	}
}

// sendShipMail sends one confirmation and says what became of it.
func (a *App) sendShipMail(server mail.Server, shop data.Shop, p ShipInput) string {
	var o data.Order
	if err := a.db.Preload("Lines", "state = ?", data.LineShipped).First(&o, p.OrderID).Error; err != nil {
		return "shipping confirmation not sent: " + err.Error()
	}
	to := strings.TrimSpace(o.Email)
	if to == "" {
		return "no shipping confirmation: the order has no e-mail address"
	}
	if p.At.IsZero() {
		p.At = a.Now()
	}
	msg, err := shipMessage(shop, o, p)
	if err == nil {
		err = mail.Send(server, msg)
	}
	if err != nil {
		return "shipping confirmation not sent: " + err.Error()
	}
	return fmt.Sprintf("shipping confirmation e-mailed to %s (Message-ID <%s>)", to, msg.ID)
}

// shipMessage is the shipping confirmation from the shop's template.
func shipMessage(shop data.Shop, o data.Order, p ShipInput) (mail.Message, error) {
	if err := mail.CheckAddress(shop.Email); err != nil {
		return mail.Message{}, fmt.Errorf("the shop's e-mail address is the sender: enter it in Settings (%v)", err)
	}
	var items []string
	for _, l := range o.Lines {
		items = append(items, fmt.Sprintf("  %d × %s", l.Qty, firstNonEmpty(l.Title, l.SKU)))
	}
	name := firstNonEmpty(o.ShipTo.Name, o.CustomerName)
	link := TrackingLink(p.Carrier, p.Tracking)
	if link == "" {
		link = p.Carrier + "'s website, with the tracking number below"
	}
	values := map[string]string{"first_name": firstNonEmpty(reports.FirstName(firstNonEmpty(o.CustomerName, name)), "there"),
		"name": name, "order_number": o.Number, "items": strings.Join(items, "\n"), "carrier": strings.TrimSpace(p.Carrier),
		"tracking": strings.TrimSpace(p.Tracking), "tracking_link": link, "shop_name": shop.Name, "shop_website": shop.Website, "shop_email": shop.Email}
	m := withMailDefaults(shop.Mail)
	from := netmail.Address{Name: shop.Name, Address: shop.Email}
	return mail.Message{From: from, ReplyTo: from, To: netmail.Address{Name: name, Address: strings.TrimSpace(o.Email)},
		Subject: fill(m.ShipSubject, values), Body: fill(m.ShipBody, values), ID: mail.NewID(shop.Email), Date: p.At}, nil
}
