package lang

import (
	"fmt"
	"sync/atomic"
	texttemplate "text/template"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	i18ntemplate "github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Lang is one configured language: its localizer, number printer and the
// names its dates use. It is read-only after New and safe for concurrent use;
// templates receive it as .L and call .L.T "page.article.updated".
type Lang struct {
	Code string
	Tag  language.Tag

	loc       *atomic.Pointer[time.Location] // the Set's
	localizer *i18n.Localizer
	printer   *message.Printer
	names     names
}

// T returns the message id in this language. args are key/value pairs for
// the message template: T("notice.only_in", "Lang", "English"). Values are
// shown as given (a year stays 2026, not 2,026); use Number for counts.
//
// A message missing in this language comes from the default language; a
// message missing everywhere, or one whose template fails, comes back as id
// itself, so a page shows what to fix instead of a blank.
func (l *Lang) T(id string, args ...any) string {
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: pairs(args, 0)})
}

// N returns the plural form of message id for count, chosen by the language's
// plural rules. The template sees {{.Count}} formatted with Number, plus args
// as key/value pairs as in T.
func (l *Lang) N(id string, count int, args ...any) string {
	data := pairs(args, 1)
	data["Count"] = l.Number(count)
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
}

// Number formats n with the language's digit grouping: 20,000.
func (l *Lang) Number(n int) string { return l.printer.Sprintf("%d", n) }

// Name returns the language's name in itself ("한국어", "English").
func (l *Lang) Name() string { return l.T("lang.name") }

// OGLocale returns the language's Open Graph locale ("ko_KR", "en_US").
func (l *Lang) OGLocale() string { return l.T("lang.og_locale") }

// Funcs returns the functions that messages and page templates may call
// beside the data they are given: {{particle .Number "을"}} (see Particle;
// the word may be a number or anything fmt prints).
func Funcs() texttemplate.FuncMap {
	return texttemplate.FuncMap{"particle": func(word any, p string) string { return Particle(fmt.Sprint(word), p) }}
}

// messageParser parses every message with Funcs. go-i18n caches a
// message's parse only for parsers without functions, since it cannot know
// they never change; ours never do, so it may.
type messageParser struct{ i18ntemplate.TextParser }

func (messageParser) Cacheable() bool { return true }

var parser = &messageParser{i18ntemplate.TextParser{Funcs: Funcs()}}

func (l *Lang) localize(lc *i18n.LocalizeConfig) string {
	lc.TemplateParser = parser
	// go-i18n returns the default language's text together with a
	// MessageNotFoundErr when it had to fall back; the text is what we want.
	// Empty text means the message is missing everywhere or its template broke.
	s, _ := l.localizer.Localize(lc)
	if s == "" {
		return lc.MessageID
	}
	return s
}

// pairs turns key/value arguments into template data, with room for extra
// keys. A key that is not a string is printed with fmt; an odd last argument
// has no key and is dropped rather than panicking in a template.
func pairs(args []any, extra int) map[string]any {
	if len(args) == 0 && extra == 0 {
		return nil
	}
	m := make(map[string]any, len(args)/2+extra)
	for i := 0; i+1 < len(args); i += 2 {
		k, ok := args[i].(string)
		if !ok {
			k = fmt.Sprint(args[i])
		}
		m[k] = args[i+1]
	}
	return m
}
