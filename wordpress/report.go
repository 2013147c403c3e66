package wordpress

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// ProblemKind names a kind of problem; the report counts them per kind.
type ProblemKind string

// The problems an import reports.
const (
	ProblemFile             ProblemKind = "file"              // a file that could not be read to the end
	ProblemTooLarge         ProblemKind = "too_large"         // an item over a size limit, skipped
	ProblemTitleLong        ProblemKind = "title_long"        // a title shortened
	ProblemSlugLong         ProblemKind = "slug_long"         // a slug shortened
	ProblemDuplicateID      ProblemKind = "duplicate_id"      // a second item with an id already seen, skipped
	ProblemNoID             ProblemKind = "no_id"             // an item without a usable id, skipped
	ProblemDuplicateSlug    ProblemKind = "duplicate_slug"    // a slug taken in its language, numbered
	ProblemUnknownShortcode ProblemKind = "unknown_shortcode" // a shortcode removed, its content kept
	ProblemMissingMedia     ProblemKind = "missing_media"     // a photo that could not be had
	ProblemOrphan           ProblemKind = "orphan_translation"
	ProblemPairConflict     ProblemKind = "pair_conflict"    // two posts of one pair in the same language
	ProblemSerialized       ProblemKind = "bad_serialized"   // a PHP-serialized value that does not decode
	ProblemLanguage         ProblemKind = "unknown_language" // a post in a language the paper does not have
	ProblemPassword         ProblemKind = "password_protected"
	ProblemPrivate          ProblemKind = "private"
	ProblemNoEmail          ProblemKind = "author_without_email"
	ProblemEdited           ProblemKind = "edited_since" // changed in Newsroom since the last import: not overwritten
	ProblemWrite            ProblemKind = "write_failed"
)

// Problem is one thing the import could not do as asked.
type Problem struct {
	Kind   ProblemKind
	Item   int    // WordPress id, 0 when none
	Detail string // what exactly, for the examples
}

func (p Problem) String() string {
	s := string(p.Kind)
	if p.Item != 0 {
		s += fmt.Sprintf(" (id %d)", p.Item)
	}
	if p.Detail != "" {
		s += ": " + p.Detail
	}
	return s
}

// maxExamples bounds the examples kept per kind of problem.
const maxExamples = 5

// Report is what an import did, or in a dry run would do.
type Report struct {
	DryRun bool
	// Stories per language, stories with two languages, and the rest.
	Stories      map[string]int
	Pairs        int
	Updated      int
	Unchanged    int
	People       int
	Accounts     int
	Sections     int
	Tags         int
	Photos       int
	PhotosReused int
	Comments     int
	Redirects    int
	// Decisions the mapping file holds: WordPress category → section,
	// author login → reporter handle.
	SectionMap map[string]string
	AuthorMap  map[string]string

	Problems map[ProblemKind]int
	Examples map[ProblemKind][]string
	// Shortcodes counts every unknown shortcode by name.
	Shortcodes map[string]int
	// Passworded lists password-protected posts (imported as drafts).
	Passworded []int
}

func newReport(dry bool) *Report {
	return &Report{DryRun: dry, Stories: map[string]int{}, SectionMap: map[string]string{}, AuthorMap: map[string]string{},
		Problems: map[ProblemKind]int{}, Examples: map[ProblemKind][]string{}, Shortcodes: map[string]int{}}
}

// add counts a problem and keeps it as an example while there are few.
func (r *Report) add(p Problem) {
	r.Problems[p.Kind]++
	if len(r.Examples[p.Kind]) < maxExamples {
		r.Examples[p.Kind] = append(r.Examples[p.Kind], p.String())
	}
}

// Total is the number of problems of all kinds.
func (r *Report) Total() int {
	n := 0
	for _, c := range r.Problems {
		n += c
	}
	return n
}

// Write prints the report for a person at a terminal.
func (r *Report) Write(w io.Writer) {
	verb := "created"
	if r.DryRun {
		verb = "would be created"
	}
	fmt.Fprintf(w, "What %s:\n", verb)
	for _, l := range sortedKeys(r.Stories) {
		fmt.Fprintf(w, "  stories in %-3s %d\n", l, r.Stories[l])
	}
	fmt.Fprintf(w, "  translation pairs (one story, two languages) %d\n", r.Pairs)
	if r.Updated+r.Unchanged > 0 {
		fmt.Fprintf(w, "  updated since the last import %d, unchanged %d\n", r.Updated, r.Unchanged)
	}
	fmt.Fprintf(w, "  people %d (accounts, disabled until invited: %d)\n", r.People, r.Accounts)
	fmt.Fprintf(w, "  sections %d, tags %d\n", r.Sections, r.Tags)
	fmt.Fprintf(w, "  photos %d (already imported: %d)\n", r.Photos, r.PhotosReused)
	fmt.Fprintf(w, "  comments %d, redirects %d\n", r.Comments, r.Redirects)
	fmt.Fprintln(w, "Decisions (change them in the mapping file):")
	for _, k := range sortedKeys(r.SectionMap) {
		fmt.Fprintf(w, "  category %s → section %s\n", k, r.SectionMap[k])
	}
	for _, k := range sortedKeys(r.AuthorMap) {
		fmt.Fprintf(w, "  author %s → reporter %s\n", k, r.AuthorMap[k])
	}
	if r.Total() == 0 {
		fmt.Fprintln(w, "Problems: none")
		return
	}
	fmt.Fprintf(w, "Problems (%d):\n", r.Total())
	for _, k := range sortedKeys(r.Problems) {
		fmt.Fprintf(w, "  %s: %d\n", k, r.Problems[ProblemKind(k)])
		for _, e := range r.Examples[ProblemKind(k)] {
			fmt.Fprintf(w, "    e.g. %s\n", e)
		}
	}
	if len(r.Shortcodes) > 0 {
		var parts []string
		for _, k := range sortedKeys(r.Shortcodes) {
			parts = append(parts, fmt.Sprintf("[%s] ×%d", k, r.Shortcodes[k]))
		}
		fmt.Fprintf(w, "  unknown shortcodes: %s\n", strings.Join(parts, ", "))
	}
	if len(r.Passworded) > 0 {
		fmt.Fprintf(w, "  password-protected posts imported as drafts: %v\n", r.Passworded)
	}
}

func sortedKeys[K ~string, V any](m map[K]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, string(k))
	}
	sort.Strings(out)
	return out
}
