package tui

import (
	"testing"

	"socialmaturity/assess"
)

func TestSparklineOnAFixedScale(t *testing.T) {
	v := func(f float64) assess.Score { return assess.Score{Value: f, Valid: true} }
	for _, tc := range []struct {
		name   string
		scores []assess.Score
		want   string
	}{
		{"none", nil, ""},
		{"ends and middle", []assess.Score{v(0), v(50), v(100)}, "▁▅█"},
		{"flat low is low, not mid", []assess.Score{v(10), v(10)}, "▂▂"},
		{"unscored is a dot", []assess.Score{v(40), {}, v(60)}, "▄·▅"},
		{"out of range is clamped", []assess.Score{v(-5), v(120)}, "▁█"},
		{"only the latest eight", []assess.Score{v(100), v(0), v(0), v(0), v(0), v(0), v(0), v(0), v(100)}, "▁▁▁▁▁▁▁█"},
	} {
		if got := sparkline(tc.scores); got != tc.want {
			t.Errorf("%s: sparkline = %q, want %q", tc.name, got, tc.want)
		}
	}
}
