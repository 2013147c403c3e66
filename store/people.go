package store

import (
	"context"
	"sort"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/story"
)

// Sections returns all sections in display order.
func (s *Store) Sections(ctx context.Context) ([]story.Section, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	cur, err := s.db.Collection("sections").Find(ctx, bson.D{})
	if err != nil {
		return nil, wrap("sections", err)
	}
	var out []story.Section
	if err := cur.All(ctx, &out); err != nil {
		return nil, wrap("sections", err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out, nil
}

// PutSection creates or replaces a section.
func (s *Store) PutSection(ctx context.Context, sec story.Section) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("sections").ReplaceOne(ctx, bson.D{{Key: "_id", Value: sec.Slug}}, sec, options.Replace().SetUpsert(true))
	if err != nil {
		return wrap("put section "+sec.Slug, err)
	}
	s.recordChange(ctx, ChangedSections, sec.Slug)
	return nil
}

// Authors returns all reporters.
func (s *Store) Authors(ctx context.Context) ([]story.Author, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	cur, err := s.db.Collection("authors").Find(ctx, bson.D{})
	if err != nil {
		return nil, wrap("authors", err)
	}
	var out []story.Author
	if err := cur.All(ctx, &out); err != nil {
		return nil, wrap("authors", err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Handle < out[j].Handle })
	return out, nil
}

// PutAuthor creates or replaces a reporter.
func (s *Store) PutAuthor(ctx context.Context, a story.Author) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("authors").ReplaceOne(ctx, bson.D{{Key: "_id", Value: a.Handle}}, a, options.Replace().SetUpsert(true))
	if err != nil {
		return wrap("put author "+a.Handle, err)
	}
	s.recordChange(ctx, ChangedAuthors, a.Handle)
	return nil
}

// Empty reports whether the paper has no stories yet (to decide on the demo edition).
func (s *Store) Empty(ctx context.Context) (bool, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	err := s.db.Collection("stories").FindOne(ctx, bson.D{}).Err()
	if isNotFound(err) {
		return true, nil
	}
	return false, wrap("any story", err)
}
