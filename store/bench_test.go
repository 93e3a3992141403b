package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"socialmaturity/assess"
)

// benchSize is the number of stored assessments the figures are asked for.
const benchSize = 10_000

var (
	populated     sync.Once
	populatedPath string
	populatedErr  error
)

// benchOrgs is the number of organizations they belong to.
const benchOrgs = 500

// tenThousand returns a store holding benchSize assessments of benchOrgs
// organizations, built once per test binary.
func tenThousand(b *testing.B) *Store {
	b.Helper()
	populated.Do(func() {
		dir, err := os.MkdirTemp("", "socialmaturity-bench")
		if err != nil {
			populatedErr = err
			return
		}
		populatedPath = filepath.Join(dir, "sm.db")
		s, err := Open(populatedPath)
		if err != nil {
			populatedErr = err
			return
		}
		base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		batch := make([]*assess.Assessment, 0, 1000)
		for i := range benchSize {
			batch = append(batch, answered(fmt.Sprintf("Organization %d", i%benchOrgs), base.Add(time.Duration(i)*time.Minute), i))
			if len(batch) == cap(batch) {
				if _, populatedErr = s.Complete(bank, batch); populatedErr != nil {
					return
				}
				batch = batch[:0]
			}
		}
	})
	if populatedErr != nil {
		b.Fatal(populatedErr)
	}
	s, err := Open(populatedPath)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkListNewest50(b *testing.B) {
	s := tenThousand(b)
	for b.Loop() {
		page, err := s.List(ListOptions{Limit: 50})
		if err != nil || len(page.Items) != 50 {
			b.Fatal(err)
		}
	}
	info, err := os.Stat(s.Path())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(info.Size())/1e6, "db-MB")
}

func BenchmarkListOneOrg(b *testing.B) {
	s := tenThousand(b)
	for b.Loop() {
		page, err := s.List(ListOptions{Org: "Organization 42", Limit: 50})
		if err != nil || len(page.Items) != 50 {
			b.Fatal(err, len(page.Items))
		}
	}
}

// BenchmarkLatest is the home screen's glance: each organization's latest
// assessment with the one before it.
func BenchmarkLatest(b *testing.B) {
	s := tenThousand(b)
	for b.Loop() {
		got, err := s.Latest()
		if err != nil || len(got) != benchOrgs || got[0].Previous == nil {
			b.Fatal(err, len(got))
		}
	}
}

func BenchmarkShowOne(b *testing.B) {
	s := tenThousand(b)
	page, err := s.List(ListOptions{Limit: 1})
	if err != nil {
		b.Fatal(err)
	}
	ref := page.Items[0].Short
	for b.Loop() {
		if _, err := s.Get(ref); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDraftAnswer commits one answer to a draft, fsync'd, as the walk
// does on every answer; it reports the 99th percentile.
func BenchmarkDraftAnswer(b *testing.B) {
	s := tenThousand(b)
	d := &assess.Assessment{Submission: assess.Submission{Org: "Bench", Answers: assess.Answers{}}}
	if err := s.SaveDraft(d); err != nil {
		b.Fatal(err)
	}
	defer func() {
		if _, err := s.Delete(d.ID); err != nil {
			b.Error(err)
		}
	}()
	var took []time.Duration
	var ids []string
	for _, q := range bank.AllQuestions() {
		ids = append(ids, q.ID)
	}
	i := 0
	for b.Loop() {
		q := ids[i%len(ids)]
		start := time.Now()
		d.Answers[q] = assess.AtLevel(i % 5)
		if err := s.SaveDraft(d); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
		i++
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkTrendOneOrg is `trend`: one organization's history among
// 10,000 assessments of 500, and its trend.
func BenchmarkTrendOneOrg(b *testing.B) {
	s := tenThousand(b)
	for b.Loop() {
		h, err := s.History("organization 42")
		if err != nil || len(h) != benchSize/benchOrgs {
			b.Fatal(err, len(h))
		}
		if tr := assess.NewTrend(bank, h); tr == nil {
			b.Fatal("no trend")
		}
	}
}

// BenchmarkPortfolioRank is the portfolio percentile: every
// organization's latest assessment, and one organization's rank among
// them.
func BenchmarkPortfolioRank(b *testing.B) {
	s := tenThousand(b)
	h, err := s.History("Organization 7")
	if err != nil {
		b.Fatal(err)
	}
	own := h[len(h)-1]
	for b.Loop() {
		p, err := s.Portfolio()
		if err != nil || len(p) != benchOrgs {
			b.Fatal(err, len(p))
		}
		if r := assess.Rank(own, p); r == nil || r.Overall == nil {
			b.Fatal("no rank")
		}
	}
}
