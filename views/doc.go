// Package views is Clockwork's window: the shell with its navigation and one file per
// screen, each a small struct over the app use cases it needs. Only views and main import Fyne.
package views
