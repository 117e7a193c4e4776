//go:build unix

package app

import (
	"os"
	"syscall"
)

// lockTemp marks a temporary file as being written: an exclusive lock held until it closes.
func lockTemp(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) }

// removeIfStale removes a temporary file unless a running write holds its lock.
func removeIfStale(name string) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	defer f.Close()
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
		os.Remove(name)
	}
}
