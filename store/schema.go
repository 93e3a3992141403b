package store

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
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
	// workshops: id → Workshop, JSON. Since schema 1 (reserved), used since
	// schema 2.
	bucketWorkshops = []byte("workshops")
	// workshop_codes: join code → workshop id, for open workshops only.
	// Since schema 2.
	bucketWorkshopCodes = []byte("workshop_codes")
	// by_workshop: workshopKey(workshop, id) → empty, the drafts and
	// completed assessments of each workshop. Since schema 2.
	bucketByWorkshop = []byte("by_workshop")
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
	// 2: workshops: join codes and the workshop index, filled from the
	// assessments and drafts that name a workshop.
	func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucketIfNotExists(bucketWorkshopCodes); err != nil {
			return err
		}
		if _, err := tx.CreateBucketIfNotExists(bucketByWorkshop); err != nil {
			return err
		}
		for _, name := range [][]byte{bucketAssessments, bucketDrafts} {
			if err := tx.Bucket(name).ForEach(func(k, v []byte) error {
				var a assess.Assessment
				if err := decodeRecord(k, v, &a); err != nil {
					return nil // an unreadable record stays as it is, for Check to name
				}
				return indexWorkshop(tx, &a)
			}); err != nil {
				return err
			}
		}
		return nil
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
