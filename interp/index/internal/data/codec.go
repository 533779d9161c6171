package data

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"strings"
)

// ManifestFile is the name of the encoded Manifest inside the data directory.
const ManifestFile = "manifest.gob.gz"

// BuiltinFile is the name of the encoded Package describing the predeclared
// identifiers; it is not listed in the Manifest (it cannot be imported).
const BuiltinFile = "builtin.gob.gz"

// FileName returns the name under which the package with import path p is
// stored in the data directory: the path with "/" replaced by "~", so the
// directory stays flat.
func FileName(p string) string {
	return strings.ReplaceAll(p, "/", "~") + ".gob.gz"
}

// Encode writes v (a *Manifest or *Package) as gzip-compressed gob.
// The output is deterministic for equal inputs.
func Encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("data: %w", err)
	}
	if err := gob.NewEncoder(zw).Encode(v); err != nil {
		return nil, fmt.Errorf("data: encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("data: compress: %w", err)
	}
	return buf.Bytes(), nil
}

// Decode reads what Encode wrote into v (a *Manifest or *Package).
func Decode(b []byte, v any) error {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("data: decompress: %w", err)
	}
	if err := gob.NewDecoder(zr).Decode(v); err != nil {
		return fmt.Errorf("data: decode: %w", err)
	}
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return fmt.Errorf("data: decompress: %w", err)
	}
	return nil
}
