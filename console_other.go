//go:build !windows

package main

// attachConsole is only needed on Windows, where Clockwork is a windowed program.
func attachConsole() {}
