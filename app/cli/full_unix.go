//go:build !windows

package cli

import (
	"fmt"
	"os"
	"syscall"
)

// runBinary replaces this process with the binary at path, so it keeps the process id,
// stdin, stdout, stderr and signals, and its exit code is the command's; it returns only
// when the binary cannot be started.
func runBinary(path string, args []string) error {
	err := syscall.Exec(path, append([]string{path}, args...), os.Environ())
	return fmt.Errorf("start %s: %v", path, err)
}
