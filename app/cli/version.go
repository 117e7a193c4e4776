package cli

import (
	"flag"
	"fmt"

	"clockwork/app"
)

// isVersionFlag says whether arg asks for the version the way programs usually do.
func isVersionFlag(arg string) bool { return arg == "--version" || arg == "-version" }

// setupVersion prints the version on its first line ("Clockwork 0.1.0"), then the data folder
// and the database's schema version. It reads the database without creating or changing it.
func setupVersion(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		path, err := c.path()
		if err != nil {
			return err
		}
		ab, err := app.AboutFile(path)
		if err != nil {
			return err
		}
		w := c.env.Stdout
		fmt.Fprintf(w, "Clockwork %s\n", ab.Version)
		fmt.Fprintf(w, "data folder: %s\n", ab.DataFolder)
		fmt.Fprintf(w, "database:    %s (%s)\n", ab.Database, ab.SchemaText())
		return nil
	}
}
