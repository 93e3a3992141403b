package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// Both built-in banks validate as files, as a custom bank made from either
// would.
func TestBankValidateBuiltinBanks(t *testing.T) {
	for _, file := range []string{"questions/banks/default.v1.en.yaml", "questions/banks/default.v2.en.yaml"} {
		if code, out, errOut := cli(t, "", "bank", "validate", file); code != 0 || strings.TrimSpace(out) != "ok" {
			t.Errorf("%s: exit %d, %q %q", file, code, out, errOut)
		}
	}
	code, _, errOut := cli(t, "", "bank", "validate", "questions/testdata/invalid/v2-tiers.yaml")
	if code != 1 || !strings.Contains(errOut, "questions/testdata/invalid/v2-tiers.yaml:18: key action k1 has no recommendation of tier define") {
		t.Errorf("invalid v2 bank: exit %d, %q", code, errOut)
	}
}

// bank dump prints the newest built-in bank, or the version asked for,
// exactly as embedded.
func TestBankDumpVersions(t *testing.T) {
	for args, file := range map[string]string{
		"":            "questions/banks/default.v2.en.yaml",
		"--version 2": "questions/banks/default.v2.en.yaml",
		"--version 1": "questions/banks/default.v1.en.yaml",
	} {
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		code, out, errOut := cli(t, "", append([]string{"bank", "dump"}, strings.Fields(args)...)...)
		if code != 0 || out != string(want) {
			t.Errorf("bank dump %s: exit %d, %d bytes, want %s (%s)", args, code, len(out), file, errOut)
		}
	}
	code, out, errOut := cli(t, "", "bank", "dump", "--version", "1", "--format", "json")
	var v1 struct {
		Version         int `json:"version"`
		Recommendations []struct {
			Steps []string `json:"steps"`
		} `json:"recommendations"`
	}
	if err := json.Unmarshal([]byte(out), &v1); code != 0 || err != nil || v1.Version != 1 || len(v1.Recommendations[0].Steps) == 0 {
		t.Errorf("bank dump --version 1 --format json: exit %d, %v, %s", code, err, errOut)
	}
	code, out, errOut = cli(t, "", "bank", "dump", "--format", "json")
	var v2 struct {
		Version         int `json:"version"`
		Recommendations []struct {
			Tier  string `json:"tier"`
			Steps struct {
				Alone   []string `json:"alone"`
				Propose []string `json:"propose"`
			} `json:"steps"`
		} `json:"recommendations"`
	}
	if err := json.Unmarshal([]byte(out), &v2); code != 0 || err != nil || v2.Version != 2 || v2.Recommendations[0].Tier == "" || len(v2.Recommendations[0].Steps.Propose) == 0 {
		t.Errorf("bank dump --format json: exit %d, %v, %s", code, err, errOut)
	}
	for args, want := range map[string]string{
		"--version 3":            "no built-in question bank has version 3 (built in: 2, 1)",
		"--version 1 --bank x.y": "--bank and --version cannot be used together",
	} {
		code, _, errOut := cli(t, "", append([]string{"bank", "dump"}, strings.Fields(args)...)...)
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("bank dump %s: exit %d, %q, want %q", args, code, errOut, want)
		}
	}
}
