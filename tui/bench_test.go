package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkWalkKeystroke is one cursor key's Update and View on a question
// page at 120×40, as the runtime does for every key.
func BenchmarkWalkKeystroke(b *testing.B) {
	f := newFixture(b)
	m, err := New(Options{Store: f.store, Bank: f.bank, Cat: catEnglish(), Start: StartWalk, Org: "Bench", Now: f.clock.now})
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Update(keyMsg("enter"))
	keys := []tea.Msg{keyMsg("down"), keyMsg("up")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m.Update(keys[i%2])
		_ = m.View()
		i++
	}
}
