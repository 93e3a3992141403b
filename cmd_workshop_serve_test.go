package main

import (
	"strings"
	"testing"
)

func TestWorkshopServeRefusesAMaxBelowOne(t *testing.T) {
	db := tempDB(t)
	id, _ := newWorkshop(t, db, "--org", "Acme")
	for _, max := range []string{"0", "-1"} {
		exit, _, errOut := cli(t, "", "workshop", "serve", id, "--db", db, "--headless", "--addr", "127.0.0.1:0", "--max", max)
		if exit == 0 || !strings.Contains(errOut, "--max must be at least 1") {
			t.Errorf("--max %s: exit %d, %q", max, exit, errOut)
		}
	}
}
