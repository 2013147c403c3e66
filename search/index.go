// Package search is the readers' full-text search over published stories: an
// embedded Bleve index, one document per story language version, kept in sync
// by the application and rebuilt from MongoDB whenever it is lost.
//
// Korean (and any language but English) is indexed as overlapping
// two-syllable grams, after cutting text where the script changes (MOU를 →
// MOU, 를): compounds and particle-laden words are found by any part of two
// syllables or more, a query word matching as the run of its grams. English
// is stemmed. See Search for how queries are matched.
//
// After a bulk load, call Compact before serving searches.
package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
)

// Doc is one language version of a published story as the index sees it.
type Doc struct {
	Number      int
	Lang        string
	Headline    string
	Deck        string
	Body        string // plain text, markup already removed
	Tags        []string
	Byline      []string // reporters' display names in Lang
	Section     string
	PublishedAt time.Time
}

// ID is the index document id, "<number>-<lang>".
func (d Doc) ID() string { return docID(d.Number, d.Lang) }

func docID(number int, lang string) string { return strconv.Itoa(number) + "-" + lang }

func parseID(id string) (int, string, error) {
	num, lang, ok := strings.Cut(id, "-")
	if !ok {
		return 0, "", fmt.Errorf("search: malformed document id %q", id)
	}
	n, err := strconv.Atoi(num)
	if err != nil {
		return 0, "", fmt.Errorf("search: malformed document id %q: %w", id, err)
	}
	return n, lang, nil
}

// Index is a search index. It is safe for concurrent use.
type Index struct {
	bl bleve.Index
	// phraseLimit is how many bodies may hold all the grams of a word
	// before it is matched there by its grams in any order instead of as a
	// phrase (see Search).
	phraseLimit uint64
}

// defaultPhraseLimit keeps the phrase check in bodies under about 20 ms on
// a small shared machine, measured on BenchmarkSearch's corpus.
const defaultPhraseLimit = 2000

// batchSize bounds the documents in one Bleve batch: big enough to amortise
// segment creation, small enough to keep a 2-5 KB-per-story batch in a few MB.
const batchSize = 500

// Open opens the on-disk index at dir, which belongs to the index alone. If
// the index is missing, unreadable or was built with another mapping version,
// dir is deleted and an empty index created there; the caller tells the two
// apart by Count and re-feeds the index from the database.
func Open(dir string) (*Index, error) {
	clean := filepath.Clean(dir)
	if dir == "" || clean == "." || clean == "/" || clean == filepath.VolumeName(clean)+string(filepath.Separator) {
		return nil, fmt.Errorf("search: refusing to use %q as the index directory", dir)
	}
	bl, err := bleve.Open(dir)
	if err == nil {
		var v []byte
		v, err = bl.GetInternal(versionKey)
		if err == nil && string(v) == mappingVersion {
			return &Index{bl: bl, phraseLimit: defaultPhraseLimit}, nil
		}
		if err == nil {
			err = fmt.Errorf("mapping version %q, want %q", v, mappingVersion)
		}
		if cerr := bl.Close(); cerr != nil {
			err = errors.Join(err, cerr)
		}
	}
	// The index is disposable: anything short of a current, readable index is
	// rebuilt rather than repaired.
	if !errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		if rerr := os.RemoveAll(dir); rerr != nil {
			return nil, fmt.Errorf("search: remove unusable index %s (%v): %w", dir, err, rerr)
		}
	}
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("search: mapping: %w", err)
	}
	bl, err = bleve.New(dir, m)
	if err != nil {
		return nil, fmt.Errorf("search: create index %s: %w", dir, err)
	}
	return stamp(bl)
}

// OpenMemory returns an empty index held in memory, for tests.
func OpenMemory() (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("search: mapping: %w", err)
	}
	bl, err := bleve.NewMemOnly(m)
	if err != nil {
		return nil, fmt.Errorf("search: create memory index: %w", err)
	}
	return stamp(bl)
}

func stamp(bl bleve.Index) (*Index, error) {
	if err := bl.SetInternal(versionKey, []byte(mappingVersion)); err != nil {
		return nil, errors.Join(fmt.Errorf("search: record mapping version: %w", err), bl.Close())
	}
	return &Index{bl: bl, phraseLimit: defaultPhraseLimit}, nil
}

// Close releases the index; it must not be used afterwards.
func (ix *Index) Close() error {
	if err := ix.bl.Close(); err != nil {
		return fmt.Errorf("search: close: %w", err)
	}
	return nil
}

