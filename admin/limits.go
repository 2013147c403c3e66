package admin

// Field limits, in characters. A field over its limit is refused with a
// message next to it, never cut.
const (
	maxName       = 100
	maxHeadline   = 200
	maxDeck       = 300
	maxSummary    = 600
	maxBody       = 100_000
	maxCorrection = 1_000
	maxTags       = 20
	maxTag        = 40
	maxTagsField  = maxTags * (maxTag + 2)
	maxHandle     = 40
)
