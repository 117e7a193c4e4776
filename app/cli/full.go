package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// FullBinary is the name of the full Clockwork binary (window and every command), installed
// beside the command binary "clockwork"; on Windows it ends in ".exe".
const FullBinary = "clockwork-window"

// RunFull runs the full binary installed beside this one with args (the command line without
// the program name), passing stdin, stdout, stderr and the environment through, and returns
// its exit code. The command binary uses it to open the window and for the commands that
// make or read Excel workbooks.
func RunFull(args []string) int {
	path, err := fullBinaryPath()
	if err == nil {
		err = runBinary(path, args)
	}
	if code, ok := err.(exitCode); ok {
		return int(code)
	}
	fmt.Fprintf(os.Stderr, "clockwork: %v\n", err)
	return ExitFailed
}

// exitCode is the full binary's exit code, passed back as is.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// fullBinaryPath finds the full binary beside the running one.
func fullBinaryPath() (string, error) {
	self, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("cannot find where clockwork is installed (%v): run %s directly", err, FullBinary)
	}
	if resolved, err := filepath.EvalSymlinks(self); err == nil {
		self = resolved
	}
	name := FullBinary
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	path := filepath.Join(filepath.Dir(self), name)
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("the window and Excel workbooks need %s, which is not installed beside %s: install Clockwork again (make build makes both)", name, self)
	}
	return path, nil
}
