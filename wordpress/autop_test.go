package wordpress

import "testing"

// Cases from WordPress's own tests of wpautop (tests/phpunit/tests/formatting/wpAutop.php).
func TestAutopLikeWordPress(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs and breaks", "one\ntwo\n\nthree", "<p>one<br />\ntwo</p>\n<p>three</p>\n"},
		{"no p around blocks", "<div>a</div>\n\n<ul>\n<li>x</li>\n</ul>", "<div>a</div>\n<ul>\n<li>x</li>\n</ul>\n"},
		{"pre untouched", "a\n\n<pre>x\n\ny</pre>\n\nb", "<p>a</p>\n<pre>x\n\ny</pre>\n<p>b</p>\n"},
		{"blockquote gets its p inside", "<blockquote>q</blockquote>", "<blockquote><p>q</p></blockquote>\n"},
		{"two br make a paragraph", "a<br><br>b", "<p>a</p>\n<p>b</p>\n"},
		{"newline inside a tag kept", "<a\nhref=\"x\">y</a>", "<p><a\nhref=\"x\">y</a></p>\n"},
		{"empty", "  \n ", ""},
		{"korean, no p", "첫 문단\n\n둘째 문단", "<p>첫 문단</p>\n<p>둘째 문단</p>\n"},
		{"script newlines preserved", "<script>a\nb</script>", "<p><script>a\nb</script></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := autop(tt.in); got != tt.want {
				t.Errorf("autop(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
