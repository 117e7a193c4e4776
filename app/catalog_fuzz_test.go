package app_test

import (
	"errors"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
)

// FuzzImportCatalog feeds the whole import arbitrary files: it never panics, a refusal is
// always an InputError naming its problems and writes nothing, an accepted file is written.
func FuzzImportCatalog(f *testing.F) {
	for _, seed := range []string{
		catalogHeader + "MUG-1,NL-100,\"Enamel Mug, sage\",4.20,3,1,6,40,14.90\n",
		"sku;title;cost\nA;Lamp;1,50\nA;Lamp;2\n",
		"\ufeffSKU\tDescription\tMOQ\r\nX\t\"multi\nline\"\t0\r\n",
		"sku,cost\n,\n\"unterminated\n",
		"Name,Lineitem quantity\n#1,2\n",
		"",
	} {
		f.Add(seed)
	}
	a, _ := apptest.NewApp(f)
	f.Fuzz(func(t *testing.T, text string) {
		before := counts(t, a)
		res, err := a.ImportCatalog(strings.NewReader(text), "fuzz.csv", app.CatalogImportOptions{Supplier: "Fuzz Supply"})
		var ie *app.InputError
		switch {
		case err != nil && (!errors.As(err, &ie) || len(ie.Problems) == 0):
			t.Fatalf("error %v is not an InputError with problems", err)
		case err != nil && (res.Written || counts(t, a) != before):
			t.Fatalf("a refused file wrote: %v", err)
		case err == nil && !res.Written:
			t.Fatal("an accepted file was not written")
		}
	})
}
