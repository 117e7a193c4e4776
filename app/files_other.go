//go:build !unix

package app

import "os"

// lockTemp does nothing here: a file open for writing cannot be removed anyway.
func lockTemp(*os.File) {}

// removeIfStale removes a temporary file; one still open by a running write stays.
func removeIfStale(name string) { os.Remove(name) }
