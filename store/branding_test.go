package store

import (
	"bytes"
	"testing"
)

// Issue 11: branding is stored once per database, read back as saved, and
// cleared by saving nothing.
func TestBrandingIsStoredAndCleared(t *testing.T) {
	s := newStore(t)
	if b, err := s.Branding(); err != nil || !b.IsZero() {
		t.Fatalf("new database: %+v, %v", b, err)
	}
	want := Branding{Logo: []byte("\x89PNG\r\n\x1a\nrest"), LogoType: "image/png", Accent: "#1f5fa8", PreparedBy: "Lee & Partners"}
	if err := s.SaveBranding(want); err != nil {
		t.Fatal(err)
	}
	got, err := s.Branding()
	if err != nil || !bytes.Equal(got.Logo, want.Logo) || got.LogoType != want.LogoType || got.Accent != want.Accent || got.PreparedBy != want.PreparedBy {
		t.Errorf("read back %+v, %v; want %+v", got, err, want)
	}
	if err := s.SaveBranding(Branding{}); err != nil {
		t.Fatal(err)
	}
	if b, err := s.Branding(); err != nil || !b.IsZero() {
		t.Errorf("after clearing: %+v, %v", b, err)
	}
}
