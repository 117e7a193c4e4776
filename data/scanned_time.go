package data

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// ScannedTime reads a time from a computed column (MAX(at) and the like): SQLite hands those
// back as text because an expression has no declared type, PostgreSQL as a time. T is nil
// for NULL.
type ScannedTime struct{ T *time.Time }

// sqliteTimes are the layouts the SQLite driver writes times in.
var sqliteTimes = []string{
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02T15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05",
}

// Scan implements sql.Scanner.
func (d *ScannedTime) Scan(v any) error {
	var s string
	switch x := v.(type) {
	case nil:
		d.T = nil
		return nil
	case time.Time:
		d.T = &x
		return nil
	case string:
		s = x
	case []byte:
		s = string(x)
	default:
		return fmt.Errorf("read time from %T", v)
	}
	s = strings.TrimSuffix(s, "Z")
	for _, layout := range sqliteTimes {
		if t, err := time.Parse(layout, s); err == nil {
			t = t.UTC()
			d.T = &t
			return nil
		}
	}
	return fmt.Errorf("read time from %q", s)
}

// Value implements driver.Valuer (so gorm accepts the type in structs it scans into).
func (d ScannedTime) Value() (driver.Value, error) {
	if d.T == nil {
		return nil, nil
	}
	return *d.T, nil
}
