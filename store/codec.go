package store

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"io"
	"sync"
)

// Records (assessments and drafts) are stored as deflated JSON: a full
// assessment is about 2 KB of JSON and 0.9 KB deflated, which keeps several
// on one page. Summaries are plain JSON: they are small and read in bulk.

var writers = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

func encodeRecord(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	w := writers.Get().(*flate.Writer)
	defer writers.Put(w)
	w.Reset(&buf)
	if _, err := w.Write(raw); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decodeRecord reads the deflated JSON record stored under id; a record
// that cannot be read is a *RecordError.
func decodeRecord(id, data []byte, v any) error {
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
	if err == nil {
		err = json.Unmarshal(raw, v)
	}
	if err != nil {
		return &RecordError{ID: string(id), Cause: err}
	}
	return nil
}

// decodeSummary reads the JSON summary stored under id; one that cannot be
// read is a *RecordError.
func decodeSummary(id, data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return &RecordError{ID: string(id), Cause: err}
	}
	return nil
}
