// Package lang owns the paper's languages: the go-i18n bundle loaded from the
// locale files, one localizer per configured language, Accept-Language
// negotiation, and number and date formatting in the reader's language and the
// paper's time zone.
//
// Nothing here knows a particular language. Date patterns, month and weekday
// names, AM/PM words and a language's own name are messages in its locale
// file, so adding a language is configuration plus a file.
package lang

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Set is the paper's configured languages, built once at start and shared by
// every request; it is read-only after New and safe for concurrent use.
type Set struct {
	codes   []string
	def     atomic.Pointer[string] // settings may change it
	langs   map[string]*Lang
	matcher language.Matcher
	loc     *atomic.Pointer[time.Location] // shared with every Lang; settings may change it
}

// New loads every "*.<code>.toml" in fsys for each code, builds one go-i18n
// bundle and one Lang per code. def is the default language: messages missing
// in another language fall back to it. tz is the paper's time zone, in which
// every date is shown.
//
// New fails when a code is not a valid BCP 47 tag, has no locale file, or its
// own files lack a message the date formatting or the language switcher needs
// (see requiredIDs): falling back to another language's month names would
// print a wrong date, so that is caught at start.
func New(fsys fs.FS, codes []string, def string, tz *time.Location) (*Set, error) {
	if len(codes) == 0 {
		return nil, fmt.Errorf("lang: no languages configured")
	}
	if tz == nil {
		return nil, fmt.Errorf("lang: no time zone")
	}
	if !slices.Contains(codes, def) {
		return nil, fmt.Errorf("lang: default language %q is not among the configured languages %v", def, codes)
	}
	tags := make([]language.Tag, len(codes))
	for i, code := range codes {
		tag, err := language.Parse(code)
		if err != nil {
			return nil, fmt.Errorf("lang: language code %q: %w", code, err)
		}
		if slices.Contains(codes[:i], code) {
			return nil, fmt.Errorf("lang: language %q configured twice", code)
		}
		tags[i] = tag
	}

	bundle := i18n.NewBundle(tags[slices.Index(codes, def)])
	unmarshal := map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}
	for i, code := range codes {
		if err := loadLanguage(bundle, fsys, code, tags[i], unmarshal); err != nil {
			return nil, err
		}
	}

	loc := new(atomic.Pointer[time.Location])
	loc.Store(tz)
	s := &Set{
		codes:   slices.Clone(codes),
		langs:   make(map[string]*Lang, len(codes)),
		matcher: language.NewMatcher(tags),
		loc:     loc,
	}
	s.def.Store(&def)
	for i, code := range codes {
		l := &Lang{
			Code:      code,
			Tag:       tags[i],
			loc:       loc,
			localizer: i18n.NewLocalizer(bundle, code),
			printer:   message.NewPrinter(tags[i]),
		}
		l.names = l.loadNames()
		s.langs[code] = l
	}
	return s, nil
}

// loadLanguage adds every "*.<code>.toml" file of fsys to the bundle under tag
// and checks that they define the messages every language must have itself.
func loadLanguage(bundle *i18n.Bundle, fsys fs.FS, code string, tag language.Tag, unmarshal map[string]i18n.UnmarshalFunc) error {
	files, err := fs.Glob(fsys, "*."+code+".toml")
	if err != nil {
		return fmt.Errorf("lang: %s: listing locale files: %w", code, err)
	}
	if len(files) == 0 {
		return fmt.Errorf("lang: %s: no locale file *.%s.toml", code, code)
	}
	have := map[string]bool{}
	for _, name := range files {
		buf, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("lang: %s: %w", code, err)
		}
		mf, err := i18n.ParseMessageFileBytes(buf, path.Base(name), unmarshal)
		if err != nil {
			return fmt.Errorf("lang: %s: parsing %s: %w", code, name, err)
		}
		if err := bundle.AddMessages(tag, mf.Messages...); err != nil {
			return fmt.Errorf("lang: %s: adding %s: %w", code, name, err)
		}
		for _, m := range mf.Messages {
			have[m.ID] = true
		}
	}
	var missing []string
	for _, id := range requiredIDs() {
		if !have[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("lang: %s: locale files *.%s.toml lack %s (every language needs its own dates and name)",
			code, code, strings.Join(missing, ", "))
	}
	return nil
}

// Codes returns the configured language codes in configured order.
func (s *Set) Codes() []string { return slices.Clone(s.codes) }

// Default returns the default language code.
func (s *Set) Default() string { return *s.def.Load() }

// SetDefault changes the default language (the settings page) to code, which
// must be configured. Message fallbacks stay with the starting default: every
// language's locale files are complete (a test makes sure).
func (s *Set) SetDefault(code string) error {
	if !slices.Contains(s.codes, code) {
		return fmt.Errorf("lang: default language %q is not among the configured languages %v", code, s.codes)
	}
	s.def.Store(&code)
	return nil
}

// Get returns the language for code, or nil when code is not configured.
func (s *Set) Get(code string) *Lang { return s.langs[code] }

// Location returns the paper's time zone.
func (s *Set) Location() *time.Location { return s.loc.Load() }

// SetLocation changes the paper's time zone for every language at once (the
// settings page); pages already rendered keep the old one until rebuilt.
func (s *Set) SetLocation(tz *time.Location) { s.loc.Store(tz) }

// Match returns the configured code that best fits an Accept-Language header,
// or the default when nothing fits or the header cannot be parsed.
func (s *Set) Match(acceptLanguage string) string {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return s.Default()
	}
	_, i, conf := s.matcher.Match(tags...)
	if conf == language.No {
		return s.Default()
	}
	return s.codes[i]
}

// Prefer returns the language a person asked for by code (an account's
// setting) when it is configured, else the best match for their browser's
// Accept-Language, else the default.
func (s *Set) Prefer(code, acceptLanguage string) *Lang {
	if l := s.Get(code); l != nil {
		return l
	}
	return s.Get(s.Match(acceptLanguage))
}
