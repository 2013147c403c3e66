// Package config reads the program's settings from flags and their
// environment-variable twins. A flag given on the command line wins over the
// environment; a bad value stops the program with a message naming both.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Config is everything `newsroom serve` needs to know.
type Config struct {
	Addr            string
	DataDir         string
	MongoURI        string
	Database        string
	BaseURL         *url.URL
	TimeZone        *time.Location
	Languages       []string
	DefaultLanguage string
	LocalesDir      string
	NoDemo          bool
	DBTimeout       time.Duration
	RequestTimeout  time.Duration
	CacheBytes      int64
	PollInterval    time.Duration
	LogLevel        string
	TrustedProxies  []string
	MetricsAddr     string        // "" = no metrics
	BackupDir       string        // "" = no scheduled backups
	BackupEvery     time.Duration // with BackupDir
	BackupKeep      int           // newest scheduled backups kept
}

// setting describes one flag and its env twin; parse stores a valid value.
type setting struct {
	flag, env, def, help string
	parse                func(string) error
}

// Settings lists the flags and their env twins in the order --help and the
// README show them.
func (c *Config) settings() []setting {
	return []setting{
		{"addr", "NEWSROOM_ADDR", ":8080", "listen address (host:port)", func(v string) error {
			if _, _, err := net.SplitHostPort(v); err != nil {
				return errors.New("want host:port, e.g. :8080")
			}
			c.Addr = v
			return nil
		}},
		{"data-dir", "NEWSROOM_DATA_DIR", "./data", "folder for the embedded database, caches and the search index", func(v string) error {
			if strings.TrimSpace(v) == "" {
				return errors.New("must not be empty")
			}
			c.DataDir = v
			return nil
		}},
		{"mongodb-uri", "MONGODB_URI", "", "MongoDB connection string; empty starts the embedded server in the data dir", func(v string) error {
			if v != "" && !strings.HasPrefix(v, "mongodb://") && !strings.HasPrefix(v, "mongodb+srv://") {
				return errors.New("want mongodb:// or mongodb+srv://")
			}
			c.MongoURI = v
			return nil
		}},
		{"database", "NEWSROOM_DATABASE", "newsroom", "MongoDB database name", func(v string) error {
			if v == "" || strings.ContainsAny(v, `/\. "$`) || len(v) > 63 {
				return errors.New("want a plain name without / \\ . space \" $")
			}
			c.Database = v
			return nil
		}},
		{"base-url", "NEWSROOM_BASE_URL", "http://localhost:8080", "public address of the site, used in absolute links, feeds and metadata", func(v string) error {
			u, err := url.Parse(strings.TrimRight(v, "/"))
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
				return errors.New("want an absolute http(s) URL such as https://news.example.com")
			}
			c.BaseURL = u
			return nil
		}},
		{"timezone", "NEWSROOM_TIMEZONE", "America/Chicago", "the paper's time zone (IANA name) for dates and schedules", func(v string) error {
			loc, err := time.LoadLocation(v)
			if err != nil || v == "" {
				return errors.New("want an IANA time zone such as America/Chicago")
			}
			c.TimeZone = loc
			return nil
		}},
		{"languages", "NEWSROOM_LANGUAGES", "ko,en", "comma-separated language codes; each needs locale files *.<code>.toml", func(v string) error {
			var codes []string
			seen := map[string]bool{}
			for _, p := range strings.Split(v, ",") {
				p = strings.TrimSpace(p)
				if !validCode(p) {
					return fmt.Errorf("%q is not a language code like ko or en", p)
				}
				if seen[p] {
					return fmt.Errorf("%q is listed twice", p)
				}
				seen[p] = true
				codes = append(codes, p)
			}
			c.Languages = codes
			return nil
		}},
		{"default-language", "NEWSROOM_DEFAULT_LANGUAGE", "ko", "language for readers whose browser asks for none of ours", func(v string) error {
			c.DefaultLanguage = v
			return nil
		}},
		{"locales-dir", "NEWSROOM_LOCALES_DIR", "", "optional folder of extra *.<code>.toml locale files, read after the built-in ones (a new language needs no rebuild)", func(v string) error {
			c.LocalesDir = v
			return nil
		}},
		{"no-demo", "NEWSROOM_NO_DEMO", "false", "do not load the demo edition into an empty embedded database", func(v string) error {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return errors.New("want true or false")
			}
			c.NoDemo = b
			return nil
		}},
		{"db-timeout", "NEWSROOM_DB_TIMEOUT", "5s", "deadline of each database call", durationInto(&c.DBTimeout, 100*time.Millisecond, time.Minute)},
		{"request-timeout", "NEWSROOM_REQUEST_TIMEOUT", "10s", "deadline of each HTTP request", durationInto(&c.RequestTimeout, time.Second, 5*time.Minute)},
		{"cache-mb", "NEWSROOM_CACHE_MB", "256", "memory for cached rendered pages, in MiB", func(v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 1<<20 {
				return errors.New("want a whole number of MiB, at least 1")
			}
			c.CacheBytes = int64(n) << 20
			return nil
		}},
		{"poll-interval", "NEWSROOM_POLL_INTERVAL", "2s", "with MONGODB_URI: how often to pick up other instances' changes", durationInto(&c.PollInterval, 100*time.Millisecond, time.Hour)},
		{"trusted-proxies", "NEWSROOM_TRUSTED_PROXIES", "", "comma-separated addresses or CIDRs of reverse proxies whose X-Forwarded-For is believed (login rate limits and the audit log use the client address)", func(v string) error {
			c.TrustedProxies = nil
			for _, p := range strings.Split(v, ",") {
				p = strings.TrimSpace(p)
				if p == "" {
					continue
				}
				if net.ParseIP(p) == nil {
					if _, _, err := net.ParseCIDR(p); err != nil {
						return fmt.Errorf("%q is not an IP address or CIDR", p)
					}
				}
				c.TrustedProxies = append(c.TrustedProxies, p)
			}
			return nil
		}},
		{"metrics-addr", "NEWSROOM_METRICS_ADDR", "", "listen address (host:port) of /metrics in the Prometheus format, apart from the site; empty: no metrics", func(v string) error {
			if v != "" {
				if _, _, err := net.SplitHostPort(v); err != nil {
					return errors.New("want host:port, e.g. 127.0.0.1:9090")
				}
			}
			c.MetricsAddr = v
			return nil
		}},
		{"backup-dir", "NEWSROOM_BACKUP_DIR", "", "folder for scheduled backups; empty: none", func(v string) error {
			c.BackupDir = v
			return nil
		}},
		{"backup-every", "NEWSROOM_BACKUP_EVERY", "24h", "with NEWSROOM_BACKUP_DIR: time between scheduled backups", durationInto(&c.BackupEvery, time.Minute, 30*24*time.Hour)},
		{"backup-keep", "NEWSROOM_BACKUP_KEEP", "7", "with NEWSROOM_BACKUP_DIR: how many scheduled backups to keep (the oldest are removed)", func(v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 10000 {
				return errors.New("want a whole number, at least 1")
			}
			c.BackupKeep = n
			return nil
		}},
		{"log-level", "NEWSROOM_LOG_LEVEL", "info", "debug, info, warn or error", func(v string) error {
			switch v {
			case "debug", "info", "warn", "error":
				c.LogLevel = v
				return nil
			}
			return errors.New("want debug, info, warn or error")
		}},
	}
}

