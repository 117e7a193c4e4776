package views

import (
	"fmt"
	"path/filepath"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// backupSource is what the backups panel needs from the app.
type backupSource interface {
	Backups() ([]app.BackupFile, error)
	BackupNow() (string, error)
	Restore(path string) (string, error)
	BackupDir() string
}

// backupsPanel lists the backups beside the database and makes or restores one.
type backupsPanel struct {
	src        backupSource
	win        fyne.Window
	bg         runner
	files      []app.BackupFile
	selected   int
	list       *widget.List
	status     *widget.Label
	onRestored func()
}

func newBackupsPanel(src backupSource, win fyne.Window, bg runner, onRestored func()) *backupsPanel {
	p := &backupsPanel{src: src, win: win, selected: -1, onRestored: onRestored, bg: bg}
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.list = widget.NewList(
		func() int { return len(p.files) },
		func() fyne.CanvasObject {
			return widget.NewLabel("clockwork-daily-2026-01-01.db  ·  1 Jan 2026 10:00  ·  12.3 MB")
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(p.files) {
				return
			}
			f := p.files[id]
			o.(*widget.Label).SetText(fmt.Sprintf("%s  ·  %s  ·  %s", f.Name, shortTime(f.ModTime, time.Local, data.DayOf(time.Now(), time.Local)), humanSize(f.Size)))
		},
	)
	p.list.OnSelected = func(id widget.ListItemID) { p.selected = id }
	p.list.OnUnselected = func(widget.ListItemID) { p.selected = -1 }
	p.reload()
	return p
}

func (p *backupsPanel) card() fyne.CanvasObject {
	now := widget.NewButtonWithIcon("Back up now", theme.DocumentSaveIcon(), p.onBackupNow)
	restore := widget.NewButtonWithIcon("Restore selected…", theme.HistoryIcon(), p.onRestore)
	folder := widget.NewButtonWithIcon("Show folder", theme.FolderIcon(), func() {
		openFile(p.win, p.src.BackupDir())
	})
	list := container.NewGridWrap(fyne.NewSize(640, 180), p.list)
	return widget.NewCard("Backups", fmt.Sprintf("A backup is taken each day Clockwork opens; the last %d are kept.", app.KeepDailyBackups),
		container.NewVBox(list, container.NewHBox(now, restore, folder), p.status))
}

func (p *backupsPanel) reload() {
	files, err := p.src.Backups()
	if err != nil {
		p.status.SetText("Could not list backups: " + err.Error())
		return
	}
	p.files = files
	p.selected = -1
	p.list.UnselectAll()
	p.list.Refresh()
	if len(files) == 0 {
		p.status.SetText("No backups yet. They go to " + p.src.BackupDir())
	}
}

// onBackupNow writes a backup off the UI thread (a big shop takes seconds).
func (p *backupsPanel) onBackupNow() {
	p.status.SetText("Backing up…")
	p.bg(func() {
		path, err := p.src.BackupNow()
		fyne.Do(func() {
			if err != nil {
				p.status.SetText("")
				dialog.ShowError(err, p.win)
				return
			}
			p.reload()
			p.status.SetText("Backup written: " + filepath.Base(path))
		})
	})
}

func (p *backupsPanel) onRestore() {
	if p.selected < 0 || p.selected >= len(p.files) {
		p.status.SetText("Select a backup in the list first.")
		return
	}
	f := p.files[p.selected]
	msg := fmt.Sprintf("Replace all of the shop's current data with the backup %s from %s?\n\nYour current data is saved as a backup first, so this can be undone.",
		f.Name, shortTime(f.ModTime, time.Local, data.DayOf(time.Now(), time.Local)))
	dialog.ShowConfirm("Restore backup?", msg, func(yes bool) {
		if !yes {
			return
		}
		p.status.SetText("Restoring " + f.Name + "…")
		p.bg(func() {
			safety, err := p.src.Restore(f.Path)
			fyne.Do(func() {
				if err != nil {
					p.status.SetText("")
					dialog.ShowError(err, p.win)
					return
				}
				p.reload()
				p.status.SetText(fmt.Sprintf("Restored %s. The data from before is in %s.", f.Name, filepath.Base(safety)))
				p.onRestored()
			})
		})
	}, p.win)
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
