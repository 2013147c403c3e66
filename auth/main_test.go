package auth

import (
	"testing"

	"github.com/newsroom/newsroom/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }
