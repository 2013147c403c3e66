package search

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestOpenReopenKeepsDocs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index") // missing: created
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.PutBatch(corpus()); err != nil {
		t.Fatal(err)
	}
	want := uint64(len(corpus()))
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, err := ix.Count(); err != nil || n != want {
		t.Fatalf("Count after reopen = %d, %v; want %d", n, err, want)
	}
	r, err := ix.Search(Query{Text: "상공회의소", Lang: "ko"})
	if err != nil || !slices.Contains(ids(r), "101-ko") {
		t.Errorf("search after reopen: %v, %v", ids(r), err)
	}
}

func TestOpenRecreates(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string)
	}{
		{"garbage files", func(t *testing.T, dir string) {
			if err := os.MkdirAll(filepath.Join(dir, "store"), 0o755); err != nil {
				t.Fatal(err)
			}
			for name, body := range map[string]string{
				"index_meta.json": "{not json",
				"store/root.bolt": "garbage",
				"notes.txt":       "left behind",
			} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"empty directory", func(t *testing.T, dir string) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}},
		{"plain file in the way", func(t *testing.T, dir string) {
			if err := os.WriteFile(dir, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"older mapping version", func(t *testing.T, dir string) {
			ix, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := ix.PutBatch(corpus()); err != nil {
				t.Fatal(err)
			}
			if err := ix.bl.SetInternal(versionKey, []byte("newsroom-search-0")); err != nil {
				t.Fatal(err)
			}
			if err := ix.Close(); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "index")
			tc.prepare(t, dir)
			ix, err := Open(dir)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer ix.Close()
			if n, err := ix.Count(); err != nil || n != 0 {
				t.Fatalf("Count = %d, %v; want an empty index", n, err)
			}
			if err := ix.Put(corpus()[0]); err != nil {
				t.Fatal(err)
			}
			r, err := ix.Search(Query{Text: "로봇", Lang: "ko"})
			if err != nil || len(r.Hits) != 1 {
				t.Errorf("recreated index does not search: %v, %v", ids(r), err)
			}
		})
	}
}

func TestOpenRefusesRoot(t *testing.T) {
	for _, dir := range []string{"", ".", "/"} {
		if ix, err := Open(dir); err == nil {
			ix.Close()
			t.Errorf("Open(%q) accepted", dir)
		}
	}
}

func TestPutRejectsIncompleteDoc(t *testing.T) {
	ix, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, d := range []Doc{{Lang: "ko"}, {Number: 1}} {
		if err := ix.Put(d); err == nil {
			t.Errorf("Put(%+v) accepted", d)
		}
		if err := ix.PutBatch([]Doc{d}); err == nil {
			t.Errorf("PutBatch(%+v) accepted", d)
		}
	}
}

func TestCompactKeepsDocs(t *testing.T) {
	mem := newTestIndex(t)
	disk, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()
	if err := disk.PutBatch(corpus()); err != nil {
		t.Fatal(err)
	}
	for name, ix := range map[string]*Index{"memory": mem, "disk": disk} {
		before, _ := ix.Count()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := ix.Compact(ctx)
		cancel()
		if err != nil {
			t.Fatalf("%s: Compact: %v", name, err)
		}
		if after, _ := ix.Count(); after != before {
			t.Errorf("%s: Count %d after compacting, was %d", name, after, before)
		}
		r, err := ix.Search(Query{Text: "로봇", Lang: "ko"})
		if err != nil || !slices.Contains(ids(r), "101-ko") {
			t.Errorf("%s: search after compacting: %v, %v", name, ids(r), err)
		}
	}
}
