package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/report"
	"socialmaturity/store"
)

func (a *app) benchmarkCmd() *cobra.Command {
	var org, bankFile string
	format := newFormatFlag(report.FormatText, report.FormatJSON)
	cmd := &cobra.Command{
		Use:   "benchmark",
		Short: a.cat.T(messages.CmdBenchmark),
		Long:  a.cat.T(messages.CmdBenchmarkLong, assess.MinPortfolio),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bank, s, h, err := a.orgHistory(cmd, org, bankFile)
			if err != nil {
				return err
			}
			rec, prev, err := s.GetWithPrevious(h[len(h)-1].ID)
			if err != nil {
				return err
			}
			c, err := viewContext(s, rec)
			if err != nil {
				return err
			}
			v := assess.NewView(bank, rec, prev).WithContext(c)
			return report.Benchmarks(a.stdout, a.cat, v, format.value)
		},
	}
	cmd.Flags().StringVar(&org, "org", "", a.cat.T(messages.FlagOrgName))
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	format.register(cmd, a)

	var importBank string
	imp := &cobra.Command{
		Use:   "import FILE",
		Short: a.cat.T(messages.CmdBenchmarkImport),
		Long:  a.cat.T(messages.CmdBenchmarkImportLg),
		Args:  a.args("FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			bank, err := a.loadBank(importBank)
			if err != nil {
				return err
			}
			name, data, err := a.readInput(args[0])
			if err != nil {
				return err
			}
			rows, err := parseCohort(name, data, bank)
			if err != nil {
				return err
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			if err := s.ImportCohort(rows); err != nil {
				return err
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.BenchmarkImported, a.cat.Int(len(rows))))
			return err
		},
	}
	imp.Flags().StringVar(&importBank, "bank", "", a.cat.T(messages.FlagBank))

	var yes bool
	clear := &cobra.Command{
		Use:   "clear",
		Short: a.cat.T(messages.CmdBenchmarkClear),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			portfolio, err := s.Portfolio()
			if err != nil {
				return err
			}
			imported := 0
			for _, e := range portfolio {
				if e.Imported {
					imported++
				}
			}
			if imported > 0 {
				if err := a.confirm(cmd, yes, a.cat.T(messages.BenchmarkClearAsk, a.cat.Int(imported)), errors.New(a.cat.T(messages.BenchmarkClearKept))); err != nil {
					return err
				}
			}
			n, err := s.ClearCohort()
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.BenchmarkCleared, a.cat.Int(n)))
			return err
		},
	}
	clear.Flags().BoolVarP(&yes, "yes", "y", false, a.cat.T(messages.FlagYes))
	cmd.AddCommand(imp, clear)
	return cmd
}

// viewContext is what a view of stored assessment rec shows around it:
// its organization's targets and history, and the portfolio.
func viewContext(s *store.Store, rec *assess.Assessment) (assess.Context, error) {
	_, c, err := s.ContextOf(rec.Org)
	return c, err
}

// parseCohort reads an anonymized cohort, scores only, from CSV or JSON
// (by the file's extension, else by its first character; see
// messages.CmdBenchmarkImportLg for the columns and fields). Every problem
// is returned, by line, as questions.Problems; then no row is.
func parseCohort(name string, data []byte, b *questions.Bank) ([]assess.PortfolioEntry, error) {
	c := &questions.Collector{File: name}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a spreadsheet's byte-order mark
	var rows []assess.PortfolioEntry
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".json" || ext != ".csv" && bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")) {
		rows = cohortJSON(c, data, b)
	} else {
		rows = cohortCSV(c, data, b)
	}
	if len(rows) == 0 && len(c.Problems) == 0 {
		c.Addf(1, "no rows: a cohort needs at least one organization's scores")
	}
	if err := c.Err(); err != nil {
		return nil, err
	}
	return rows, nil
}

// cohortEntry checks one row's scores (nil is unscored) and makes its
// entry, pillars in bank order; ok is false when it has a problem.
func cohortEntry(c *questions.Collector, line int, overall *float64, pillars map[string]*float64, b *questions.Bank) (assess.PortfolioEntry, bool) {
	ok, scored := true, false
	score := func(of string, v *float64) assess.Score {
		if v == nil {
			return assess.Score{}
		}
		if math.IsNaN(*v) || *v < 0 || *v > 100 {
			c.Addf(line, "%s: %v is not a score from 0 to 100", of, *v)
			ok = false
			return assess.Score{}
		}
		scored = true
		return assess.Scored(*v)
	}
	e := assess.PortfolioEntry{Imported: true, Overall: score(assess.OverallID, overall)}
	known := 0
	for _, p := range b.Pillars {
		if v, in := pillars[p.ID]; in {
			known++
			if s := score(p.ID, v); s.Valid {
				e.Pillars = append(e.Pillars, assess.PillarScore{ID: p.ID, Score: s})
			}
		}
	}
	if known < len(pillars) {
		for _, id := range slices.Sorted(maps.Keys(pillars)) {
			if !isPillar(b, id) {
				c.Addf(line, "%q is not a pillar id (pillars: %s)", id, strings.Join(pillarIDs(b), ", "))
			}
		}
		ok = false
	}
	if ok && !scored {
		c.Addf(line, "the row has no score")
		ok = false
	}
	return e, ok
}

