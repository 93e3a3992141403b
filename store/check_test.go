package store

import (
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// corruptBucketRoot rewrites the page type of the root page of bucket to
// an invalid one, so that bbolt panics on reading the bucket.
func corruptBucketRoot(t *testing.T, path string, bucket []byte) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var root uint64
	err = db.View(func(tx *bolt.Tx) error {
		root = uint64(tx.Bucket(bucket).Root())
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil || root == 0 {
		t.Fatalf("bucket %s: root page %d, %v", bucket, root, err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const pageSize = 4096
	binary.NativeEndian.PutUint16(data[int(root)*pageSize+8:], 0x40)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// QA: db check on a damaged page never shows bbolt's raw "panic: assertion
// failed"; it names the damaged page and the bucket that cannot be read.
func TestCheckWordsDamagedPages(t *testing.T) {
	for name, c := range map[string]struct {
		damage func(t *testing.T, path string)
		want   string
	}{
		"a bucket's page": {func(t *testing.T, path string) { corruptBucketRoot(t, path, bucketAssessments) }, "bucket assessments is damaged and cannot be read"},
		"every leaf page": {corruptPages, "the list of buckets is damaged and cannot be read"},
	} {
		t.Run(name, func(t *testing.T) {
			s, _ := manyStored(t, 20)
			c.damage(t, s.Path())
			problems, err := s.Check()
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(problems, "\n")
			if strings.Contains(all, "panic") || strings.Contains(all, "assertion failed") {
				t.Errorf("Check shows a raw panic:\n%s", all)
			}
			for _, want := range []string{"the database's structure is damaged: page ", c.want} {
				if !strings.Contains(all, want) {
					t.Errorf("Check lacks %q:\n%s", want, all)
				}
			}
		})
	}
}

// QA: a damaged page met outside db check is worded without bbolt's
// "assertion failed".
func TestDamageIsWordedWithoutAssertion(t *testing.T) {
	s, as := manyStored(t, 20)
	corruptPages(t, s.Path())
	_, err := s.Get(as[0].ID)
	var damaged *DamagedError
	if !errors.As(err, &damaged) || strings.Contains(err.Error(), "assertion failed") || !strings.Contains(err.Error(), "page ") {
		t.Errorf("Get = %v, want damage worded without the assertion", err)
	}
}
