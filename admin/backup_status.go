package admin

import (
	"fmt"
	"time"

	"github.com/newsroom/newsroom/lang"
)

// backupStatus says, in the user's language, how the scheduled backups are
// set up and what the last one did. Why one failed stays in the server log.
func (a *Admin) backupStatus(l *lang.Lang) []string {
	if a.backups == nil {
		return []string{l.T("backup.off")}
	}
	st := a.backups()
	lines := []string{l.T("backup.schedule", "Every", st.Every.String(), "Dir", st.Dir, "Keep", l.Number(st.Keep))}
	when := func(t time.Time) string {
		if t.IsZero() {
			return l.T("backup.never")
		}
		return l.DateTime(t)
	}
	switch {
	case st.At.IsZero():
		lines = append(lines, l.T("backup.none_yet", "Next", when(st.Next)))
	case st.OK():
		lines = append(lines, l.T("backup.ok", "At", when(st.At), "File", st.File,
			"Size", fmt.Sprintf("%.1f MB", float64(st.Bytes)/1e6), "Took", st.Took.Round(time.Second).String()))
	default:
		lines = append(lines, l.T("backup.failed", "At", when(st.At), "Good", when(st.LastGood)))
	}
	return lines
}
