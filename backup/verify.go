package backup

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrInvalid is wrapped by every refusal of an archive: truncated, tampered
// with, or not a newsroom backup.
var ErrInvalid = errors.New("not a complete, untouched newsroom backup")

// Verify reads the whole archive at path and checks it against its
// manifest: every entry's zip checksum, every part's count, size and
// SHA-256, and that nothing was added or is missing. It writes nothing.
// A refusal names the file, the entry and the failed check.
func Verify(path string) (*Manifest, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("backup %s: cannot read it as an archive (%v; truncated?): %w", path, err, ErrInvalid)
	}
	defer zr.Close()
	m, err := verify(&zr.Reader)
	if err != nil {
		return nil, fmt.Errorf("backup %s: %w", path, err)
	}
	return m, nil
}

func verify(zr *zip.Reader) (*Manifest, error) {
	m, err := readManifest(zr)
	if err != nil {
		return nil, err
	}
	counters := map[string]*counter{}
	parts := map[string]Part{}
	for _, p := range m.Parts {
		counters[p.Collection] = newCounter()
		parts[p.Collection] = p
	}
	for _, f := range zr.File {
		if f.Name == manifestName {
			continue
		}
		name, ok := partOf(f.Name)
		c := counters[name]
		if !ok || c == nil || !strings.HasPrefix(f.Name, parts[name].Entry) {
			return nil, fmt.Errorf("%s: not listed in the manifest: %w", f.Name, ErrInvalid)
		}
		if err := readEntry(f, c, parts[name].Kind); err != nil {
			return nil, err
		}
	}
	for _, p := range m.Parts {
		c := counters[p.Collection]
		switch {
		case c.count != p.Count:
			return nil, fmt.Errorf("%s: holds %d %s, the manifest says %d: %w", p.Entry, c.count, unit(p.Kind), p.Count, ErrInvalid)
		case c.bytes != p.Bytes:
			return nil, fmt.Errorf("%s: holds %d bytes, the manifest says %d: %w", p.Entry, c.bytes, p.Bytes, ErrInvalid)
		case c.sum() != p.SHA256:
			return nil, fmt.Errorf("%s: SHA-256 is %s, the manifest says %s: %w", p.Entry, c.sum(), p.SHA256, ErrInvalid)
		}
	}
	return m, nil
}

func unit(kind string) string {
	if kind == KindChunks {
		return "chunks"
	}
	return "documents"
}

func readManifest(zr *zip.Reader) (*Manifest, error) {
	var mf *zip.File
	for _, f := range zr.File {
		if f.Name == manifestName {
			mf = f
		}
	}
	if mf == nil {
		return nil, fmt.Errorf("no %s (the backup did not finish): %w", manifestName, ErrInvalid)
	}
	rc, err := mf.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %v: %w", manifestName, err, ErrInvalid)
	}
	defer rc.Close()
	var m Manifest
	if err := json.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %v: %w", manifestName, err, ErrInvalid)
	}
	if m.Format != Format {
		return nil, fmt.Errorf("%s: format %q, want %q: %w", manifestName, m.Format, Format, ErrInvalid)
	}
	return &m, nil
}

// readEntry feeds an entry's bytes to its part's counter; the zip reader
// checks the entry's CRC-32 at its end.
func readEntry(f *zip.File, c *counter, kind string) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%s: %v: %w", f.Name, err, ErrInvalid)
	}
	defer rc.Close()
	buf := make([]byte, 64<<10)
	for {
		n, err := rc.Read(buf)
		if n > 0 {
			_, _ = c.Write(buf[:n]) // hashing never fails
			if kind == KindDocuments {
				c.count += int64(bytes.Count(buf[:n], []byte{'\n'}))
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %v: %w", f.Name, err, ErrInvalid)
		}
	}
	if kind == KindChunks {
		c.count++
	}
	return nil
}
