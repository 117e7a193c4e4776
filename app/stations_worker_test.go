package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// A station is one process of TestStationsShareOneShop working the shared shop as a person
// at one desk would, until the coordinator's flag files say the work is done.
const (
	stationRoleEnv = "CLOCKWORK_STATION"      // importer, receiver or shipper
	stationShopEnv = "CLOCKWORK_STATION_SHOP" // the shop's postgres:// URL
	stationDirEnv  = "CLOCKWORK_STATION_DIR"  // where flags and reports are exchanged
	stationSeedEnv = "CLOCKWORK_STATION_SEED"
	stationRounds  = "CLOCKWORK_STATION_ROUNDS"
	stationTimeout = 4 * time.Minute
)

// stationReport is what a station did, written as JSON for the coordinator.
type stationReport struct {
	Role, Name  string
	Actions     int // writes that went through
	Refused     int // writes the shop's rules refused (another station got there first)
	Orders      int // orders imported
	Returns     int // returns opened (each also received and closed)
	Units       int // units received
	ReturnsKept int // returns closed as keep_as_stock
	Failure     string
	Shipped     int // orders shipped
}

// station is one worker process's state.
type station struct {
	a      *app.App
	dir    string
	rng    *rand.Rand
	report stationReport
}

// runStation runs this process as the station its environment names and returns the exit code.
func runStation(role string) int {
	dir := os.Getenv(stationDirEnv)
	var seed uint64
	fmt.Sscan(os.Getenv(stationSeedEnv), &seed)
	s := &station{dir: dir, rng: rand.New(rand.NewPCG(seed, 7)), report: stationReport{Role: role, Name: fmt.Sprintf("%s-%d", role, seed)}}
	a, err := app.OpenExisting(os.Getenv(stationShopEnv))
	if err == nil {
		s.a = a
		err = s.work(role)
		a.Close()
	}
	if err != nil {
		s.report.Failure = err.Error()
	}
	b, _ := json.Marshal(s.report)
	if werr := os.WriteFile(filepath.Join(dir, s.report.Name+".json"), b, 0o600); werr != nil || err != nil {
		fmt.Fprintf(os.Stderr, "station %s: %v %v\n", s.report.Name, err, werr)
		return 1
	}
	return 0
}

func (s *station) work(role string) error {
	deadline := time.Now().Add(stationTimeout)
	switch role {
	case "importer":
		return s.importAndBuy()
	case "receiver":
		return s.until("imported", deadline, s.receiveOne)
	case "shipper":
		return s.until("received", deadline, s.shipOne)
	}
	return fmt.Errorf("no station role %q", role)
}

