package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/regexp"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// mappingVersion names the shape of the index: fields, analyzers and how
// documents are laid out. Bump it whenever any of that changes, and Open will
// throw an older index away so the caller re-feeds it from MongoDB.
const mappingVersion = "newsroom-search-1"

// versionKey is the internal (non-document) key holding mappingVersion.
var versionKey = []byte("newsroom.mapping.version")

// Names of the pieces of analysis defined in the mapping.
const (
	scriptTokenizer = "newsroom_script"
	cjkAnalyzer     = "newsroom_cjk"
)

// scriptPattern cuts text into runs of one kind of script: a run of
// Hangul/Han/Kana, or a run of other letters and digits. Bleve's unicode
// tokenizer follows UAX #29, which keeps "MOU를" as one word; Korean attaches
// particles to Latin acronyms all the time, so the acronym would then never
// match on its own. Splitting at the script change gives "MOU" + "를".
const scriptPattern = `[\p{Hangul}\p{Han}\p{Hiragana}\p{Katakana}]+|[^\p{Hangul}\p{Han}\p{Hiragana}\p{Katakana}\s\p{P}\p{S}\p{C}]+`

// fieldSet is the suffix of the text fields of one analyzer family. English
// has its own stemming analyzer; every other language (Korean first) goes
// through the script-aware CJK bigram analyzer, which does no stemming but is
// correct for any script.
type fieldSet string

const (
	setEN  fieldSet = "en"
	setCJK fieldSet = "cjk"
)

func fieldSetFor(lang string) fieldSet {
	if lang == "en" {
		return setEN
	}
	return setCJK
}

func (s fieldSet) analyzer() string {
	if s == setEN {
		return en.AnalyzerName
	}
	return cjkAnalyzer
}

// Text fields, each suffixed with "_"+fieldSet in the index.
const (
	fHeadline = "headline"
	fDeck     = "deck"
	fBody     = "body"
	fTags     = "tags"
	fByline   = "byline"
)

// Keyword and numeric fields shared by all languages.
const (
	fLang      = "lang"
	fSection   = "section"
	fPublished = "published" // Unix seconds
)

func field(name string, s fieldSet) string { return name + "_" + string(s) }

func newMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	// BM25 normalises for length better than TF-IDF: a 5 KB body that says
	// "robot" once should not beat a short one about robots.
	im.ScoringModel = index.BM25Scoring
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	if err := im.AddCustomTokenizer(scriptTokenizer, map[string]any{
		"type":   regexp.Name,
		"regexp": scriptPattern,
	}); err != nil {
		return nil, err
	}
	if err := im.AddCustomAnalyzer(cjkAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     scriptTokenizer,
		"token_filters": []any{cjk.WidthName, lowercase.Name, cjk.BigramName},
	}); err != nil {
		return nil, err
	}

	dm := bleve.NewDocumentStaticMapping()
	for _, s := range []fieldSet{setEN, setCJK} {
		for _, name := range []string{fHeadline, fDeck, fBody, fTags, fByline} {
			f := bleve.NewTextFieldMapping()
			f.Analyzer = s.analyzer()
			f.IncludeInAll = false
			f.IncludeTermVectors = true // phrases and highlighting need positions
			f.DocValues = false
			// Headline, deck and body come back with hits for highlighting.
			f.Store = name == fHeadline || name == fDeck || name == fBody
			dm.AddFieldMappingsAt(field(name, s), f)
		}
	}
	for _, name := range []string{fLang, fSection} {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		dm.AddFieldMappingsAt(name, f)
	}
	pub := bleve.NewNumericFieldMapping()
	pub.Store = false
	pub.IncludeInAll = false
	pub.DocValues = false
	dm.AddFieldMappingsAt(fPublished, pub)

	im.DefaultMapping = dm
	return im, im.Validate()
}
