package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkWalkKeystroke is one cursor key's Update and View on a question
// page at 120×40, as the runtime does for every key.
func BenchmarkWalkKeystroke(b *testing.B) {
	f := newFixture(b)
	m := f.app(StartWalk, "Bench")
	resize(m, 120, 40)
	press(m, "enter", "enter") // the scope and pillar cards
	keys := []tea.Msg{keyMsg("down"), keyMsg("up")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m.Update(keys[i%2])
		_ = m.View()
		i++
	}
}