func durationInto(d *time.Duration, lo, hi time.Duration) func(string) error {
	return func(v string) error {
		x, err := time.ParseDuration(v)
		if err != nil || x < lo || x > hi {
			return fmt.Errorf("want a duration between %s and %s, e.g. 5s", lo, hi)
		}
		*d = x
		return nil
	}
}

func validCode(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return true
}

// Load parses args (without the program and subcommand names) over the
// environment given by getenv. It registers its flags on fs so a subcommand
// can add its own before calling Load.
func Load(fs *flag.FlagSet, args []string, getenv func(string) string) (*Config, error) {
	c := &Config{}
	settings := c.settings()
	values := make(map[string]*string, len(settings))
	for _, s := range settings {
		def := s.def
		if v := getenv(s.env); v != "" {
			def = v
		}
		values[s.flag] = fs.String(s.flag, def, s.help+" (env "+s.env+")")
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for _, s := range settings {
		if err := s.parse(strings.TrimSpace(*values[s.flag])); err != nil {
			from := s.env
			if set[s.flag] {
				from = "--" + s.flag
			}
			return nil, fmt.Errorf("config: %s (--%s / %s) = %q: %w", from, s.flag, s.env, *values[s.flag], err)
		}
	}
	if c.DBTimeout >= c.RequestTimeout {
		// A request waiting on an unreachable database must still get its
		// 503 page before the request itself times out.
		return nil, fmt.Errorf("config: NEWSROOM_DB_TIMEOUT (--db-timeout) = %s must be shorter than NEWSROOM_REQUEST_TIMEOUT (--request-timeout) = %s", c.DBTimeout, c.RequestTimeout)
	}
	found := false
	for _, l := range c.Languages {
		found = found || l == c.DefaultLanguage
	}
	if !found {
		return nil, fmt.Errorf("config: NEWSROOM_DEFAULT_LANGUAGE (--default-language) = %q: must be one of NEWSROOM_LANGUAGES %v", c.DefaultLanguage, c.Languages)
	}
	return c, nil
}

// Embedded reports whether the program runs its own database server.
func (c *Config) Embedded() bool { return c.MongoURI == "" }

// Table returns (flag, env, default, help) rows for the README and --help.
func Table() [][4]string {
	var rows [][4]string
	for _, s := range (&Config{}).settings() {
		rows = append(rows, [4]string{"--" + s.flag, s.env, s.def, s.help})
	}
	return rows
}
