package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's meta page, as laid out in the file (native byte order): a 16-byte
// page header, then magic, version, page size, flags, root bucket (16
// bytes), freelist page, page count ("pgid"), transaction id and an FNV-64a
// checksum of the fields before it.
const (
	pageHeaderSize = 16
	metaMagic      = 0xED0CDAED
	metaVersion    = 2
	metaSumEnd     = pageHeaderSize + 56 // where the checksum starts
	metaSize       = metaSumEnd + 8
)

// meta is what checkLength needs of a meta page.
type meta struct {
	pageSize    uint32
	pages, txid uint64
}

// parseMeta reads a meta page that starts at buf, and false when it is not
// a valid one.
func parseMeta(buf []byte) (meta, bool) {
	if len(buf) < metaSize {
		return meta{}, false
	}
	ne := binary.NativeEndian
	h := fnv.New64a()
	h.Write(buf[pageHeaderSize:metaSumEnd])
	if ne.Uint32(buf[16:]) != metaMagic || ne.Uint32(buf[20:]) != metaVersion || ne.Uint64(buf[metaSumEnd:]) != h.Sum64() {
		return meta{}, false
	}
	return meta{pageSize: ne.Uint32(buf[24:]), pages: ne.Uint64(buf[56:]), txid: ne.Uint64(buf[64:])}, true
}

// checkLength returns a DamagedError when the file at path is shorter than
// the pages its newest valid meta page counts: bbolt would map the missing
// pages and fault on reading them. Anything it cannot tell is left to bbolt.
func checkLength(path string) (err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil // bolt.Open creates or reports it
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("database %s: %w", path, cerr)
		}
	}()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("database %s: %w", path, err)
	}
	size := info.Size()
	read := func(off int64) (meta, bool, error) {
		buf := make([]byte, metaSize)
		if _, err := f.ReadAt(buf, off); err != nil {
			if errors.Is(err, io.EOF) {
				return meta{}, false, nil
			}
			return meta{}, false, fmt.Errorf("database %s: %w", path, err)
		}
		m, ok := parseMeta(buf)
		return m, ok, nil
	}
	m0, ok0, err := read(0)
	if err != nil {
		return err
	}
	// The second meta page is one page in; without the first, try every
	// page size bbolt could have used, as bbolt does.
	var offsets []int64
	if ok0 {
		offsets = []int64{int64(m0.pageSize)}
	} else {
		for i := range 15 {
			offsets = append(offsets, 1024<<i)
		}
	}
	newest, found := m0, ok0
	for _, off := range offsets {
		if off >= size {
			break
		}
		m1, ok1, err := read(off)
		if err != nil {
			return err
		}
		if ok1 {
			if !found || m1.txid > newest.txid {
				newest, found = m1, true
			}
			break
		}
	}
	if !found || newest.pageSize == 0 {
		return nil
	}
	if newest.pages > uint64(size)/uint64(newest.pageSize) {
		return &DamagedError{Path: path, Cause: fmt.Sprintf("the file is truncated: %d bytes, short of %d pages of %d bytes", size, newest.pages, newest.pageSize)}
	}
	return nil
}
