package photos

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/newsroom/newsroom/story"
)

// Details are what the newsroom edits of a photo.
type Details struct {
	Caption, Alt, Credit story.Text
	FocusX, FocusY       float64
}

// maxTextLen bounds a caption, alt text or credit, in bytes.
const maxTextLen = 2000

// MsgTextTooLong is the message ID for a caption, alt text or credit over
// the limit.
const MsgTextTooLong = "photos.error.text_too_long"

// Update saves new details of photo id. A changed focal point gives the
// photo's thumbnails new URLs.
func (l *Library) Update(ctx context.Context, id string, d Details) (*Photo, error) {
	p, err := l.lookup(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, t := range []story.Text{d.Caption, d.Alt, d.Credit} {
		for _, s := range t {
			if len(s) > maxTextLen {
				return nil, &FieldError{ID: MsgTextTooLong, Args: []any{"Max", maxTextLen}}
			}
		}
	}
	q := *p
	q.Caption, q.Alt, q.Credit = clean(d.Caption), clean(d.Alt), clean(d.Credit)
	fx, fy := unit(d.FocusX), unit(d.FocusY)
	if math.Abs(fx-p.FocusX) > 1e-4 || math.Abs(fy-p.FocusY) > 1e-4 {
		q.FocusX, q.FocusY = fx, fy
		q.CropRev++
	}
	q.UpdatedAt = l.now().UTC()
	if err := l.st.PutPhoto(ctx, &q); err != nil {
		return nil, fmt.Errorf("photos: update %s: %w", id, err)
	}
	l.remember(&q)
	if q.CropRev != p.CropRev {
		l.dropThumbs(id, q.CropRev)
	}
	l.changed(id)
	return &q, nil
}

// FieldError is a refusal of an edit, with a message ID and its arguments.
type FieldError struct {
	ID   string
	Args []any
}

func (e *FieldError) Error() string { return "photos: " + e.ID }

// clean trims each language's text and drops empty ones.
func clean(t story.Text) story.Text {
	out := story.Text{}
	for k, v := range t {
		if v = strings.TrimSpace(v); v != "" {
			out[k] = v
		}
	}
	return out
}

// unit keeps a focal point coordinate within the photo.
func unit(v float64) float64 {
	if math.IsNaN(v) {
		return 0.5
	}
	return min(max(v, 0), 1)
}
