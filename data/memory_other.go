//go:build !linux

package data

// ReleaseMemory does nothing here: other systems' allocators give freed memory back themselves.
func ReleaseMemory() {}

// FewerArenas does nothing here: arenas are glibc's.
func FewerArenas() {}
