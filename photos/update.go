package photos

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// Details are a change to what the newsroom edits of a photo. Only what
// is given changes: in each text, a language present is set (empty text
// clears it) and the others are kept; a nil Focus keeps the focal point.
type Details struct {
	Caption, Alt, Credit story.Text
	Focus                *Focus
}

// Focus is a focal point, as fractions of the width and height from the
// top left.
type Focus struct{ X, Y float64 }

// maxTextLen bounds a caption, alt text or credit, in bytes.
const maxTextLen = 2000

// MsgTextTooLong is the message ID for a caption, alt text or credit over
// the limit.
const MsgTextTooLong = "photos.error.text_too_long"

// Update saves the details d gives of photo id, and only those: what
// another editor changed meanwhile in other languages or fields stays. A
// changed focal point gives the photo's thumbnails new URLs.
func (l *Library) Update(ctx context.Context, id string, d Details) (*Photo, error) {
	p, err := l.lookup(ctx, id)
	if err != nil {
		return nil, err
	}
	var ch store.PhotoChange
	for field, t := range map[string]story.Text{"caption": d.Caption, "alt": d.Alt, "credit": d.Credit} {
		for code, s := range t {
			if !l.knownLang(code) {
				continue // not a language of the paper: nothing shows it
			}
			if len(s) > maxTextLen {
				return nil, &FieldError{ID: MsgTextTooLong, Args: []any{"Max", maxTextLen}}
			}
			ch.Text = append(ch.Text, store.PhotoText{Field: field, Lang: code, Text: strings.TrimSpace(s)})
		}
	}
	if d.Focus != nil {
		fx, fy := unit(d.Focus.X), unit(d.Focus.Y)
		if math.Abs(fx-p.FocusX) > 1e-4 || math.Abs(fy-p.FocusY) > 1e-4 {
			ch.Focus = &[2]float64{fx, fy}
		}
	}
	ch.At = l.now().UTC()
	// The embedded server's updates are not atomic, and it serves one
	// process: edits of one photo take turns here.
	unlock := l.lockFill("edit/" + id)
	defer unlock()
	q, err := l.st.UpdatePhoto(ctx, id, ch)
	if err != nil {
		return nil, fmt.Errorf("photos: update %s: %w", id, err)
	}
	l.remember(q)
	if q.CropRev != p.CropRev {
		l.dropThumbs(id, q.CropRev)
	}
	l.changed(id)
	return q, nil
}

// FieldError is a refusal of an edit, with a message ID and its arguments.
type FieldError struct {
	ID   string
	Args []any
}

func (e *FieldError) Error() string { return "photos: " + e.ID }

// unit keeps a focal point coordinate within the photo.
func unit(v float64) float64 {
	if math.IsNaN(v) {
		return 0.5
	}
	return min(max(v, 0), 1)
}

var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[a-zA-Z0-9]{1,8})*$`)

// knownLang reports whether code is one of the paper's languages (any
// well-formed code when the library has no language set).
func (l *Library) knownLang(code string) bool {
	if l.langs != nil {
		return l.langs.Get(code) != nil
	}
	return langCode.MatchString(code)
}
