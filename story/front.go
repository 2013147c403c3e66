package story

import "time"

// Front is the editors' choice for one language's front page: pinned
// stories in order (the first leads) and a breaking-news banner. Stories
// not pinned follow newest first.
type Front struct {
	Pins   []Pin  `bson:"pins,omitempty"`
	Banner Banner `bson:"banner,omitempty"`
	// Revision counts the saves; a save names the revision it started
	// from, so two editors cannot silently undo each other's choice.
	Revision  int       `bson:"revision"`
	UpdatedBy string    `bson:"updated_by,omitempty"`
	UpdatedAt time.Time `bson:"updated_at,omitempty"`
}

// Pin is a story held in a slot of the front page, until Until (zero: until
// unpinned).
type Pin struct {
	Number int       `bson:"number"`
	Until  time.Time `bson:"until,omitempty"`
}

// Banner is a one-line breaking-news notice over every page of a language,
// linking to a story or another address, shown until Until (zero: until
// taken down).
type Banner struct {
	Text  string    `bson:"text,omitempty"`
	Href  string    `bson:"href,omitempty"`
	Until time.Time `bson:"until,omitempty"`
}

// MaxPins bounds the pinned slots: the lead and the stories beside it.
const MaxPins = 6

// Active reports whether a pin or banner with this expiry holds at now.
func active(until, now time.Time) bool { return until.IsZero() || now.Before(until) }

// Active reports whether the banner shows at now.
func (b Banner) Active(now time.Time) bool { return b.Text != "" && active(b.Until, now) }

// PinsAt returns the numbers of the pins still in force at now, in order.
func (f Front) PinsAt(now time.Time) []int {
	var out []int
	for _, p := range f.Pins {
		if active(p.Until, now) {
			out = append(out, p.Number)
		}
	}
	return out
}

// NextChange is the earliest expiry after now of a pin or the banner (zero:
// none), when the page readers see changes by itself.
func (f Front) NextChange(now time.Time) time.Time {
	var next time.Time
	consider := func(t time.Time) {
		if t.After(now) && (next.IsZero() || t.Before(next)) {
			next = t
		}
	}
	for _, p := range f.Pins {
		consider(p.Until)
	}
	if f.Banner.Text != "" {
		consider(f.Banner.Until)
	}
	return next
}
