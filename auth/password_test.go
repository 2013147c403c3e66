package auth

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// fastParams keep tests quick; one test uses DefaultParams.
var fastParams = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestHashRoundTripDefaultParams(t *testing.T) {
	const pw = "correct horse battery"
	h, err := Hash(pw, DefaultParams)
	if err != nil {
		t.Fatal(err)
	}
	phc := regexp.MustCompile(`^\$argon2id\$v=19\$m=65536,t=1,p=2\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)
	if !phc.MatchString(h) {
		t.Errorf("hash %q is not a PHC argon2id string with the default parameters", h)
	}
	if ok, err := Verify(pw, h); !ok || err != nil {
		t.Errorf("right password: %v, %v", ok, err)
	}
	if ok, err := Verify(pw+"!", h); ok || err != nil {
		t.Errorf("wrong password: %v, %v", ok, err)
	}
	h2, _ := Hash(pw, DefaultParams)
	if h2 == h {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
}

func TestVerify(t *testing.T) {
	const pw = "비밀번호는열글자이상"
	h, err := Hash(pw, fastParams)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, pw string
		want     bool
	}{
		{"same", pw, true},
		{"decomposed Hangul", norm.NFD.String(pw), true},
		{"one character off", "비밀번호는열글자이하", false},
		{"prefix", pw[:len(pw)-3], false},
		{"empty", "", false},
		{"huge", strings.Repeat("a", 100000), false},
	}
	for _, tt := range tests {
		if ok, err := Verify(tt.pw, h); ok != tt.want || err != nil {
			t.Errorf("%s: %v, %v; want %v", tt.name, ok, err, tt.want)
		}
	}
}

func TestVerifyRefusesBadHashes(t *testing.T) {
	good, _ := Hash("correct horse battery", fastParams)
	parts := strings.Split(good, "$")
	bad := map[string]string{
		"empty":          "",
		"bcrypt":         "$2a$10$abcdefghijklmnopqrstuu5J2Ch1K5RfD2ZwUiYoqhyqMSYhR2Hae",
		"argon2i":        strings.Replace(good, "argon2id", "argon2i", 1),
		"version":        strings.Replace(good, "v=19", "v=16", 1),
		"huge memory":    strings.Join([]string{"", "argon2id", "v=19", "m=4194304,t=1,p=1", parts[4], parts[5]}, "$"),
		"many passes":    strings.Join([]string{"", "argon2id", "v=19", "m=64,t=1000,p=1", parts[4], parts[5]}, "$"),
		"zero threads":   strings.Join([]string{"", "argon2id", "v=19", "m=64,t=1,p=0", parts[4], parts[5]}, "$"),
		"extra param":    strings.Join([]string{"", "argon2id", "v=19", "m=64,t=1,p=1,x=2", parts[4], parts[5]}, "$"),
		"short key":      strings.Join([]string{"", "argon2id", "v=19", "m=64,t=1,p=1", parts[4], "AAAA"}, "$"),
		"bad base64":     strings.Join([]string{"", "argon2id", "v=19", "m=64,t=1,p=1", "!!!", parts[5]}, "$"),
		"missing fields": "$argon2id$v=19$m=64,t=1,p=1",
	}
	for name, h := range bad {
		if ok, err := Verify("correct horse battery", h); ok || err == nil {
			t.Errorf("%s: %v, %v; want an error", name, ok, err)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		pw   string
		want error
	}{
		{"123456789", ErrPasswordTooShort},
		{"1234567890", nil},
		{"한국어비밀번호열자", ErrPasswordTooShort}, // 9 characters, 27 bytes
		{"한국어비밀번호열글자", nil},
		{strings.Repeat("a", 256), nil},
		{strings.Repeat("a", 257), ErrPasswordTooLong},
		{strings.Repeat("가", 86), ErrPasswordTooLong}, // 258 bytes
	}
	for _, tt := range tests {
		if err := CheckPassword(tt.pw); !errors.Is(err, tt.want) && err != tt.want {
			t.Errorf("CheckPassword(%d chars, %d bytes) = %v, want %v", len([]rune(tt.pw)), len(tt.pw), err, tt.want)
		}
		if _, err := Hash(tt.pw, fastParams); !errors.Is(err, tt.want) && err != tt.want {
			t.Errorf("Hash(%d bytes) = %v, want %v", len(tt.pw), err, tt.want)
		}
	}
}

func BenchmarkHashDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Hash("correct horse battery", DefaultParams); err != nil {
			b.Fatal(err)
		}
	}
}
