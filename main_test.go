package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRealWindow builds Clockwork, fills a demo shop through the command line and opens the
// real window on a virtual display (Xvfb): a window named Clockwork must appear and the app
// must run without printing errors. `make test` installs Xvfb and xdotool.
func TestRealWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("opens a real window")
	}
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (make test installs it)", tool)
		}
	}
	dir := t.TempDir()
	bin, db := filepath.Join(dir, "clockwork"), filepath.Join(dir, "shop.db")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "--db", db, "demo", "--orders", "300").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	display := startXvfb(t)

	var stderr bytes.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	win := exec.CommandContext(ctx, bin, "--db", db)
	win.Env = append(os.Environ(), "DISPLAY="+display, "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	win.Stdout, win.Stderr = &stderr, &stderr
	if err := win.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- win.Wait() }()

	search := exec.Command("xdotool", "search", "--sync", "--name", "^Clockwork$")
	search.Env = append(os.Environ(), "DISPLAY="+display)
	found := make(chan error, 1)
	go func() { found <- search.Run() }()
	select {
	case err := <-found:
		if err != nil {
			t.Fatalf("xdotool: %v; app said: %s", err, stderr.String())
		}
	case err := <-done:
		t.Fatalf("the app exited before its window appeared (%v): %s", err, stderr.String())
	case <-time.After(60 * time.Second):
		search.Process.Kill()
		t.Fatalf("no window named Clockwork within 60 s; app said: %s", stderr.String())
	}
	time.Sleep(2 * time.Second) // let it draw and take the daily backup
	select {
	case err := <-done:
		t.Fatalf("the app exited on its own (%v): %s", err, stderr.String())
	default:
	}
	cancel()
	<-done
	for _, bad := range []string{"panic", "error", "Error", "fatal"} {
		if strings.Contains(stderr.String(), bad) {
			t.Errorf("the app printed %q:\n%s", bad, stderr.String())
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "backups")); len(entries) != 1 {
		t.Errorf("%d daily backups beside the database, want 1", len(entries))
	}
}

// startXvfb starts a virtual display on a free number and stops it when the test ends.
func startXvfb(t *testing.T) string {
	t.Helper()
	for n := 90; n < 140; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); err == nil {
			continue
		}
		display := fmt.Sprintf(":%d", n)
		x := exec.Command("Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp")
		if err := x.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { x.Process.Kill(); x.Wait() })
		for i := 0; i < 50; i++ {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
				return display
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("Xvfb %s did not start", display)
	}
	t.Fatal("no free display number")
	return ""
}
