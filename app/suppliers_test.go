package app_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

// problemFields lists the fields an *app.InputError names; it fails the test for other errors.
func problemFields(t *testing.T, err error) []string {
	t.Helper()
	var ie *app.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("want an *app.InputError, got %v", err)
	}
	var out []string
	for _, p := range ie.Problems {
		out = append(out, p.Field)
	}
	return out
}

func mustSupplier(t *testing.T, a *app.App, s data.Supplier) data.Supplier {
	t.Helper()
	if err := a.SaveSupplier(&s); err != nil {
		t.Fatalf("save supplier %s: %v", s.Name, err)
	}
	return s
}

func TestSaveSupplierRefusesBadInput(t *testing.T) {
	a, _ := apptest.NewApp(t)
	mustSupplier(t, a, data.Supplier{Name: "Atlas Trading"})
	cases := []struct {
		name  string
		s     data.Supplier
		field string
	}{
		{"no name", data.Supplier{Name: "  "}, "name"},
		{"same name in other case", data.Supplier{Name: "atlas trading"}, "name"},
		{"unknown status", data.Supplier{Name: "B", Status: "friendly"}, "status"},
		{"e-mail without @", data.Supplier{Name: "B", Email: "orders.b.com"}, "email"},
		{"negative lead days", data.Supplier{Name: "B", QuotedLeadDays: -1}, "quoted lead days"},
		{"fill over 100", data.Supplier{Name: "B", PromisedFillPct: 101}, "promised fill %"},
		{"cut-off not a time", data.Supplier{Name: "B", OrderCutoff: "25:00"}, "order cut-off"},
		{"vetting answer not yes/no", data.Supplier{Name: "B", Vetting: data.Vetting{Reachable: "maybe"}}, "vetting"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := problemFields(t, a.SaveSupplier(&c.s))
			if len(got) != 1 || got[0] != c.field {
				t.Errorf("problems name %v, want [%s]", got, c.field)
			}
		})
	}
	n, err := a.CountSuppliers(app.SupplierQuery{})
	if err != nil || n != 1 {
		t.Errorf("suppliers after refusals = %d (%v), want 1", n, err)
	}
}

func TestSaveSupplierDefaultsToProspectAndKeepsEdits(t *testing.T) {
	a, _ := apptest.NewApp(t)
	s := mustSupplier(t, a, data.Supplier{Name: " Heron Imports ", Email: "sales@heron.example", OrderCutoff: "14:00"})
	if s.Status != data.SupplierProspect || s.Name != "Heron Imports" {
		t.Fatalf("new supplier: status %q name %q, want prospect and trimmed name", s.Status, s.Name)
	}
	s.Vetting.Reachable, s.Vetting.ReachableNote = data.AnswerYes, "Phone and e-mail both answered"
	s.Vetting.FacilitiesSeen = data.AnswerNo
	s.Status = data.SupplierVetted
	mustSupplier(t, a, s)
	got, err := a.Supplier(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Vetting.Yes() != 1 || got.Vetting.ReachableNote != "Phone and e-mail both answered" || got.Vetting.FacilitiesSeen != data.AnswerNo {
		t.Errorf("vetting after save = %+v", got.Vetting)
	}
	log, err := a.SupplierEvents(s.ID, 0, 10)
	if err != nil || len(log) != 1 || log[0].Text != "Status changed from prospect to vetted." {
		t.Errorf("log after status change = %+v (%v)", log, err)
	}
}

func TestSetSupplierStatus(t *testing.T) {
	a, _ := apptest.NewApp(t)
	s := mustSupplier(t, a, data.Supplier{Name: "Flint Direct", Status: data.SupplierActive})
	if err := a.SetSupplierStatus(s.ID, "gone"); err == nil {
		t.Error("unknown status accepted")
	}
	if err := a.SetSupplierStatus(s.ID, data.SupplierBlocked); err != nil {
		t.Fatal(err)
	}
	got, _ := a.Supplier(s.ID)
	if got.Status != data.SupplierBlocked {
		t.Errorf("status = %s, want blocked", got.Status)
	}
	if err := a.SetSupplierStatus(9999, data.SupplierActive); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("missing supplier: %v, want ErrNotFound", err)
	}
}

