// Package glossary holds the paper's bilingual list of names and terms —
// people with the titles they carry, organizations, places, recurring terms
// — finds them in Korean and English text, and checks a translation against
// the agreed renderings. A Glossary is an immutable snapshot, cheap to
// search and safe for any number of concurrent readers; editing the list
// means building a new snapshot.
package glossary

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Kind is what an entry names.
type Kind string

// The kinds of entries.
const (
	Person       Kind = "person"
	Organization Kind = "organization"
	Place        Kind = "place"
	Term         Kind = "term"
)

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	switch k {
	case Person, Organization, Place, Term:
		return true
	}
	return false
}

// Entry is one name or term with its agreed rendering in each language.
type Entry struct {
	ID   string
	Kind Kind
	// Terms is the agreed rendering per language: ko "김현겸", en "Hyun-kyum Kim".
	Terms map[string]string
	// Variants are other spellings per language that name the same thing
	// when found in a source text (en "H.K. Kim"), and that a translation
	// should not use instead of the agreed term.
	Variants map[string][]string
	// Title is the title a person carries, per language: "회장" / "President".
	Title     map[string]string
	Note      string
	UpdatedBy string
	UpdatedAt time.Time
}

// ErrInvalid marks an entry that cannot be stored; errors.Is finds it in
// the errors Validate returns.
var ErrInvalid = errors.New("glossary: invalid entry")

// FieldError says which field of an entry is wrong, with a message ID for
// the form to translate (e.g. "form.glossary.term_required").
type FieldError struct {
	Field     string
	MessageID string
}

func (e *FieldError) Error() string { return fmt.Sprintf("glossary: %s: %s", e.Field, e.MessageID) }

// Is makes every FieldError match ErrInvalid.
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// Validate checks that the entry has a known kind and at least one term.
func (e *Entry) Validate() error {
	if !e.Kind.Valid() {
		return &FieldError{Field: "kind", MessageID: "form.glossary.kind_invalid"}
	}
	for _, t := range e.Terms {
		if strings.TrimSpace(t) != "" {
			return nil
		}
	}
	return &FieldError{Field: "terms", MessageID: "form.glossary.term_required"}
}

// Cleaned returns e with spaces trimmed from its terms, titles and
// variants, and empty or repeated ones dropped, ready to store.
func (e Entry) Cleaned() Entry {
	c := *e.clone()
	c.Note = strings.TrimSpace(c.Note)
	for _, m := range []map[string]string{c.Terms, c.Title} {
		for lang, t := range m {
			if t = strings.TrimSpace(t); t == "" {
				delete(m, lang)
			} else {
				m[lang] = t
			}
		}
	}
	for lang, vs := range c.Variants {
		var keep []string
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" && v != c.Terms[lang] && !slices.Contains(keep, v) {
				keep = append(keep, v)
			}
		}
		if len(keep) == 0 {
			delete(c.Variants, lang)
		} else {
			c.Variants[lang] = keep
		}
	}
	return c
}

// Slug makes an ID for a new entry from its kind and its Korean and English
// terms ("person-김현겸-hyun-kyum-kim"), or its other terms when it has
// neither. The ID is fixed once stored: correcting a romanization later
// keeps the entry's ID.
func (e *Entry) Slug() string {
	var parts []string
	add := func(s string) {
		var b strings.Builder
		dash := false
		for _, r := range strings.ToLower(s) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				if dash && b.Len() > 0 {
					b.WriteByte('-')
				}
				b.WriteRune(r)
				dash = false
			} else {
				dash = true
			}
		}
		if b.Len() > 0 {
			parts = append(parts, b.String())
		}
	}
	add(string(e.Kind))
	n := len(parts)
	add(e.Terms["ko"])
	add(e.Terms["en"])
	if len(parts) == n {
		for _, lang := range slices.Sorted(maps.Keys(e.Terms)) {
			add(e.Terms[lang])
		}
	}
	return strings.Join(parts, "-")
}

// clone copies e deeply, so a snapshot never shares maps with its caller.
func (e Entry) clone() *Entry {
	c := e
	c.Terms = maps.Clone(e.Terms)
	c.Title = maps.Clone(e.Title)
	if e.Variants != nil {
		c.Variants = make(map[string][]string, len(e.Variants))
		for lang, vs := range e.Variants {
			c.Variants[lang] = slices.Clone(vs)
		}
	}
	return &c
}

// Glossary is an immutable snapshot of the glossary with an index per
// language for Find. Build it with New; never modify the entries it hands
// out.
type Glossary struct {
	entries []*Entry
	byID    map[string]*Entry
	tries   map[string]*node // language → index of terms and variants
}

// New builds a snapshot from entries (copied, so the caller may reuse them).
func New(entries []Entry) *Glossary {
	g := &Glossary{byID: map[string]*Entry{}, tries: map[string]*node{}}
	for _, e := range entries {
		c := e.clone()
		g.entries = append(g.entries, c)
		if c.ID != "" {
			g.byID[c.ID] = c
		}
		for lang, t := range c.Terms {
			g.add(lang, t, c, false)
		}
		for lang, vs := range c.Variants {
			for _, v := range vs {
				g.add(lang, v, c, true)
			}
		}
	}
	return g
}

// Entries returns the snapshot's entries in the order given to New.
func (g *Glossary) Entries() []*Entry { return slices.Clone(g.entries) }

// Entry returns the entry with the given ID.
func (g *Glossary) Entry(id string) (*Entry, bool) {
	e, ok := g.byID[id]
	return e, ok
}
