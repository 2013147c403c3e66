package admin

import (
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/lang"
)

// fields reads a posted form field by field, keeping what the user typed
// exactly as typed (to show it again) and collecting a localized message per
// field that is refused. Nothing is ever cut short: a field over its limit
// is refused and shown again whole.
type fields struct {
	c    *gin.Context
	l    *lang.Lang
	Errs map[string]string
}

func newFields(c *gin.Context, l *lang.Lang) *fields {
	return &fields{c: c, l: l, Errs: map[string]string{}}
}

// text returns field name, checking that it is valid UTF-8, at most
// maxRunes characters and, if required, not blank. Only the first value of
// a repeated field counts; a field sent as name[$ne] is another name and is
// never read.
func (f *fields) text(name string, maxRunes int, required bool) string {
	v := f.c.PostForm(name)
	switch n := utf8.RuneCountInString(v); {
	case !utf8.ValidString(v):
		f.fail(name, f.l.T("admin.form.invalid_text"))
	case required && strings.TrimSpace(v) == "":
		f.fail(name, f.l.T("admin.form.required"))
	case n > maxRunes:
		f.fail(name, f.l.T("admin.form.too_long", "Max", f.l.Number(maxRunes), "Count", f.l.Number(n)))
	}
	return v
}

// fail records a message for field name unless it already has one.
func (f *fields) fail(name, msg string) {
	if _, ok := f.Errs[name]; !ok {
		f.Errs[name] = msg
	}
}

func (f *fields) ok() bool { return len(f.Errs) == 0 }
