package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// Password limits. The maximum is in bytes to bound hashing work; the
// minimum in characters, so a Korean passphrase counts what was typed.
const (
	MinPasswordChars = 10
	MaxPasswordBytes = 256
)

// Params are argon2id cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	SaltLen uint32 // bytes
	KeyLen  uint32 // bytes
}

// DefaultParams cost 50–90 ms and 64 MiB per hash on a shared 2-core
// machine (measured: m=64 MiB t=1 p=2 47–88 ms depending on load, t=2
// 150 ms; BenchmarkHashDefault). That is slow
// enough to make offline guessing expensive and fast enough for a login;
// Service runs at most two hashes at once, so logins cannot eat the memory.
var DefaultParams = Params{Memory: 64 * 1024, Time: 1, Threads: 2, SaltLen: 16, KeyLen: 32}

// Hash checks that password is within the limits and returns its argon2id
// hash as a PHC string: $argon2id$v=19$m=65536,t=1,p=2$<salt>$<hash>.
// The password is NFC-normalized first, so the same Hangul typed on
// systems that compose differently hashes the same.
func Hash(password string, p Params) (string, error) {
	if err := CheckPassword(password); err != nil {
		return "", err
	}
	salt := make([]byte, p.SaltLen)
	_, _ = rand.Read(salt) // crypto/rand.Read never fails (Go 1.24+)
	key := argon2.IDKey([]byte(norm.NFC.String(password)), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword tells whether password may be set: MinPasswordChars
// characters at least, MaxPasswordBytes bytes at most.
func CheckPassword(password string) error {
	pw := norm.NFC.String(password)
	if len(pw) > MaxPasswordBytes {
		return ErrPasswordTooLong
	}
	if utf8.RuneCountInString(pw) < MinPasswordChars {
		return ErrPasswordTooShort
	}
	return nil
}

// errBadHash reports a stored hash Verify cannot read.
var errBadHash = errors.New("auth: not an argon2id hash this package can check")

// Verify reports whether password matches the PHC string hash, using the
// parameters recorded in the hash (so raising DefaultParams leaves old
// hashes working). The comparison takes the same time wherever the hashes
// differ. An unreadable hash, or one whose cost is beyond sane limits,
// is an error (never a match).
func Verify(password, hash string) (bool, error) {
	p, salt, want, err := parseHash(hash)
	if err != nil {
		return false, err
	}
	// Decomposed Hangul is up to three times longer than composed, so a
	// settable password typed that way may be longer than the limit.
	if len(password) > 3*MaxPasswordBytes {
		return false, nil
	}
	pw := norm.NFC.String(password)
	if len(pw) > MaxPasswordBytes {
		return false, nil
	}
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

func parseHash(hash string) (Params, []byte, []byte, error) {
	var p Params
	// "", "argon2id", "v=19", "m=..,t=..,p=..", salt, key
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, nil, nil, errBadHash
	}
	for _, kv := range strings.Split(parts[3], ",") {
		k, v, _ := strings.Cut(kv, "=")
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			return p, nil, nil, errBadHash
		}
		switch k {
		case "m":
			p.Memory = uint32(n)
		case "t":
			p.Time = uint32(n)
		case "p":
			if n > 255 {
				return p, nil, nil, errBadHash
			}
			p.Threads = uint8(n)
		default:
			return p, nil, nil, errBadHash
		}
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	key, err2 := b64.DecodeString(parts[5])
	// Bounds keep a tampered hash from making a login allocate gigabytes
	// or spin for minutes.
	if err1 != nil || err2 != nil || p.Memory < 8 || p.Memory > 1<<20 || p.Time < 1 || p.Time > 16 ||
		p.Threads < 1 || p.Threads > 16 || len(salt) < 8 || len(salt) > 64 || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, errBadHash
	}
	return p, salt, key, nil
}
