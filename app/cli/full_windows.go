//go:build windows

package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// runBinary runs the binary at path with args and this process's stdin, stdout and stderr,
// waits for it and returns its exit code as an exitCode (Windows cannot replace a process).
func runBinary(path string, args []string) error {
	cmd := exec.Command(path, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return exitCode(0)
	case errors.As(err, &ee):
		return exitCode(ee.ExitCode())
	default:
		return fmt.Errorf("start %s: %v", path, err)
	}
}
