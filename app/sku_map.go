package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"clockwork/data"

	"gorm.io/gorm"
)

// MapUnknownSKU links an order line whose SKU is not in the catalog to the product with
// productSKU. Every unlinked line with the same SKU is linked too, and the SKU is remembered
// so later imports link it by themselves; a line without a SKU is linked alone. The orders
// concerned get their promise recomputed. It returns how many lines were linked.
func (a *App) MapUnknownSKU(lineID uint, productSKU string) (int, error) {
	productSKU = strings.TrimSpace(productSKU)
	if productSKU == "" {
		return 0, invalid("product", "choose the catalog product this SKU is")
	}
	var n int
	loc := a.Location() // read before the transaction: the database has one connection
	err := a.write(func(tx *gorm.DB) error {
		var line data.OrderLine
		if err := tx.First(&line, lineID).Error; err != nil {
			return notFound(err, "order line")
		}
		if line.ProductID != nil {
			return invalid("sku", "%s is already linked to a catalog product", line.SKU)
		}
		p, err := lookupProduct(data.NewTxSQL(context.Background(), tx, nil), productSKU)
		if err != nil {
			return err
		}
		if p == nil {
			return invalid("product", "no product with SKU %q in the catalog", productSKU)
		}
		orderIDs, linked, err := linkLines(tx, line, p)
		if err != nil {
			return fmt.Errorf("link lines to %s: %w", productSKU, err)
		}
		n = linked
		return setPromises(tx, &a.shared.leads, loc, a.Now(), orderIDs)
	})
	if err != nil {
		return 0, fmt.Errorf("map SKU: %w", err)
	}
	return n, nil
}

// linkLines links the unlinked lines with line's SKU (line alone when it has none) to the
// product, remembering the SKU; it returns the orders concerned and how many lines changed.
func linkLines(tx *gorm.DB, line data.OrderLine, p *lineProduct) ([]uint, int, error) {
	lines := func() *gorm.DB {
		if line.SKU == "" {
			return tx.Model(&data.OrderLine{}).Where("product_id IS NULL AND id = ?", line.ID)
		}
		return tx.Model(&data.OrderLine{}).Where("product_id IS NULL AND sku = ?", line.SKU)
	}
	if line.SKU != "" {
		if err := rememberAlias(tx, line.SKU, p.id); err != nil {
			return nil, 0, err
		}
	}
	var orderIDs []uint
	if err := lines().Distinct("order_id").Pluck("order_id", &orderIDs).Error; err != nil {
		return nil, 0, err
	}
	res := lines().Updates(map[string]any{"product_id": p.id, "title": gorm.Expr("CASE WHEN title = '' THEN ? ELSE title END", p.title)})
	return orderIDs, int(res.RowsAffected), res.Error
}

// rememberAlias records that sku means the product, unless sku is a catalog SKU itself.
func rememberAlias(tx *gorm.DB, sku string, productID uint) error {
	var alias data.SKUAlias
	err := tx.Where("sku = ?", sku).First(&alias).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		alias = data.SKUAlias{SKU: sku, ProductID: productID}
		err = tx.Create(&alias).Error
	case err == nil && alias.ProductID != productID:
		err = tx.Model(&alias).Update("product_id", productID).Error
	}
	if err != nil {
		return fmt.Errorf("remember SKU %s: %w", sku, err)
	}
	return nil
}

// ProductHit is a catalog product offered while typing a SKU.
type ProductHit struct {
	SKU   string
	Title string
	Price data.Money
}

// ProductSuggestions lists up to limit active products whose SKU starts with text, then
// those whose SKU or title contains it, for SKU completion in forms.
func (a *App) ProductSuggestions(text string, limit int) ([]ProductHit, error) {
	text = strings.TrimSpace(text)
	if limit <= 0 {
		limit = 10
	}
	var hits []ProductHit
	if text == "" {
		return hits, nil
	}
	like := data.EngineOf(a.db).CaseBlindLike()
	err := a.db.Model(&data.Product{}).Select("sku, title, price").
		Where("active AND (sku "+like+" ? ESCAPE '\\' OR title "+like+" ? ESCAPE '\\')", likeEscape(text)+"%", "%"+likeEscape(text)+"%").
		Order(gorm.Expr("sku "+like+" ? ESCAPE '\\' DESC, sku", likeEscape(text)+"%")).Limit(limit).Scan(&hits).Error
	if err != nil {
		return nil, fmt.Errorf("find products like %q: %w", text, err)
	}
	return hits, nil
}

// ProductBySKU finds the catalog product with this SKU (or mapped to it); ErrNotFound if none.
func (a *App) ProductBySKU(sku string) (ProductHit, error) {
	var h ProductHit
	err := a.db.Model(&data.Product{}).Select("sku, title, price").Where("sku = ?", strings.TrimSpace(sku)).Take(&h).Error
	if err != nil {
		return h, notFound(err, "product "+sku)
	}
	return h, nil
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

// CreateProductForLine adds the product an order line names but the catalog lacks (its SKU
// sku, else the line's own; the line's title and unit price) and links the line to it, with
// every other line of the same SKU. It returns the product and how many lines were linked.
func (a *App) CreateProductForLine(lineID uint, sku string) (data.Product, int, error) {
	var line data.OrderLine
	if err := a.db.First(&line, lineID).Error; err != nil {
		return data.Product{}, 0, notFound(err, "order line")
	}
	if line.ProductID != nil {
		return data.Product{}, 0, invalid("sku", "%s is already linked to a catalog product", line.SKU)
	}
	p := data.Product{SKU: strings.TrimSpace(sku), Title: line.Title, Price: line.UnitPrice, Active: true}
	if p.SKU == "" {
		p.SKU = line.SKU
	}
	if p.SKU == "" {
		return p, 0, invalid("sku", "this line has no SKU: type the SKU the new product is sold under")
	}
	if p.Title == "" {
		p.Title = p.SKU
	}
	if err := a.SaveProduct(&p); err != nil {
		return p, 0, err
	}
	n, err := a.MapUnknownSKU(lineID, p.SKU)
	return p, n, err
}

// unknownSKUText says a line's SKU is not in the catalog; a line without one says that.
func unknownSKUText(sku string) string {
	if strings.TrimSpace(sku) == "" {
		return "the line has no SKU, so it matches no product in the catalog"
	}
	return fmt.Sprintf("SKU %s is not in the catalog", sku)
}
