package tui

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
)

// saver writes drafts in order on its own goroutine, so a keystroke
// never waits for the disk: each change is committed (fsync'd) a few
// milliseconds after it is made, in the order it was made.
type saver struct {
	store  Store
	queue  chan saveJob
	done   chan struct{}
	closed sync.Once
}

type saveJob struct {
	draft  *assess.Assessment // a snapshot; nil marks a flush
	result chan error
}

// savedMsg reports that the save numbered seq was committed, or why not.
type savedMsg struct {
	seq int
	id  string // the draft's id
	err error
}

func newSaver(s Store) *saver {
	sv := &saver{store: s, queue: make(chan saveJob, 1024), done: make(chan struct{})}
	go sv.run()
	return sv
}

func (s *saver) run() {
	defer close(s.done)
	for job := range s.queue {
		if job.draft == nil {
			job.result <- nil
			continue
		}
		job.result <- s.store.SaveDraft(job.draft)
	}
}

// save queues a snapshot of a draft (see store.SaveDraft) and returns a
// command that reports, as save number seq, when it is committed.
func (s *saver) save(snapshot *assess.Assessment, seq int) tea.Cmd {
	result := make(chan error, 1)
	s.queue <- saveJob{draft: snapshot, result: result}
	id := snapshot.ID
	return func() tea.Msg { return savedMsg{seq: seq, id: id, err: <-result} }
}

// flush waits until every change queued so far is committed or has failed.
// Call it from a command, never from Update.
func (s *saver) flush() {
	result := make(chan error, 1)
	s.queue <- saveJob{result: result}
	<-result
}

// close commits what is queued and stops the saver; later calls do
// nothing.
func (s *saver) close() {
	s.closed.Do(func() { close(s.queue) })
	<-s.done
}
