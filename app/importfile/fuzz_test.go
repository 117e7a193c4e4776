package importfile_test

import (
	"bytes"
	"testing"

	"clockwork/app/importfile"
)

// seeds are small inputs that reach the parsers' corners: quotes, separators, encodings.
var seeds = []string{
	"sku,title\nA,\"x,y\"\n",
	"\uFEFFa;b\r\n;;\r\n\"1\"\"\";2\r\n",
	"a|b\n0012|  pad  \n",
	"a,b\n\"open\n",
	"a\tb\n\"x\"y\tz\n",
	"\xff\xfea\x00,\x00b\x00",
	"Name,Lineitem quantity,Lineitem price,Lineitem sku,Created at\n#1,2,3.50,A,2026-01-02\n",
	"sku,cost,pack size\nA,-1,0\nA,x,2\n",
	"PK\x03\x04",
}

func FuzzRead(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := importfile.Read(bytes.NewReader(b), "fuzz.csv")
		if err != nil {
			return
		}
		if len(tab.Header) == 0 {
			t.Fatal("a table without header cells")
		}
		last := 0
		for _, r := range tab.Rows {
			if r.Line <= last {
				t.Fatalf("row lines not increasing: %d after %d", r.Line, last)
			}
			last = r.Line
		}
	})
}

func FuzzParseCatalog(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("ARTIKEL_NR|EK|EVP|STCK_KART|VMENGE\n0585EJ5|44.00|0.00|9998|20\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := importfile.Read(bytes.NewReader(b), "fuzz.csv")
		if err != nil {
			return
		}
		rows, problems := importfile.ParseCatalog(tab)
		if len(rows)+len(problems) == 0 && len(tab.Rows) > 0 {
			t.Fatalf("%d rows gave neither catalog rows nor problems", len(tab.Rows))
		}
		for _, r := range rows {
			if r.SKU == "" || (r.PackSize != nil && *r.PackSize < 1) || (r.UnitCost != nil && *r.UnitCost < 0) {
				t.Fatalf("invalid row returned as valid: %+v", r)
			}
		}
		importfile.Detect(tab)
	})
}
