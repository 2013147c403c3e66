package lang

import (
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// The message IDs dates are built from. They are literal tables, not
// fmt.Sprintf, so the locales completeness test sees each ID used.
var (
	monthIDs = [12]string{
		"date.month.1", "date.month.2", "date.month.3", "date.month.4",
		"date.month.5", "date.month.6", "date.month.7", "date.month.8",
		"date.month.9", "date.month.10", "date.month.11", "date.month.12",
	}
	// Indexed by time.Weekday: 0 is Sunday.
	weekdayIDs = [7]string{
		"date.weekday.0", "date.weekday.1", "date.weekday.2", "date.weekday.3",
		"date.weekday.4", "date.weekday.5", "date.weekday.6",
	}
)

const (
	amID       = "date.period.am"
	pmID       = "date.period.pm"
	dateTimeID = "format.datetime"
	dateID     = "format.date"
)

// requiredIDs lists the messages every language must define in its own
// files: everything a date or the language switcher shows.
func requiredIDs() []string {
	ids := []string{dateTimeID, dateID, amID, pmID, "lang.name", "lang.og_locale"}
	ids = append(ids, monthIDs[:]...)
	return append(ids, weekdayIDs[:]...)
}

// names are a language's month, weekday and period words, looked up once at
// New since they never change.
type names struct {
	months   [12]string
	weekdays [7]string
	am, pm   string
}

func (l *Lang) loadNames() names {
	var n names
	for i, id := range monthIDs {
		n.months[i] = l.T(id)
	}
	for i, id := range weekdayIDs {
		n.weekdays[i] = l.T(id)
	}
	n.am, n.pm = l.T(amID), l.T(pmID)
	return n
}

// DateFields are what format.datetime and format.date templates may use,
// all in the paper's time zone.
type DateFields struct {
	Year      int
	Month     int    // 1-12
	Month2    string // "01"-"12"
	MonthName string // date.month.<Month>
	Day       int
	Day2      string // "01"-"31"
	Weekday   string // date.weekday.<0-6>, 0 is Sunday
	Hour      int    // 0-23
	Hour2     string // "00"-"23"
	Hour12    int    // 1-12
	Minute    string // "00"-"59", always two digits
	Period    string // date.period.am or date.period.pm
}

// Fields returns t's date fields in the paper's time zone and this language.
func (l *Lang) Fields(t time.Time) DateFields {
	t = t.In(l.loc.Load())
	h := t.Hour()
	f := DateFields{
		Year:      t.Year(),
		Month:     int(t.Month()),
		Month2:    t.Format("01"),
		MonthName: l.names.months[t.Month()-1],
		Day:       t.Day(),
		Day2:      t.Format("02"),
		Weekday:   l.names.weekdays[t.Weekday()],
		Hour:      h,
		Hour2:     t.Format("15"),
		Hour12:    (h+11)%12 + 1,
		Minute:    t.Format("04"),
		Period:    l.names.am,
	}
	if h >= 12 {
		f.Period = l.names.pm
	}
	return f
}

// DateTime formats t in the paper's time zone with the language's
// format.datetime: "2026년 11월 24일(화) 오후 3:05", "Nov. 24, 2026, 3:05 p.m.".
func (l *Lang) DateTime(t time.Time) string { return l.formatDate(dateTimeID, t) }

// Date formats t's day in the paper's time zone with the language's
// format.date: "2026년 11월 24일(화)", "Nov. 24, 2026".
func (l *Lang) Date(t time.Time) string { return l.formatDate(dateID, t) }

// ISO formats t as RFC 3339 in the paper's time zone, for <time datetime>.
func (l *Lang) ISO(t time.Time) string { return t.In(l.loc.Load()).Format(time.RFC3339) }

func (l *Lang) formatDate(id string, t time.Time) string {
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: l.Fields(t)})
}
