package store

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// Buckets, declared once, with the schema that introduced each.
var (
	// meta: keyApp → appName, keySchema → schema version (8 bytes, big
	// endian). Since schema 1.
	bucketMeta = []byte("meta")
	// assessments: id → completed assess.Assessment, deflated JSON. Since
	// schema 1.
	bucketAssessments = []byte("assessments")
	// summaries: id → assess.Summary, JSON, for listing. Since schema 1.
	bucketSummaries = []byte("summaries")
	// by_org: orgKey(org) id → empty, the organization index. Since
	// schema 1.
	bucketByOrg = []byte("by_org")
	// drafts: id → assess.Assessment in progress, deflated JSON. Since
	// schema 1.
	bucketDrafts = []byte("drafts")
	// workshops: reserved for workshop sessions. Since schema 1.
	bucketWorkshops = []byte("workshops")
	// settings: reserved for per-organization settings and targets. Since
	// schema 1.
	bucketSettings = []byte("settings")
)

var (
	keySchema = []byte("schema")
	keyApp    = []byte("app")
	appName   = []byte("socialmaturity")
)

// migrations bring a database from version i to i+1; the schema version is
// the number applied.
var migrations = []func(*bolt.Tx) error{
	// 1: the first schema.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketAssessments, bucketSummaries, bucketByOrg, bucketDrafts, bucketWorkshops, bucketSettings} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		return meta.Put(keyApp, appName)
	},
}

// schemaVersion reads the schema version: 0 for a new, empty database.
func schemaVersion(tx *bolt.Tx, path string) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		empty := true
		_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
		if !empty {
			return 0, &DamagedError{Path: path, Cause: "it holds another program's data"}
		}
		return 0, nil
	}
	if string(meta.Get(keyApp)) != string(appName) {
		return 0, &DamagedError{Path: path, Cause: "it holds another program's data"}
	}
	raw := meta.Get(keySchema)
	if len(raw) != 8 {
		return 0, &DamagedError{Path: path, Cause: "its schema version is unreadable"}
	}
	v := int(binary.BigEndian.Uint64(raw))
	if v > len(migrations) {
		return 0, &NewerSchemaError{Path: path, Have: v, Max: len(migrations)}
	}
	return v, nil
}

// migrate applies the pending migrations in order, in the caller's
// transaction, and records the new version.
func migrate(tx *bolt.Tx, path string) error {
	v, err := schemaVersion(tx, path)
	if err != nil {
		return err
	}
	for ; v < len(migrations); v++ {
		if err := migrations[v](tx); err != nil {
			return err
		}
	}
	var raw [8]byte
	binary.BigEndian.PutUint64(raw[:], uint64(v))
	return tx.Bucket(bucketMeta).Put(keySchema, raw[:])
}
