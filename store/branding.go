package store

import (
	"encoding/json"

	bolt "go.etcd.io/bbolt"
)

// keyBranding is the settings key of the database's Branding (JSON).
var keyBranding = []byte("branding")

// Branding is how reports from a database are branded (issue 11): a
// consultant sets it once and may override it per export. The store keeps
// what it is given; checking the logo and the colour is the caller's.
type Branding struct {
	// Logo is an image file's bytes, of media type LogoType.
	Logo     []byte `json:"logo,omitempty"`
	LogoType string `json:"logo_type,omitempty"`
	// Accent is a CSS colour such as #1f5fa8.
	Accent string `json:"accent,omitempty"`
	// PreparedBy names the consultant or firm.
	PreparedBy string `json:"prepared_by,omitempty"`
}

// IsZero reports whether nothing is set.
func (b Branding) IsZero() bool {
	return len(b.Logo) == 0 && b.Accent == "" && b.PreparedBy == ""
}

// Branding returns the stored branding; the zero Branding when none is set.
func (s *Store) Branding() (Branding, error) {
	var b Branding
	err := s.do(readTx, func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketSettings).Get(keyBranding)
		if raw == nil {
			return nil
		}
		if err := json.Unmarshal(raw, &b); err != nil {
			return &RecordError{ID: string(keyBranding), Cause: err}
		}
		return nil
	})
	return b, err
}

// SaveBranding replaces the stored branding; the zero Branding removes it.
func (s *Store) SaveBranding(b Branding) error {
	return s.do(writeTx, func(tx *bolt.Tx) error {
		settings := tx.Bucket(bucketSettings)
		if b.IsZero() {
			return settings.Delete(keyBranding)
		}
		raw, err := json.Marshal(b)
		if err != nil {
			return err
		}
		return settings.Put(keyBranding, raw)
	})
}
