package app

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"clockwork/data"
)

// Version is this build's version. `make build` and `make dist` stamp it from FyneApp.toml,
// the one place the version is written (-ldflags "-X clockwork/app.Version=0.1.0"); a plain
// `go build` says "dev".
var Version = "dev"

// About is what the About box and `clockwork --version` tell: which Clockwork this is and
// which database it works on.
type About struct {
	Version     string
	Database    string // the database file
	DataFolder  string // the folder holding the database and its backups folder
	Exists      bool   // false when the database has not been created yet
	Schema      int    // the schema version stored in the database (0 when it does not exist)
	BuildSchema int    // the schema version this build writes
}

// About describes this build and the open database.
func (a *App) About() (About, error) {
	v, err := data.StoredVersion(a.db)
	if err != nil {
		return About{}, err
	}
	ab := newAbout(a.path, true, v)
	if a.Shared() {
		ab.Database, ab.DataFolder = a.Where(), a.Folder()
	}
	return ab, nil
}

// AboutFile describes this build and the database file at path without creating, changing
// or migrating it; a missing file is not an error (Exists is false).
func AboutFile(path string) (About, error) {
	if IsShared(path) {
		return aboutShared(path)
	}
	v, err := data.FileSchemaVersion(path)
	if errors.Is(err, fs.ErrNotExist) {
		return newAbout(path, false, 0), nil
	}
	if err != nil {
		return About{}, err
	}
	return newAbout(path, true, v), nil
}

func newAbout(path string, exists bool, schema int) About {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return About{
		Version:     Version,
		Database:    path,
		DataFolder:  filepath.Dir(path),
		Exists:      exists,
		Schema:      schema,
		BuildSchema: data.SchemaVersion(),
	}
}

// SchemaText says in a sentence which schema the database has and how it relates to this build.
func (ab About) SchemaText() string {
	switch {
	case !ab.Exists:
		return fmt.Sprintf("not created yet; this version writes schema %d", ab.BuildSchema)
	case ab.Schema > ab.BuildSchema:
		return fmt.Sprintf("schema %d, written by a newer Clockwork (this version knows up to %d)", ab.Schema, ab.BuildSchema)
	case ab.Schema < ab.BuildSchema:
		return fmt.Sprintf("schema %d; updated to %d when this version opens it", ab.Schema, ab.BuildSchema)
	default:
		return fmt.Sprintf("schema %d", ab.Schema)
	}
}

// aboutShared describes the shared database at loc, which it opens to read the schema version
// (a server cannot be read without connecting); a shop not there yet is Exists false.
func aboutShared(loc string) (About, error) {
	a, err := OpenExisting(loc)
	if errors.Is(err, data.ErrNotClockwork) {
		folder, ferr := DataFolder()
		if ferr != nil {
			return About{}, ferr
		}
		return About{Version: Version, Database: Masked(loc), DataFolder: folder, BuildSchema: data.SchemaVersion()}, nil
	}
	if err != nil {
		return About{}, err
	}
	defer a.Close()
	return a.About()
}
