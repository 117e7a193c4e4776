package reports

// block is a piece of a document measured before anything is drawn, so a document knows
// how many pages it needs ("Page 1 of 2") before it prints the first one.
type block struct {
	h    float64         // height, including the space above the content
	draw func(y float64) // draws the block with its top at y
	// repeat is drawn first when this block opens a page: a table's column heads above a
	// row that carried over.
	repeat *block
	// keep holds the block on the same page as the next one (a heading and its first row).
	keep bool
	// foot moves the block down to the bottom of its page (a closing note above the footer).
	foot bool
}

// placed is a block with its position on a page.
type placed struct {
	b *block
	y float64
}

// paginate lays blocks out top to bottom: the first page's content starts at firstTop,
// later pages at nextTop, and nothing goes below bottom. A block taller than a whole page
// still gets a page of its own (callers clip long text so that does not happen).
func paginate(blocks []block, firstTop, nextTop, bottom float64) [][]placed {
	pages := [][]placed{nil}
	y := firstTop
	for i := range blocks {
		b := &blocks[i]
		need := b.h
		if b.keep && i+1 < len(blocks) {
			need += blocks[i+1].h
		}
		last := len(pages) - 1
		if y+need > bottom && len(pages[last]) > 0 {
			pages = append(pages, nil)
			last++
			y = nextTop
			if b.repeat != nil {
				pages[last] = append(pages[last], placed{b.repeat, y})
				y += b.repeat.h
			}
		}
		if b.foot && y+b.h < bottom {
			y = bottom - b.h
		}
		pages[last] = append(pages[last], placed{b, y})
		y += b.h
	}
	return pages
}

// drawPages adds the pages to the document: frame draws what every page carries (header,
// footer) given the page's index and the count, then the page's blocks are drawn.
func (d *document) drawPages(pages [][]placed, frame func(page, of int)) {
	for i, page := range pages {
		d.pdf.AddPage()
		frame(i, len(pages))
		for _, p := range page {
			p.b.draw(p.y)
		}
	}
}
