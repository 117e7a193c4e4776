package app

import (
	"runtime/debug"

	"clockwork/data"
)

// KeepMemorySmall tunes a long-running process (the window) to stay small: the garbage
// collector runs when the heap grew by half rather than doubled (a window allocates little,
// so it costs nothing visible), and C allocations share two malloc arenas. Call it first.
func KeepMemorySmall() {
	debug.SetGCPercent(50)
	data.FewerArenas()
}
