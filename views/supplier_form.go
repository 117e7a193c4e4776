package views

import (
	"fmt"
	"strconv"
	"strings"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Vetting answers as the checklist offers them.
const (
	answerYes     = "Yes"
	answerNo      = "No"
	answerUnknown = "Unknown"
)

// supplierForm edits one supplier: contact, SLA, status and notes, and the vetting
// checklist. It keeps what was typed until it is saved or undone.
type supplierForm struct {
	loaded   data.Supplier // as last read or saved; ID 0 for a new supplier
	fields   []*field
	byKey    map[string]*field
	status   *widget.Select
	answers  []*widget.RadioGroup
	vetNotes []*widget.Entry
	vetCount *widget.Label
	vetMsg   *widget.Label
	dirty    bool
	filling  bool   // set while the form is filled from the database, so that is not an edit
	onEdit   func() // after every edit, once the form has been checked
}

func newSupplierForm(onEdit func()) *supplierForm {
	f := &supplierForm{byKey: map[string]*field{}, onEdit: onEdit}
	for _, d := range []struct{ key, hint string }{
		{"name", "Nordlicht Trading"}, {"contact person", "Anna Berg"}, {"email", "orders@supplier.com"},
		{"phone", "+49 30 1234567"}, {"website", "https://supplier.com"}, {"portal", "https://portal.supplier.com"},
		{"chat", "WhatsApp +49 170 …, Slack, WeChat ID"}, {"quoted lead days", "2"}, {"promised fill %", "95"},
		{"order cut-off", "14:00"}, {"order fee", "0.00"}, {"shipping charge", "0.00"}, {"free shipping from", "none"},
	} {
		f.add(newField(d.key, d.hint, false, f.edited))
	}
	f.add(newField("address", "Street 1\nZIP City\nCountry", true, f.edited))
	f.add(newField("notes", "What to remember about them: terms agreed, quirks, who to ask", true, f.edited))
	var statuses []string
	for _, s := range data.SupplierStatuses {
		statuses = append(statuses, string(s))
	}
	f.status = widget.NewSelect(statuses, func(string) { f.edited() })
	f.vetCount = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.vetMsg = widget.NewLabel("")
	f.vetMsg.Importance = widget.DangerImportance
	f.vetMsg.Hide()
	for range (&data.Vetting{}).Items() {
		r := widget.NewRadioGroup([]string{answerYes, answerNo, answerUnknown}, func(string) { f.edited() })
		r.Horizontal = true
		r.Required = true
		note := widget.NewEntry()
		note.SetPlaceHolder("Note: what you found, who you asked")
		note.OnChanged = func(string) { f.edited() }
		f.answers, f.vetNotes = append(f.answers, r), append(f.vetNotes, note)
	}
	return f
}

func (f *supplierForm) add(fl *field) {
	f.fields = append(f.fields, fl)
	f.byKey[fl.key] = fl
}

// details lays out contact details, SLA terms, status and notes.
func (f *supplierForm) details() fyne.CanvasObject {
	item := func(label, key string) *widget.FormItem { return widget.NewFormItem(label, f.byKey[key].box) }
	contact := widget.NewForm(
		item("Name", "name"), widget.NewFormItem("Status", f.status), item("Contact person", "contact person"),
		item("E-mail", "email"), item("Phone", "phone"), item("Website", "website"), item("Ordering portal", "portal"),
		item("Chat", "chat"), item("Address", "address"),
	)
	sla := widget.NewForm(
		item("Quoted lead days", "quoted lead days"), item("Promised fill %", "promised fill %"),
		item("Order cut-off", "order cut-off"),
		widget.NewFormItem("", hint("Lead days: from your order to their dispatch. Fill %: the share of each order they promise to ship complete. Cut-off: orders after this time of day ship a day later.")),
	)
	terms := widget.NewForm(
		item("Order fee", "order fee"), item("Shipping charge", "shipping charge"), item("Free shipping from", "free shipping from"),
		widget.NewFormItem("", hint("What they charge on every purchase order, on top of the goods. Shipping is waived when the goods reach the free-shipping amount; leave it empty if it never is. Purchase now counts these in each offer's landed cost.")),
	)
	notes := widget.NewForm(item("Notes", "notes"))
	return container.NewVScroll(container.NewVBox(
		widget.NewCard("", "Contact", contact), widget.NewCard("", "Service level they promise", sla),
		widget.NewCard("", "Charges per purchase order", terms), widget.NewCard("", "", notes)))
}

// vetting lays out the checklist of DESIGN 5.1: an answer and a note per question.
func (f *supplierForm) vetting() fyne.CanvasObject {
	rows := []fyne.CanvasObject{f.vetCount, hint("Answer what you know; leave the rest Unknown. The count of Yes answers shows in the supplier list."), f.vetMsg}
	for i, it := range (&data.Vetting{}).Items() {
		q := widget.NewLabelWithStyle(fmt.Sprintf("%d. %s", i+1, it.Question), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		q.Wrapping = fyne.TextWrapWord
		rows = append(rows, container.NewVBox(q, f.answers[i], f.vetNotes[i]), widget.NewSeparator())
	}
	return container.NewVScroll(container.NewVBox(rows...))
}

// load fills the form from a supplier, forgetting any edits.
func (f *supplierForm) load(s data.Supplier) {
	f.loaded = s
	f.filling = true
	defer func() { f.filling = false }()
	values := map[string]string{
		"name": s.Name, "contact person": s.ContactPerson, "email": s.Email, "phone": s.Phone, "website": s.Website,
		"portal": s.Portal, "chat": s.Chat, "address": s.Address, "notes": s.Notes, "order cut-off": s.OrderCutoff,
		"quoted lead days": strconv.Itoa(s.QuotedLeadDays), "promised fill %": strconv.Itoa(s.PromisedFillPct),
	}
	for key, m := range map[string]data.Money{"order fee": s.Terms.OrderFee, "shipping charge": s.Terms.ShippingCharge,
		"free shipping from": s.Terms.FreeShippingThreshold} {
		if m != 0 {
			values[key] = m.Plain()
		}
	}
	if s.ID == 0 {
		values["quoted lead days"], values["promised fill %"] = "", ""
	}
	for _, fl := range f.fields {
		fl.entry.SetText(values[fl.key])
		fl.show("")
	}
	status := s.Status
	if status == "" {
		status = data.SupplierProspect
	}
	f.status.SetSelected(string(status))
	for i, it := range s.Vetting.Items() {
		f.answers[i].SetSelected(map[data.Answer]string{data.AnswerYes: answerYes, data.AnswerNo: answerNo}[*it.Answer])
		if f.answers[i].Selected == "" {
			f.answers[i].SetSelected(answerUnknown)
		}
		f.vetNotes[i].SetText(*it.Note)
	}
	f.dirty = false
	f.showVetCount(s.Vetting)
	f.vetMsg.Hide()
}

// read turns the form into a supplier; problems are what cannot even be read (a lead time
// of "two").
func (f *supplierForm) read() (data.Supplier, []app.Problem) {
	s := f.loaded
	var ps []app.Problem
	text := func(k string) string { return f.byKey[k].text() }
	s.Name, s.ContactPerson, s.Email, s.Phone = text("name"), text("contact person"), text("email"), text("phone")
	s.Website, s.Portal, s.Chat, s.OrderCutoff = text("website"), text("portal"), text("chat"), text("order cut-off")
	s.Address, s.Notes = f.byKey["address"].entry.Text, f.byKey["notes"].entry.Text
	s.QuotedLeadDays = wholeNumber(f.byKey["quoted lead days"], 0, &ps)
	s.PromisedFillPct = wholeNumber(f.byKey["promised fill %"], 0, &ps)
	s.Terms.OrderFee = amount(f.byKey["order fee"], &ps)
	s.Terms.ShippingCharge = amount(f.byKey["shipping charge"], &ps)
	s.Terms.FreeShippingThreshold = amount(f.byKey["free shipping from"], &ps)
	s.Status = data.SupplierStatus(f.status.Selected)
	for i, it := range s.Vetting.Items() {
		*it.Answer = map[string]data.Answer{answerYes: data.AnswerYes, answerNo: data.AnswerNo}[f.answers[i].Selected]
		*it.Note = f.vetNotes[i].Text
	}
	return s, ps
}

// check reads the form and shows, under each field, what the app would refuse; it says
// whether the form can be saved.
func (f *supplierForm) check() (data.Supplier, []string) {
	s, ps := f.read()
	ps = append(ps, app.CheckSupplier(s)...)
	rest := showProblems(f.fields, ps)
	f.showVetCount(s.Vetting)
	return s, rest
}

func (f *supplierForm) showVetCount(v data.Vetting) {
	f.vetCount.SetText(fmt.Sprintf("%d of %d answered yes", v.Yes(), app.VettingTotal))
}

func (f *supplierForm) edited() {
	if f.filling {
		return
	}
	f.dirty = true
	f.check()
	if f.onEdit != nil {
		f.onEdit()
	}
}

// amount reads an optional amount of money: empty is 0; what cannot be read is a problem
// named after the field.
func amount(f *field, ps *[]app.Problem) data.Money {
	t := f.text()
	if t == "" || strings.EqualFold(t, "none") {
		return 0
	}
	m, err := data.ParseMoney(t)
	if err != nil {
		*ps = append(*ps, app.Problem{Field: f.key, Message: fmt.Sprintf("%q is not an amount like 7.50", t)})
	}
	return m
}
