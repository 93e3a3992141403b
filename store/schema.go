package store

import (
	"bytes"
	"cmp"
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
	// by_org: the organization index, orgPrefix(org id) + assessment id →
	// empty; until schema 3 it was keyed orgKey(org name) + assessment id.
	// Since schema 1.
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
	// settings: database-wide settings (the branding). Since schema 1.
	bucketSettings = []byte("settings")
	// orgs: organization id → Org, JSON. Since schema 3.
	bucketOrgs = []byte("orgs")
	// org_names: orgKey(name) → organization id, for each organization's
	// name and aliases. Since schema 3.
	bucketOrgNames = []byte("org_names")
	// cohort: id → an imported assess.PortfolioEntry, JSON. Since schema 3.
	bucketCohort = []byte("cohort")
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
	// 3: organizations as records: each assessment and draft gets the id of
	// the organization its name names, summaries keep key-action scores.
	migrateOrgs,
}

// migrateOrgs is migration 3. Each organization is created with the
// spelling of its oldest assessment (that is how it was listed), the index
// is keyed by organization id, and each readable record is stored again
// with its organization's id and its summary with key-action scores. A
// record that cannot be read is indexed as it was and left as it is, for
// Check to name.
func migrateOrgs(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketOrgs, bucketOrgNames, bucketCohort} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	nameOf := map[string]string{} // assessment id → name key of the old index
	if err := tx.Bucket(bucketByOrg).ForEach(func(k, _ []byte) error {
		if end := bytes.IndexByte(k, 0); end >= 0 {
			nameOf[string(k[end+1:])] = string(k[:end])
		}
		return nil
	}); err != nil {
		return err
	}
	if err := tx.DeleteBucket(bucketByOrg); err != nil {
		return err
	}
	byOrg, err := tx.CreateBucket(bucketByOrg)
	if err != nil {
		return err
	}
	for _, bucket := range [][]byte{bucketAssessments, bucketDrafts} {
		b := tx.Bucket(bucket)
		var ids [][]byte
		if err := b.ForEach(func(k, _ []byte) error { ids = append(ids, bytes.Clone(k)); return nil }); err != nil {
			return err
		}
		completed := bytes.Equal(bucket, bucketAssessments)
		for _, id := range ids { // oldest first: ids follow time
			var a assess.Assessment
			readable := decodeRecord(id, b.Get(id), &a) == nil
			name, indexed := nameOf[string(id)]
			when := idTime(string(id))
			switch {
			case readable:
				name = a.Org
				when = cmp.Or(a.StartedAt, when)
			case !completed || !indexed:
				continue
			}
			o, err := ensureOrg(tx, name, when)
			if err != nil {
				return err
			}
			if completed {
				if err := byOrg.Put(append(orgPrefix(o.ID), id...), nil); err != nil {
					return err
				}
			}
			if !readable {
				continue
			}
			a.OrgID = o.ID
			if err := putRecord(b, string(id), &a); err != nil {
				return err
			}
			if completed {
				if err := putSummary(tx.Bucket(bucketSummaries), &a); err != nil {
					return err
				}
			}
		}
	}
	return nil
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