// Count returns the number of documents in the index.
func (ix *Index) Count() (uint64, error) {
	n, err := ix.bl.DocCount()
	if err != nil {
		return 0, fmt.Errorf("search: count: %w", err)
	}
	return n, nil
}

// Put adds or replaces the document for d's story and language.
func (ix *Index) Put(d Doc) error {
	if err := validate(d); err != nil {
		return err
	}
	if err := ix.bl.Index(d.ID(), fields(d)); err != nil {
		return fmt.Errorf("search: put %s: %w", d.ID(), err)
	}
	return nil
}

// PutBatch adds or replaces many documents, in batches, far faster than
// calling Put for each. On error some of the documents may be indexed.
func (ix *Index) PutBatch(docs []Doc) error {
	for start := 0; start < len(docs); start += batchSize {
		end := min(start+batchSize, len(docs))
		b := ix.bl.NewBatch()
		for _, d := range docs[start:end] {
			if err := validate(d); err != nil {
				return err
			}
			if err := b.Index(d.ID(), fields(d)); err != nil {
				return fmt.Errorf("search: batch put %s: %w", d.ID(), err)
			}
		}
		if err := ix.bl.Batch(b); err != nil {
			return fmt.Errorf("search: batch of %d from %s: %w", end-start, docs[start].ID(), err)
		}
	}
	return nil
}

// Compact merges the index into as few segments as it can, waiting until
// done. Call it after a bulk load (start-up catch-up, reindex): searching one
// segment instead of the dozens a bulk load leaves behind is several times
// faster, and the background merger would otherwise compete with the first
// searches for the CPU.
func (ix *Index) Compact(ctx context.Context) error {
	adv, err := ix.bl.Advanced()
	if err != nil {
		return fmt.Errorf("search: compact: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil // other index types have nothing to merge
	}
	if err := s.ForceMerge(ctx, nil); err != nil {
		return fmt.Errorf("search: compact: %w", err)
	}
	return nil
}

// reader is a snapshot of the index for looking at its terms.
type reader struct{ r index.IndexReader }

func (ix *Index) reader() (reader, error) {
	adv, err := ix.bl.Advanced()
	if err != nil {
		return reader{}, fmt.Errorf("search: index: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return reader{}, fmt.Errorf("search: index reader: %w", err)
	}
	return reader{r}, nil
}

func (rd reader) Close() error { return rd.r.Close() }

// common reports whether each of toks is in more than limit documents'
// field, so that more than limit documents may hold them all.
func (rd reader) common(toks analysis.TokenStream, field string, limit uint64) bool {
	for _, t := range toks {
		tfr, err := rd.r.TermFieldReader(context.Background(), t.Term, field, false, false, false)
		if err != nil {
			return false // the phrase is the exact choice; let it run
		}
		n := tfr.Count()
		tfr.Close()
		if n <= limit {
			return false
		}
	}
	return true
}

// Delete removes the document for a story language version; deleting one
// that is not there is not an error.
func (ix *Index) Delete(number int, lang string) error {
	if err := ix.bl.Delete(docID(number, lang)); err != nil {
		return fmt.Errorf("search: delete %s: %w", docID(number, lang), err)
	}
	return nil
}

func validate(d Doc) error {
	if d.Number <= 0 || d.Lang == "" {
		return fmt.Errorf("search: document needs a number and a language, got %d %q", d.Number, d.Lang)
	}
	return nil
}

// fields lays a Doc out as the mapping expects: text fields suffixed with
// the analyzer family of its language.
func fields(d Doc) map[string]any {
	s := fieldSetFor(d.Lang)
	m := map[string]any{
		fLang:               d.Lang,
		fPublished:          float64(d.PublishedAt.Unix()),
		field(fHeadline, s): d.Headline,
		field(fDeck, s):     d.Deck,
		field(fBody, s):     d.Body,
	}
	if d.Section != "" {
		m[fSection] = d.Section
	}
	if len(d.Tags) > 0 {
		m[field(fTags, s)] = d.Tags
	}
	if len(d.Byline) > 0 {
		m[field(fByline, s)] = d.Byline
	}
	return m
}

// Progress is how far the index is from complete while it catches up with
// the database.
type Progress struct {
	Incomplete  bool // results may miss stories until a catch-up succeeds
	Done, Total int  // documents indexed so far by the catch-up under way
}
