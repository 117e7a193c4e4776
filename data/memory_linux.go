package data

/*
#include <malloc.h>
*/
import "C"

// ReleaseMemory hands memory that SQLite freed after a big query back to the system: its
// sorts and page caches are allocated with malloc, and glibc keeps what is freed for reuse,
// so after a report the window would otherwise stay tens of MB larger than it needs to be.
func ReleaseMemory() { C.malloc_trim(0) }

// FewerArenas caps glibc's malloc arenas at two. Each thread that allocates (SQLite on the
// goroutines' threads, the GL driver's) otherwise gets an arena of its own, and every arena
// keeps its freed memory: about 20 MB for the window.
func FewerArenas() { C.mallopt(C.M_ARENA_MAX, 2) }