func TestDeleteSupplier(t *testing.T) {
	a, _ := apptest.NewApp(t)
	free := mustSupplier(t, a, data.Supplier{Name: "Free Ltd"})
	used := mustSupplier(t, a, data.Supplier{Name: "Used Ltd"})
	p := mustProduct(t, a, "MUG-1", 1200)
	mustOffer(t, a, data.Offer{ProductID: p.ID, SupplierID: free.ID, UnitCost: 500, PackSize: 1, MinQty: 1})
	addEvent(t, a, free.ID, data.EventCall, "Asked about prices")
	db := a.DBForTest()
	if err := db.Create(&data.PurchaseOrder{Number: "PO-000001", SupplierID: used.ID, Status: data.PODraft}).Error; err != nil {
		t.Fatal(err)
	}

	err := a.DeleteSupplier(used.ID)
	var inUse *app.InUseError
	if !errors.As(err, &inUse) || !strings.Contains(err.Error(), "1 purchase order") || !strings.Contains(err.Error(), "Block") {
		t.Fatalf("deleting a supplier on a PO: %v, want a refusal that suggests blocking", err)
	}
	if _, err := a.Supplier(used.ID); err != nil {
		t.Errorf("refused supplier is gone: %v", err)
	}
	if err := a.DeleteSupplier(free.ID); err != nil {
		t.Fatalf("delete a supplier without POs: %v", err)
	}
	var left int64
	db.Model(&data.Offer{}).Where("supplier_id = ?", free.ID).Count(&left)
	if left != 0 {
		t.Errorf("%d offers of the deleted supplier remain", left)
	}
	if err := a.DeleteSupplier(free.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
}

func TestSupplierListSortsSearchesFiltersAndPages(t *testing.T) {
	a, clock := apptest.NewApp(t)
	yes := data.AnswerYes
	alpine := mustSupplier(t, a, data.Supplier{Name: "Alpine GmbH", Status: data.SupplierActive, QuotedLeadDays: 5,
		Vetting: data.Vetting{Reachable: yes, ShipsReliably: yes, Transparent: yes, SLASigned: yes, WebsiteReviewed: yes, PricingReviewed: yes}})
	birch := mustSupplier(t, a, data.Supplier{Name: "birchwood Direct", Status: data.SupplierProspect, QuotedLeadDays: 2,
		Email: "hello@birch.example", Vetting: data.Vetting{Reachable: yes, FacilitiesSeen: data.AnswerNo}})
	mustSupplier(t, a, data.Supplier{Name: "Copperleaf Ltd", Status: data.SupplierBlocked, QuotedLeadDays: 9})
	p1, p2 := mustProduct(t, a, "A-1", 1000), mustProduct(t, a, "A-2", 1000)
	mustOffer(t, a, data.Offer{ProductID: p1.ID, SupplierID: birch.ID, UnitCost: 400, PackSize: 1, MinQty: 1})
	mustOffer(t, a, data.Offer{ProductID: p2.ID, SupplierID: birch.ID, UnitCost: 400, PackSize: 1, MinQty: 1})
	mustOffer(t, a, data.Offer{ProductID: p1.ID, SupplierID: alpine.ID, UnitCost: 450, PackSize: 1, MinQty: 1})
	addEvent(t, a, alpine.ID, data.EventCall, "Agreed on a cut-off")
	clock.Advance(time.Hour)
	addEvent(t, a, birch.ID, data.EventNote, "Internal note: does not count as contact")

	names := func(q app.SupplierQuery) string {
		t.Helper()
		rows, err := a.Suppliers(q)
		if err != nil {
			t.Fatal(err)
		}
		var s []string
		for _, r := range rows {
			s = append(s, r.Name)
		}
		return strings.Join(s, ", ")
	}
	cases := []struct {
		name string
		q    app.SupplierQuery
		want string
	}{
		{"by name ignoring case", app.SupplierQuery{}, "Alpine GmbH, birchwood Direct, Copperleaf Ltd"},
		{"by lead days, longest first", app.SupplierQuery{ListQuery: app.ListQuery{Sort: "lead", Desc: true}}, "Copperleaf Ltd, Alpine GmbH, birchwood Direct"},
		{"by offers", app.SupplierQuery{ListQuery: app.ListQuery{Sort: "offers", Desc: true}}, "birchwood Direct, Alpine GmbH, Copperleaf Ltd"},
		{"by vetting", app.SupplierQuery{ListQuery: app.ListQuery{Sort: "vetting"}}, "Copperleaf Ltd, birchwood Direct, Alpine GmbH"},
		{"by status in workflow order", app.SupplierQuery{ListQuery: app.ListQuery{Sort: "status"}}, "birchwood Direct, Alpine GmbH, Copperleaf Ltd"},
		{"by last contact, newest first", app.SupplierQuery{ListQuery: app.ListQuery{Sort: "last_contact", Desc: true}}, "Alpine GmbH, Copperleaf Ltd, birchwood Direct"},
		{"search matches e-mail", app.SupplierQuery{ListQuery: app.ListQuery{Search: "BIRCH.EX"}}, "birchwood Direct"},
		{"search treats % literally", app.SupplierQuery{ListQuery: app.ListQuery{Search: "%"}}, ""},
		{"status filter", app.SupplierQuery{Status: data.SupplierBlocked}, "Copperleaf Ltd"},
		{"second page", app.SupplierQuery{ListQuery: app.ListQuery{Offset: 1, Limit: 1}}, "birchwood Direct"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := names(c.q); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	rows, _ := a.Suppliers(app.SupplierQuery{})
	if r := rows[0]; r.VettingYes != 6 || r.Offers != 1 || r.LastContact == nil || !r.LastContact.Equal(apptest.Now) {
		t.Errorf("Alpine row = %+v, want 6/8 yes, 1 offer, contact at %v", r, apptest.Now)
	}
	if r := rows[1]; r.VettingYes != 1 || r.Offers != 2 || r.LastContact != nil {
		t.Errorf("Birchwood row = %+v, want 1 yes, 2 offers, no contact (a note is not contact)", r)
	}
	if _, err := a.Suppliers(app.SupplierQuery{Status: "unknown"}); err == nil {
		t.Error("an unknown status filter was accepted")
	}
	if n, _ := a.CountSuppliers(app.SupplierQuery{ListQuery: app.ListQuery{Search: "ltd"}}); n != 1 {
		t.Errorf("count matching ltd = %d, want 1", n)
	}
}

func TestSupplierEventsRules(t *testing.T) {
	a, _ := apptest.NewApp(t)
	s := mustSupplier(t, a, data.Supplier{Name: "Heron Imports"})
	cases := []struct {
		name  string
		in    app.EventInput
		field string
	}{
		{"no text", app.EventInput{Kind: data.EventCall, Text: "  "}, "text"},
		{"PO events come from POs", app.EventInput{Kind: data.EventPOSent, Text: "sent"}, "kind"},
		{"impossible day", app.EventInput{Kind: data.EventNote, Day: "2026-02-30", Text: "x"}, "date"},
		{"future day", app.EventInput{Kind: data.EventNote, Day: "2026-03-13", Text: "x"}, "date"},
		{"future moment", app.EventInput{Kind: data.EventNote, At: apptest.Now.Add(time.Minute), Text: "x"}, "date"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.in.SupplierID = s.ID
			_, err := a.AddSupplierEvent(c.in)
			if got := problemFields(t, err); len(got) != 1 || got[0] != c.field {
				t.Errorf("problems name %v, want [%s]", got, c.field)
			}
		})
	}
	if _, err := a.AddSupplierEvent(app.EventInput{SupplierID: 999, Kind: data.EventCall, Text: "x"}); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("unknown supplier: %v", err)
	}
	mustEvent := func(in app.EventInput) {
		t.Helper()
		in.SupplierID = s.ID
		if _, err := a.AddSupplierEvent(in); err != nil {
			t.Fatal(err)
		}
	}
	mustEvent(app.EventInput{Kind: data.EventMessage, Day: "2026-03-01", Text: "Asked for a quote"})
	mustEvent(app.EventInput{Kind: data.EventCall, Text: "Agreed on the quote"})
	mustEvent(app.EventInput{Kind: data.EventIssue, At: apptest.Now.Add(-time.Hour), Text: "Box arrived wet"})
	log, err := a.SupplierEvents(s.ID, 0, 10)
	if err != nil || len(log) != 3 {
		t.Fatalf("log %+v (%v)", log, err)
	}
	if log[0].Text != "Agreed on the quote" || !log[0].At.Equal(apptest.Now) || log[1].Kind != data.EventIssue ||
		!log[2].At.Equal(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("log, newest first: %+v", log)
	}
	if page, _ := a.SupplierEvents(s.ID, 2, 10); len(page) != 1 || page[0].Text != "Asked for a quote" {
		t.Errorf("second page %+v", page)
	}
}

func TestSupplierLogShowsPurchaseOrderEvents(t *testing.T) {
	a, _ := apptest.NewApp(t)
	s := mustSupplier(t, a, data.Supplier{Name: "Atlas"})
	db := a.DBForTest()
	po := data.PurchaseOrder{Number: "PO-000042", SupplierID: s.ID, Status: data.POSent}
	if err := db.Create(&po).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Create(&data.SupplierEvent{SupplierID: s.ID, PurchaseOrderID: &po.ID, At: apptest.Now, Kind: data.EventPOSent, Channel: "email", Text: "PO sent"}).Error; err != nil {
		t.Fatal(err)
	}
	log, err := a.SupplierEvents(s.ID, 0, 10)
	if err != nil || len(log) != 1 || log[0].PONumber != "PO-000042" {
		t.Fatalf("log %+v (%v), want the PO event with its number", log, err)
	}
	rows, _ := a.Suppliers(app.SupplierQuery{})
	if rows[0].LastContact == nil {
		t.Error("sending a PO is contact")
	}
}
