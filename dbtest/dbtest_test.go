package dbtest

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

func TestMain(m *testing.M) { Main(m) }

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return c
}

func TestParallelDatabasesAreSeparate(t *testing.T) {
	for _, headline := range []string{"서울 증시 상승", "뉴욕 한인 상공회의소", "Fed holds rates", "부동산 시장 전망"} {
		t.Run(headline, func(t *testing.T) {
			t.Parallel()
			db := Database(t)
			coll := db.Collection("articles")
			if _, err := coll.InsertOne(ctx(t), bson.D{{Key: "headline", Value: headline}}); err != nil {
				t.Fatalf("insert: %v", err)
			}
			var got []bson.M
			cur, err := coll.Find(ctx(t), bson.D{})
			if err != nil {
				t.Fatalf("find: %v", err)
			}
			if err := cur.All(ctx(t), &got); err != nil {
				t.Fatalf("read: %v", err)
			}
			if len(got) != 1 || got[0]["headline"] != headline {
				t.Errorf("database %s holds %v, want only %q", db.Name(), got, headline)
			}
		})
	}
}

func TestDatabaseIsDroppedAfterTest(t *testing.T) {
	var name string
	t.Run("uses", func(t *testing.T) {
		db := Database(t)
		name = db.Name()
		if _, err := db.Collection("c").InsertOne(ctx(t), bson.D{{Key: "x", Value: 1}}); err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(databaseNames(t), name) {
			t.Fatalf("%s not listed while in use", name)
		}
	})
	if slices.Contains(databaseNames(t), name) {
		t.Errorf("%s still exists after its test ended", name)
	}
}

func databaseNames(t *testing.T) []string {
	t.Helper()
	c, err := mongo.Connect(options.Client().ApplyURI(URI(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Disconnect(ctx(t))
	names, err := c.ListDatabaseNames(ctx(t), bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func TestDatabaseName(t *testing.T) {
	valid := regexp.MustCompile(`^[A-Za-z0-9_-]{1,63}$`)
	tests := []struct {
		test, want string
	}{
		{"TestStore", "tab12cd34_7_TestStore"},
		{"TestStore/한국어_slug", "tab12cd34_7_TestStore_____slug"},
		{"TestStore/with space.and$dot", "tab12cd34_7_TestStore_with_space_and_dot"},
		{strings.Repeat("Long", 30), "tab12cd34_7_" + strings.Repeat("Long", 30)[:51]},
	}
	for _, tt := range tests {
		got := databaseName("ab12cd34", 7, tt.test)
		if got != tt.want {
			t.Errorf("databaseName(%q) = %q, want %q", tt.test, got, tt.want)
		}
		if !valid.MatchString(got) {
			t.Errorf("databaseName(%q) = %q, not a valid database name", tt.test, got)
		}
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ uri, want string }{
		{"mongodb://127.0.0.1:27017/", "mongodb://127.0.0.1:27017/"},
		{"mongodb+srv://editor:s3cret@cluster0.example.net/?retryWrites=true", "mongodb+srv://editor:xxxxx@cluster0.example.net/?retryWrites=true"},
	}
	for _, tt := range tests {
		if got := redact(tt.uri); got != tt.want {
			t.Errorf("redact(%q) = %q, want %q", tt.uri, got, tt.want)
		}
	}
}
