package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/newsroom/newsroom/story"
)

// The numbers collection:
//
//	numbers  _id "<number>"  a story number once given; never deleted
//
// Inserting a number's document is what allocates it: of several writers
// racing for one number exactly one insert succeeds. Deleting a story leaves
// its number taken, so a number is never given twice and nothing of a
// deleted story (its revisions stay, as the record) can attach to a new one.

type numberDoc struct {
	ID     string    `bson:"_id"`
	Number int       `bson:"number"`
	At     time.Time `bson:"at"`
}

// maxNumberTries bounds one allocation: each try is one insert.
const maxNumberTries = 10000

// SetNumberHint tells the store where to start looking for a free story
// number (one past the highest the caller knows of, e.g. from the
// catalogue), which spares the scan that finds the highest number otherwise.
// A hint that is too low only costs a few more inserts.
func (s *Store) SetNumberHint(next int) {
	s.numMu.Lock()
	defer s.numMu.Unlock()
	if next > s.numberHint {
		s.numberHint = next
	}
}

// startNumber makes sure numberHint is known. Caller holds numMu.
func (s *Store) startNumber(ctx context.Context) error {
	if s.numberHint > 0 {
		return nil
	}
	last, err := s.highestNumber(ctx)
	if err != nil {
		return err
	}
	s.numberHint = last + 1
	return nil
}

// allocateNumber takes the next free story number. A number is free when
// its numbers document can be inserted and no revision exists under it: a
// database from before the numbers collection holds revisions of deleted
// stories whose numbers were never recorded, and the revision check turns
// them away too (and records them, so that the check is made once).
func (s *Store) allocateNumber(ctx context.Context, st *story.Story) (int, error) {
	s.numMu.Lock()
	defer s.numMu.Unlock()
	if err := s.startNumber(ctx); err != nil {
		return 0, err
	}
	for tries := 0; tries < maxNumberTries; tries++ {
		n := s.numberHint
		s.numberHint++
		won, err := s.claimNumber(ctx, n)
		if err != nil {
			return 0, err
		}
		if !won {
			continue
		}
		used, err := s.numberUsed(ctx, n, st)
		if err != nil {
			return 0, err
		}
		if !used {
			return n, nil
		}
	}
	return 0, fmt.Errorf("store: no free story number after %d tries", maxNumberTries)
}

// claimNumber inserts n's numbers document: true if this call took it.
func (s *Store) claimNumber(ctx context.Context, n int) (bool, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("numbers").InsertOne(ctx, numberDoc{ID: storyID(n), Number: n, At: time.Now().UTC().Truncate(time.Millisecond)})
	if mongo.IsDuplicateKeyError(err) {
		return false, nil
	}
	return err == nil, wrap(fmt.Sprintf("allocate story number %d", n), err)
}

// numberUsed reports whether something already lives under number n
// although its numbers document was missing (data written before the
// numbers collection existed): a story, or a revision in one of st's
// languages.
func (s *Store) numberUsed(ctx context.Context, n int, st *story.Story) (bool, error) {
	if _, err := s.Story(ctx, n); err == nil {
		return true, nil
	} else if !isNotFoundErr(err) {
		return false, err
	}
	for lang := range st.Versions {
		if _, err := s.Revision(ctx, n, lang, 1); err == nil {
			return true, nil
		} else if !isNotFoundErr(err) {
			return false, err
		}
	}
	return false, nil
}

// reserveNumbers takes count consecutive free numbers for a bulk import and
// returns the first. It inserts them in one call; when any of them is taken
// (another writer got there first), it starts again after the taken range.
func (s *Store) reserveNumbers(ctx context.Context, count int) (int, error) {
	if err := s.startNumber(ctx); err != nil {
		return 0, err
	}
	for tries := 0; tries < 100; tries++ {
		first := s.numberHint
		now := time.Now().UTC().Truncate(time.Millisecond)
		docs := make([]any, count)
		for i := range docs {
			docs[i] = numberDoc{ID: storyID(first + i), Number: first + i, At: now}
		}
		cctx, cancel := context.WithTimeout(ctx, 6*s.timeout)
		_, err := s.db.Collection("numbers").InsertMany(cctx, docs)
		cancel()
		if err == nil {
			s.numberHint = first + count
			return first, nil
		}
		if !mongo.IsDuplicateKeyError(err) {
			return 0, wrap(fmt.Sprintf("reserve story numbers %d-%d", first, first+count-1), err)
		}
		// An ordered insert stops at the first taken number; the ones before
		// it are ours but not consecutive with the rest, so they are left
		// unused (numbers are cheap, reuse is not).
		s.numberHint = first + count
	}
	return 0, fmt.Errorf("store: no %d free consecutive story numbers", count)
}

func isNotFoundErr(err error) bool { return errors.Is(err, ErrNotFound) }

// NumberTaken reports whether story number n was ever given (for tests and
// diagnostics).
func (s *Store) NumberTaken(ctx context.Context, n int) (bool, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	err := s.db.Collection("numbers").FindOne(ctx, bson.D{{Key: "_id", Value: strconv.Itoa(n)}}).Err()
	if isNotFound(err) {
		return false, nil
	}
	return err == nil, wrap(fmt.Sprintf("story number %d", n), err)
}
