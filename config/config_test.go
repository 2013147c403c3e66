package config

import (
	"flag"
	"io"
	"strings"
	"testing"
	"time"
)

func load(t *testing.T, args []string, env map[string]string) (*Config, error) {
	t.Helper()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return Load(fs, args, func(k string) string { return env[k] })
}

func TestDefaults(t *testing.T) {
	c, err := load(t, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || c.DataDir != "./data" || !c.Embedded() || c.TimeZone.String() != "America/Chicago" ||
		strings.Join(c.Languages, ",") != "ko,en" || c.DefaultLanguage != "ko" || c.DBTimeout != 5*time.Second {
		t.Fatalf("unexpected defaults: %+v", c)
	}
	if c.BaseURL.String() != "http://localhost:8080" {
		t.Fatalf("base url %s", c.BaseURL)
	}
}

func TestFlagBeatsEnv(t *testing.T) {
	c, err := load(t, []string{"--addr", "127.0.0.1:9000"}, map[string]string{"NEWSROOM_ADDR": ":7000", "NEWSROOM_TIMEZONE": "Asia/Seoul"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:9000" || c.TimeZone.String() != "Asia/Seoul" {
		t.Fatalf("got addr %s tz %s", c.Addr, c.TimeZone)
	}
}

func TestBadValuesNameTheVariable(t *testing.T) {
	cases := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"NEWSROOM_TIMEZONE": "Mars/Olympus"}, nil, "NEWSROOM_TIMEZONE"},
		{map[string]string{"NEWSROOM_ADDR": "8080"}, nil, "NEWSROOM_ADDR"},
		{map[string]string{"NEWSROOM_BASE_URL": "news.example.com"}, nil, "NEWSROOM_BASE_URL"},
		{map[string]string{"MONGODB_URI": "postgres://x"}, nil, "MONGODB_URI"},
		{map[string]string{"NEWSROOM_DB_TIMEOUT": "forever"}, nil, "NEWSROOM_DB_TIMEOUT"},
		{map[string]string{"NEWSROOM_LANGUAGES": "ko,EN!"}, nil, "NEWSROOM_LANGUAGES"},
		{map[string]string{"NEWSROOM_DEFAULT_LANGUAGE": "ja"}, nil, "NEWSROOM_DEFAULT_LANGUAGE"},
		{map[string]string{"NEWSROOM_NO_DEMO": "perhaps"}, nil, "NEWSROOM_NO_DEMO"},
		{nil, []string{"--timezone", "Nowhere"}, "--timezone"},
		{map[string]string{"NEWSROOM_DB_TIMEOUT": "20s", "NEWSROOM_REQUEST_TIMEOUT": "10s"}, nil, "NEWSROOM_REQUEST_TIMEOUT"},
	}
	for _, tc := range cases {
		_, err := load(t, tc.args, tc.env)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v %v: error %v, want it to name %s", tc.env, tc.args, err, tc.want)
		}
	}
}

func TestThirdLanguageIsConfiguration(t *testing.T) {
	c, err := load(t, nil, map[string]string{"NEWSROOM_LANGUAGES": "ko,en,ja"})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Languages) != 3 || c.Languages[2] != "ja" {
		t.Fatalf("languages %v", c.Languages)
	}
}
