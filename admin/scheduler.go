package admin

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// schedulerTick is how often due publications are looked for: a scheduled
// story goes live at most this long after its time.
const schedulerTick = 10 * time.Second

// SchedulerActor is the audit log's actor for scheduled publications.
const SchedulerActor = "scheduler"

// RunScheduler publishes scheduled language versions when their time
// comes, and purges stories whose time in the trash is up, until ctx ends. It reads due versions from the catalogue, so
// versions that came due while no instance ran go live at the first tick
// after a restart. With several instances on one database each due
// publication is claimed by inserting "publish/<n>/<lang>/<rev>" into the
// jobs collection; only the instance whose insert wins publishes.
func (a *Admin) RunScheduler(ctx context.Context) {
	t := time.NewTicker(schedulerTick)
	defer t.Stop()
	for {
		a.PublishDue(ctx)
		a.PurgeDue(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// PublishDue publishes every version whose scheduled time has passed and
// returns how many this call published.
func (a *Admin) PublishDue(ctx context.Context) int {
	now := a.now()
	published := 0
	for _, st := range a.cat.All() {
		if st.Trashed() {
			// Restored, it goes live at the next tick if its time has come.
			continue
		}
		for lng, v := range st.Versions {
			if v == nil || v.Status != story.Scheduled || v.ScheduledAt.After(now) {
				continue
			}
			ok, err := a.publishScheduled(ctx, st.Number, lng, v.Revision)
			if err != nil {
				a.log.Error("scheduled publication", "story", st.Number, "lang", lng, "err", err)
				continue
			}
			if ok {
				published++
			}
		}
	}
	return published
}

// publishScheduled claims and carries out one publication; false means
// another instance (or an earlier tick) had it, or the version changed.
func (a *Admin) publishScheduled(ctx context.Context, n int, lng string, rev int) (bool, error) {
	job := fmt.Sprintf("publish/%d/%s/%d", n, lng, rev)
	won, err := a.store.ClaimJob(ctx, job, SchedulerActor)
	if err != nil || !won {
		return false, err
	}
	ok, err := a.publishClaimed(ctx, n, lng, rev)
	if err != nil && !errors.Is(err, store.ErrConflict) {
		// Let the next tick try again; the revision insert in Save still
		// makes a second publication of the same revision impossible.
		if rerr := a.store.ReleaseJob(context.WithoutCancel(ctx), job); rerr != nil {
			err = fmt.Errorf("%w (and releasing %s failed: %v)", err, job, rerr)
		}
		return false, err
	}
	return ok, nil
}

func (a *Admin) publishClaimed(ctx context.Context, n int, lng string, rev int) (bool, error) {
	st, err := a.store.Story(ctx, n)
	if err != nil {
		return false, err
	}
	v := st.Version(lng)
	if v == nil || v.Status != story.Scheduled || v.Revision != rev {
		// Edited or unscheduled since the catalogue saw it: a newer
		// revision has its own job if it is still scheduled.
		a.changed(st)
		return false, nil
	}
	body, err := a.store.Body(ctx, n, lng, rev)
	if err != nil {
		return false, err
	}
	next := *v
	next.Status = story.Published
	if next.PublishedAt.IsZero() {
		next.PublishedAt = a.now().UTC()
	}
	next.ScheduledAt = time.Time{}
	saved, err := a.store.Save(ctx, st, lng, rev, next, body, SchedulerActor)
	if err != nil {
		return false, err
	}
	a.changed(saved)
	if err := a.store.AddAudit(ctx, store.Entry{At: a.now(), Actor: SchedulerActor, Action: store.AuditPublish,
		Target: fmt.Sprintf("%d/%s", n, lng)}); err != nil {
		a.log.Error("audit", "action", store.AuditPublish, "err", err)
	}
	a.log.Info("scheduled story published", "story", n, "lang", lng)
	return true, nil
}
