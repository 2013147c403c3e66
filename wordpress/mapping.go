package wordpress

import (
	"fmt"
	"io"
	"strconv"

	"github.com/BurntSushi/toml"
)

// ReadMapping reads a mapping file (TOML) as WriteMapping writes it.
func ReadMapping(r io.Reader) (Mapping, error) {
	var m Mapping
	md, err := toml.NewDecoder(io.LimitReader(r, 4<<20)).Decode(&m)
	if err != nil {
		return m, fmt.Errorf("mapping file: %w", err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		return m, fmt.Errorf("mapping file: unknown key %s", un[0])
	}
	return m, nil
}

// WriteMapping writes the decisions of a dry run as a mapping file to edit
// and give to the import with --mapping.
func WriteMapping(w io.Writer, r *Report, pagesSection, defaultSection string) error {
	q := strconv.Quote
	fmt.Fprintln(w, "# Decisions for `newsroom import wordpress --mapping FILE`, proposed by a dry run.")
	fmt.Fprintln(w, "# Change a value on the right; keep the keys on the left (WordPress's).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "# The section for WordPress pages, and for posts without a category.")
	fmt.Fprintf(w, "pages_section = %s\ndefault_section = %s\n\n", q(pagesSection), q(defaultSection))
	fmt.Fprintln(w, "# WordPress category slug = section slug. Categories paired across languages share one section.")
	fmt.Fprintln(w, "[sections]")
	for _, k := range sortedKeys(r.SectionMap) {
		fmt.Fprintf(w, "%s = %s\n", q(k), q(r.SectionMap[k]))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "# WordPress login (or Co-Authors Plus guest author) = reporter handle.")
	fmt.Fprintln(w, "[authors]")
	for _, k := range sortedKeys(r.AuthorMap) {
		fmt.Fprintf(w, "%s = %s\n", q(k), q(r.AuthorMap[k]))
	}
	_, err := fmt.Fprintln(w)
	return err
}