// until repeats step while it finds work, and stops once the flag file is there and a step
// finds nothing left to do.
func (s *station) until(flag string, deadline time.Time, step func() (bool, error)) error {
	for time.Now().Before(deadline) {
		done := s.flagged(flag)
		worked, err := step()
		if err != nil {
			return err
		}
		if !worked {
			if done {
				return nil
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	return errors.New("ran out of time with work left")
}

func (s *station) flagged(name string) bool {
	_, err := os.Stat(filepath.Join(s.dir, name))
	return err == nil
}

// refusedOrFailed counts a refusal by the shop's rules (the state moved on under this
// station: another got there first) and returns any other error.
func (s *station) refusedOrFailed(err error) error {
	var ie *app.InputError
	if errors.As(err, &ie) {
		s.report.Refused++
		return nil
	}
	return err
}

// importAndBuy imports a file of orders a round, buys what they need and sends the POs.
func (s *station) importAndBuy() error {
	rounds := 40
	fmt.Sscan(os.Getenv(stationRounds), &rounds)
	for r := range rounds {
		file := stationOrders(r, s.rng)
		res, err := s.a.ImportOrders(context.Background(), bytes.NewReader(file), fmt.Sprintf("round-%d.csv", r), app.ImportOptions{})
		if err != nil {
			return fmt.Errorf("import round %d: %w", r, err)
		}
		s.report.Orders += res.Imported
		plan, err := s.a.PurchaseWith(app.PlanOptions{})
		if err != nil {
			return fmt.Errorf("purchase round %d: %w", r, err)
		}
		if len(plan.Exceptions) > 0 {
			return fmt.Errorf("purchase round %d: %d lines could not be bought: %v", r, len(plan.Exceptions), plan.Exceptions[0])
		}
		if len(plan.POIDs) > 0 {
			if _, err := s.a.SendPOs(plan.POIDs); err != nil {
				return fmt.Errorf("send round %d: %w", r, err)
			}
		}
		s.report.Actions += 3
	}
	return nil
}

// stationOrders is one round's order file: ten orders of one or two lines.
func stationOrders(round int, rng *rand.Rand) []byte {
	var b strings.Builder
	b.WriteString("order_number,placed_at,customer_name,email,sku,title,qty,unit_price,ship_name,ship_address1,ship_city,ship_zip,ship_country\n")
	placed := time.Now().UTC().Add(-time.Hour).Format("2006-01-02 15:04")
	for k := range 10 {
		for l := range 1 + rng.IntN(2) {
			sku := stationSKU((round*10 + k + l*5) % stationProducts)
			fmt.Fprintf(&b, "#S%03d-%d,%s,Zoë Łódź %d,zoe%d@example.com,%s,Item %s,%d,19.90,Zoë Łódź,Hauptstr. %d,Leipzig,04107,DE\n",
				round, k, placed, k, k, sku, sku, 1+rng.IntN(3), k)
		}
	}
	return []byte(b.String())
}

// receiveOne checks in one unit (now and then one refused as damaged) on an owed line of a
// PO picked at random: the two receiving stations often pick the same line at once.
func (s *station) receiveOne() (bool, error) {
	pos, err := s.a.ReceivingPOs(app.ReceivingQuery{Limit: 5})
	if err != nil || len(pos) == 0 {
		return false, err
	}
	po := pos[s.rng.IntN(len(pos))]
	lines, err := s.a.ReceivingLines(po.ID)
	if err != nil {
		return false, err
	}
	var owed []app.ReceivingLine
	for _, l := range lines {
		if l.Owed() > 0 {
			owed = append(owed, l)
		}
	}
	if len(owed) == 0 {
		return true, nil
	}
	line := app.ReceiveLine{POLineID: owed[s.rng.IntN(len(owed))].POLineID, Accepted: 1}
	if s.rng.IntN(10) == 0 {
		line = app.ReceiveLine{POLineID: line.POLineID, Rejected: 1, Reason: data.RejectDamaged}
	}
	_, err = s.a.Receive(po.ID, app.ReceiveInput{Lines: []app.ReceiveLine{line}})
	if err == nil {
		s.report.Actions++
		s.report.Units += line.Accepted
	}
	return true, s.refusedOrFailed(err)
}

// shipOne ships a ready order; every fourth one shipped comes back in part: a return is
// opened, received and closed (refunded, or kept as spare stock).
func (s *station) shipOne() (bool, error) {
	list, err := s.a.FindOrders(app.OrderQuery{Status: data.OrderReady, Sort: app.SortPlaced, Limit: 5})
	if err != nil || len(list.Rows) == 0 {
		return false, err
	}
	o := list.Rows[s.rng.IntN(len(list.Rows))]
	err = s.a.ShipOrders([]app.ShipInput{{OrderID: o.ID, Carrier: "DHL", Tracking: fmt.Sprintf("%s-%d", s.report.Name, s.report.Actions)}})
	if err != nil {
		return true, s.refusedOrFailed(err)
	}
	s.report.Actions++
	s.report.Shipped++
	if s.report.Shipped%4 == 0 {
		return true, s.returnOne(o.ID)
	}
	return true, nil
}

// returnOne opens, receives and closes a return of one unit of the order's first line.
func (s *station) returnOne(orderID uint) error {
	detail, err := s.a.OrderDetail(orderID)
	if err != nil {
		return err
	}
	first := detail.Lines[0]
	ret, err := s.a.OpenReturn(app.ReturnInput{OrderID: orderID, Comment: "zu klein", Lines: []app.ReturnLineInput{{OrderLineID: first.ID, Qty: 1, Reason: data.ReasonChangedMind}}})
	if err != nil {
		return fmt.Errorf("open a return of order %d: %w", orderID, err)
	}
	if err := s.a.ReceiveReturn(ret.ID, time.Time{}); err != nil {
		return fmt.Errorf("receive %s: %w", ret.Number, err)
	}
	d := data.DispositionRefund
	if s.report.Returns%2 == 1 {
		d = data.DispositionKeepAsStock
		s.report.ReturnsKept++
	}
	choice := map[uint]data.Disposition{}
	for _, l := range ret.Lines {
		choice[l.ID] = d
	}
	if _, err := s.a.CloseReturnAs(ret.ID, choice); err != nil {
		return fmt.Errorf("close %s: %w", ret.Number, err)
	}
	s.report.Returns++
	s.report.Actions += 3
	return nil
}
