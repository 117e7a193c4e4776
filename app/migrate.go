package app

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"clockwork/data"
)

// MoveShop copies the whole shop at from (a shop file or a database URL) into the new, empty
// database at to, ids and all, in one transaction on to, and returns the rows of each table,
// counted on both sides and found equal. A target that already holds a shop is refused and
// left as it was; so is a copy that fails half way.
func MoveShop(from, to string) ([]data.TableRows, error) {
	if from == "" || to == "" {
		return nil, invalid("from", "say which shop to copy (--from) and where to (--to)")
	}
	if from == to {
		return nil, invalid("to", "--from and --to are the same database; --to must be a new, empty one")
	}
	src, err := OpenExisting(from)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	created := !data.IsServerURL(to) && !exists(to)
	open := Open
	if !data.IsServerURL(to) && !created { // a file that is there must be a shop (an empty one)
		open = OpenExisting
	}
	dst, err := open(to)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", data.ShowLocation(to), err)
	}
	counts, err := data.CopyShop(dst.db, src.db)
	dst.Close()
	if err != nil && created {
		removeShopFile(to)
	}
	if errors.Is(err, data.ErrHoldsShop) {
		return nil, invalid("to", "%s already holds a shop (%s), so nothing was copied: migrate into a new, empty database "+
			"(for PostgreSQL: createdb a new one), or open that shop as it is", data.ShowLocation(to), strings.TrimSuffix(strings.SplitN(err.Error(), "(", 2)[1], ")"))
	}
	if err != nil {
		return nil, fmt.Errorf("copy %s to %s (nothing was written): %w", data.ShowLocation(from), data.ShowLocation(to), err)
	}
	return counts, nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// removeShopFile removes a shop file this process made, with SQLite's files beside it.
func removeShopFile(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}
