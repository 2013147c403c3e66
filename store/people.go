package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
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
	_, err := s.UpdateSection(ctx, sec.Slug, func(cur *story.Section) { *cur = sec })
	return err
}

// UpdateSection applies change to section slug (a new section with that
// slug if there is none), under the section's lock, and returns it as
// saved. change sees what is stored now, so two admins renaming a section
// in different languages at once both keep their change.
func (s *Store) UpdateSection(ctx context.Context, slug string, change func(*story.Section)) (story.Section, error) {
	var sec story.Section
	err := s.withLock(ctx, "sections/"+slug, func(ctx context.Context) error {
		coll := s.db.Collection("sections")
		err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: slug}}).Decode(&sec)
		if err != nil && !isNotFound(err) {
			return wrap("section "+slug, err)
		}
		change(&sec)
		sec.Slug = slug
		_, err = coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: slug}}, sec, options.Replace().SetUpsert(true))
		if err != nil {
			return wrap("put section "+slug, err)
		}
		s.recordChange(ctx, ChangedSections, slug)
		return nil
	})
	return sec, err
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

// CreatePerson adds a reporter's profile or a guest contributor. A handle
// already taken is ErrExists (the insert into the _id decides, so two
// admins cannot create the same handle twice).
func (s *Store) CreatePerson(ctx context.Context, a story.Author) error {
	if !story.ValidHandle(a.Handle) {
		return fmt.Errorf("store: create person %q: invalid handle", a.Handle)
	}
	a.UpdatedAt = time.Now().UTC().Truncate(time.Millisecond)
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("authors").InsertOne(ctx, a)
	if mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("store: create person %s: %w", a.Handle, ErrExists)
	}
	if err != nil {
		return wrap("create person "+a.Handle, err)
	}
	s.recordChange(ctx, ChangedAuthors, a.Handle)
	return nil
}

// UpdatePerson saves the profile fields of the person a.Handle (names,
// titles, bio, photo, e-mail, links, guest) and the change time that other
// instances poll; the handle never changes. It returns the person as saved.
func (s *Store) UpdatePerson(ctx context.Context, a story.Author) (story.Author, error) {
	a.UpdatedAt = time.Now().UTC().Truncate(time.Millisecond)
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	set := bson.D{
		{Key: "name", Value: a.Name}, {Key: "title", Value: a.Title}, {Key: "bio", Value: a.Bio},
		{Key: "photo_id", Value: a.PhotoID}, {Key: "email", Value: a.Email}, {Key: "links", Value: a.Links},
		{Key: "guest", Value: a.Guest}, {Key: "updated_at", Value: a.UpdatedAt},
	}
	res, err := s.db.Collection("authors").UpdateOne(ctx, idFilter(a.Handle), bson.D{{Key: "$set", Value: set}})
	if err == nil && res.MatchedCount == 0 {
		err = mongo.ErrNoDocuments
	}
	if err != nil {
		return a, wrap("update person "+a.Handle, err)
	}
	s.recordChange(ctx, ChangedAuthors, a.Handle)
	return a, nil
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
