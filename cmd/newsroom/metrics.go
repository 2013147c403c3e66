package main

import (
	"time"

	"github.com/newsroom/newsroom/backup"
	"github.com/newsroom/newsroom/metrics"
	"github.com/newsroom/newsroom/story"
)

// watch registers the values read at each scrape: the page cache, the
// catalogue, search, the scheduler, other instances, uploads and backups.
func (s *site) watch(m *metrics.Metrics, following bool, backups func() backup.Status) {
	m.Gauge("newsroom_page_cache_pages", "Rendered pages in the page cache.", func() float64 {
		n, _ := s.cache.Stats()
		return float64(n)
	})
	m.Gauge("newsroom_page_cache_bytes", "Bytes of rendered pages in the page cache.", func() float64 {
		_, b := s.cache.Stats()
		return float64(b)
	})
	m.Gauge("newsroom_catalog_stories", "Stories in the in-memory catalogue.", func() float64 {
		return float64(s.catalog.Len())
	})
	m.Gauge("newsroom_search_documents", "Language versions in the search index (-1: unreadable).", func() float64 {
		n, err := s.search.Count()
		if err != nil {
			return -1
		}
		return float64(n)
	})
	m.Gauge("newsroom_scheduler_lag_seconds", "How late the most overdue scheduled publication is (0: none due).", func() float64 {
		return schedulerLag(s.catalog.All(), time.Now()).Seconds()
	})
	m.Gauge("newsroom_upload_encoding", "Photo uploads being decoded and encoded now (the upload queue's busy slots).", func() float64 {
		return float64(s.photos.Encoding())
	})
	if following {
		m.Gauge("newsroom_follow_lag_seconds", "Time since this instance last caught up with the others' changes.", func() float64 {
			at := s.followed.Load()
			if at == 0 {
				return 0
			}
			return time.Since(time.Unix(0, at)).Seconds()
		})
	}
	if backups != nil {
		m.Gauge("newsroom_backup_last_success_timestamp_seconds", "When the last scheduled backup that worked ended (0: none yet).", func() float64 {
			if t := backups().LastGood; !t.IsZero() {
				return float64(t.Unix())
			}
			return 0
		})
		m.Gauge("newsroom_backup_last_failed", "1 when the last scheduled backup failed.", func() float64 {
			if backups().OK() {
				return 0
			}
			return 1
		})
		m.Gauge("newsroom_backup_last_bytes", "Size of the last scheduled backup.", func() float64 {
			return float64(backups().Bytes)
		})
	}
}

// schedulerLag is how far past its time the most overdue scheduled version is.
func schedulerLag(stories []*story.Story, now time.Time) time.Duration {
	var lag time.Duration
	for _, st := range stories {
		for _, v := range st.Versions {
			if v != nil && v.Status == story.Scheduled && v.ScheduledAt.Before(now) {
				lag = max(lag, now.Sub(v.ScheduledAt))
			}
		}
	}
	return lag
}