// cohortCSV reads a header row (overall and pillar ids) and a row of
// scores per organization.
func cohortCSV(c *questions.Collector, data []byte, b *questions.Bank) []assess.PortfolioEntry {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		csvProblem(c, err, "a cohort CSV starts with a header row: overall and pillar ids")
		return nil
	}
	headerLine, _ := r.FieldPos(0)
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		switch {
		case seen[h]:
			c.Addf(headerLine, "column %q is named twice", h)
		case h != assess.OverallID && !isPillar(b, h):
			c.Addf(headerLine, "column %q is neither overall nor a pillar id (pillars: %s)", h, strings.Join(pillarIDs(b), ", "))
		}
		seen[h] = true
	}
	if len(c.Problems) > 0 {
		return nil
	}
	var rows []assess.PortfolioEntry
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			csvProblem(c, err, "")
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				continue
			}
			return nil
		}
		line, _ := r.FieldPos(0)
		var overall *float64
		pillars := map[string]*float64{}
		cellsOK := true
		for i, cell := range rec {
			var v *float64
			if cell = strings.TrimSpace(cell); cell != "" {
				f, err := strconv.ParseFloat(cell, 64)
				if err != nil {
					c.Addf(line, "%s: %q is not a score from 0 to 100", header[i], cell)
					cellsOK = false
					continue
				}
				v = &f
			}
			if header[i] == assess.OverallID {
				overall = v
			} else {
				pillars[header[i]] = v
			}
		}
		if e, ok := cohortEntry(c, line, overall, pillars, b); ok && cellsOK {
			rows = append(rows, e)
		}
	}
	return rows
}

// csvProblem records a CSV reading error at its line.
func csvProblem(c *questions.Collector, err error, what string) {
	var pe *csv.ParseError
	switch {
	case errors.As(err, &pe):
		c.Addf(pe.Line, "%v", pe.Err)
	case err == io.EOF:
		c.Addf(1, "the file is empty: %s", what)
	default:
		c.Addf(1, "%v", err)
	}
}

// cohortRow is one organization's scores in a JSON cohort; null is
// unscored.
type cohortRow struct {
	Overall *float64            `json:"overall"`
	Pillars map[string]*float64 `json:"pillars"`
}

// cohortJSON reads an array of cohortRow.
func cohortJSON(c *questions.Collector, data []byte, b *questions.Bank) []assess.PortfolioEntry {
	lineAt := func(off int64) int { return 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n")) }
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		c.Addf(lineAt(dec.InputOffset()), `a JSON cohort is an array of rows such as {"overall": 62.5, "pillars": {"%s": 55}}`, pillarIDs(b)[0])
		return nil
	}
	var rows []assess.PortfolioEntry
	for dec.More() {
		start := dec.InputOffset()
		for int(start) < len(data) && strings.ContainsRune(" \t\r\n,", rune(data[start])) {
			start++
		}
		var row cohortRow
		if err := dec.Decode(&row); err != nil {
			var syntax *json.SyntaxError
			var typ *json.UnmarshalTypeError
			switch {
			case errors.As(err, &syntax):
				c.Addf(lineAt(syntax.Offset), "%v", syntax)
			case errors.As(err, &typ):
				c.Addf(lineAt(start), "%s: a JSON %s where a score from 0 to 100 or null belongs", typ.Field, typ.Value)
			default:
				c.Addf(lineAt(start), "%s", strings.TrimPrefix(err.Error(), "json: "))
			}
			return nil
		}
		if e, ok := cohortEntry(c, lineAt(start), row.Overall, row.Pillars, b); ok {
			rows = append(rows, e)
		}
	}
	if _, err := dec.Token(); err != nil {
		c.Addf(lineAt(dec.InputOffset()), "the array of rows is not closed: %v", err)
		return nil
	}
	if _, err := dec.Token(); err != io.EOF {
		c.Addf(lineAt(dec.InputOffset()), "unexpected text after the array of rows")
	}
	return rows
}
