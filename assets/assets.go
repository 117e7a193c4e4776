// Package assets holds the files Clockwork carries inside its binary: the app icon, the
// logo documents use until the shop sets its own, and the demo shop's logo.
package assets

import _ "embed"

// Icon is the application icon (512×512 PNG), also named in FyneApp.toml; drawn by
// internal/iconart.
//
//go:generate go run ./internal/iconart icon.png
//go:embed icon.png
var Icon []byte

// DefaultLogo is printed on documents until the shop chooses its own logo.
//
//go:embed logo.png
var DefaultLogo []byte

// DemoLogo is the logo of the generated demo shop, "Linden & Loom".
//
//go:embed demo-logo.png
var DemoLogo []byte
