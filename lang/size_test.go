package lang

import "testing"

func TestSizeIsHumanInEachLanguage(t *testing.T) {
	s := repoLocales(t)
	tests := []struct {
		n      int64
		en, ko string
	}{
		{0, "0 bytes", "0바이트"},
		{900, "900 bytes", "900바이트"},
		{51 * 1024, "51 KB", "51KB"}, // the photo page said "0.0 MB"
		{1536, "1.5 KB", "1.5KB"},
		{10189, "10 KB", "10KB"}, // 9.95 KB rounds up to a whole 10
		{2_516_582, "2.4 MB", "2.4MB"},
		{12 << 20, "12 MB", "12MB"},
		{3 << 30, "3.0 GB", "3.0GB"},
	}
	for _, tc := range tests {
		if got := s.Get("en").Size(tc.n); got != tc.en {
			t.Errorf("en Size(%d) = %q, want %q", tc.n, got, tc.en)
		}
		if got := s.Get("ko").Size(tc.n); got != tc.ko {
			t.Errorf("ko Size(%d) = %q, want %q", tc.n, got, tc.ko)
		}
	}
}
