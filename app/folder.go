package app

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// Folder is the folder on this machine where the shop's files go (backups, documents,
// purchase-order PDFs, a mail password without a keyring): beside the database file, or, for
// a shop on a database server, a folder for that server's shop in the user's config folder.
func (a *App) Folder() string {
	a.shared.locMu.Lock()
	defer a.shared.locMu.Unlock()
	if a.shared.folder == "" {
		a.shared.folder = defaultFolder(a.path, a.IsFile())
	}
	return a.shared.folder
}

// SetFolder puts the shop's files in dir instead (tests of a shop on a server use their
// temporary folder).
func (a *App) SetFolder(dir string) {
	a.shared.locMu.Lock()
	defer a.shared.locMu.Unlock()
	a.shared.folder = dir
}

func defaultFolder(location string, isFile bool) string {
	if isFile {
		return filepath.Dir(location)
	}
	name := "server"
	if u, err := url.Parse(location); err == nil {
		name = u.Hostname() + "-" + u.Port() + "-" + strings.TrimPrefix(u.Path, "/")
	}
	name = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '_'
		}
		return r
	}, strings.Trim(name, "-"))
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "Clockwork", "servers", name)
}
