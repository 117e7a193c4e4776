package app

import (
	"errors"
	"fmt"

	"clockwork/app/importfile"
	"clockwork/data"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Kinds of file a column map is saved for.
const (
	MapOrders  = "orders"
	MapCatalog = "catalog"
)

// SaveColumnMap remembers m for files of kind (MapOrders, MapCatalog) whose header row is
// header, replacing the map saved for that header before. ImportOrders saves the map it was
// given by itself; the window's mapping step may call this when the owner saves a map.
func (a *App) SaveColumnMap(kind string, header []string, m importfile.ColumnMap) error {
	if len(m) == 0 {
		return invalid("map", "the map is empty: give at least the columns an import needs")
	}
	return a.write(func(tx *gorm.DB) error { return saveColumnMap(tx, kind, header, m) })
}

// saveColumnMap stores m in tx under kind and the header's key.
func saveColumnMap(tx *gorm.DB, kind string, header []string, m importfile.ColumnMap) error {
	row := data.ColumnMap{Kind: kind, HeaderKey: importfile.HeaderKey(header), Columns: m.String()}
	err := tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "kind"}, {Name: "header_key"}},
		DoUpdates: clause.AssignmentColumns([]string{"columns", "updated_at"}),
	}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("save the column map: %w", err)
	}
	return nil
}

// SavedColumnMap is the map saved for files of kind with this header row; ok is false when
// none is.
func (a *App) SavedColumnMap(kind string, header []string) (m importfile.ColumnMap, ok bool, err error) {
	var row data.ColumnMap
	err = a.db.Where("kind = ? AND header_key = ?", kind, importfile.HeaderKey(header)).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read the saved column map: %w", err)
	}
	m, err = importfile.ParseColumnMap(row.Columns)
	if err != nil {
		return nil, false, fmt.Errorf("the saved column map %q cannot be read (%v): map the file again", row.Columns, err)
	}
	return m, true, nil
}

// DeleteColumnMap forgets the map saved for files of kind with this header row.
func (a *App) DeleteColumnMap(kind string, header []string) error {
	return a.write(func(tx *gorm.DB) error {
		return tx.Where("kind = ? AND header_key = ?", kind, importfile.HeaderKey(header)).Delete(&data.ColumnMap{}).Error
	})
}
