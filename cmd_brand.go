package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"socialmaturity/messages"
	"socialmaturity/report"
	"socialmaturity/store"
)

// brandFlags are the branding flags of brand set and export.
type brandFlags struct {
	logo, accent, preparedBy string
}

func (a *app) addBrandFlags(cmd *cobra.Command, f *brandFlags) {
	cmd.Flags().StringVar(&f.logo, "logo", "", a.cat.T(messages.FlagLogo))
	cmd.Flags().StringVar(&f.accent, "accent", "", a.cat.T(messages.FlagAccent))
	cmd.Flags().StringVar(&f.preparedBy, "prepared-by", "", a.cat.T(messages.FlagPreparedBy))
}

// over is b with the branding flags given to cmd in its place, each checked
// (a logo's type and size, a colour's form); a flag given as "" removes.
func (a *app) over(cmd *cobra.Command, f brandFlags, b store.Branding) (store.Branding, error) {
	if cmd.Flags().Changed("logo") {
		b.Logo, b.LogoType = nil, ""
		if f.logo != "" {
			name, data, err := a.readInput(f.logo)
			if err != nil {
				return b, err
			}
			logo, err := report.LoadLogo(name, data)
			if err != nil {
				return b, err
			}
			b.Logo, b.LogoType = logo.Data, logo.Type
		}
	}
	if cmd.Flags().Changed("accent") {
		b.Accent = ""
		if f.accent != "" {
			accent, err := report.ParseAccent(f.accent)
			if err != nil {
				return b, err
			}
			b.Accent = accent
		}
	}
	if cmd.Flags().Changed("prepared-by") {
		b.PreparedBy = messages.SafeLine(f.preparedBy)
	}
	return b, nil
}

// reportOptions are the report options of a branding.
func reportOptions(b store.Branding) report.Options {
	o := report.Options{Accent: b.Accent, PreparedBy: b.PreparedBy}
	if len(b.Logo) > 0 {
		o.Logo = &report.Logo{Type: b.LogoType, Data: b.Logo}
	}
	return o
}

func (a *app) brandCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "brand", Short: a.cat.T(messages.CmdBrand), Long: a.cat.T(messages.CmdBrandLong)}
	var f brandFlags
	set := &cobra.Command{
		Use:   "set",
		Short: a.cat.T(messages.CmdBrandSet),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("logo") && !cmd.Flags().Changed("accent") && !cmd.Flags().Changed("prepared-by") {
				return errors.New(a.cat.T(messages.ErrBrandNothing))
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			b, err := s.Branding()
			if err != nil {
				return err
			}
			if b, err = a.over(cmd, f, b); err != nil {
				return err
			}
			if err := s.SaveBranding(b); err != nil {
				return err
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.BrandSaved, s.Path()))
			return err
		},
	}
	a.addBrandFlags(set, &f)
	show := &cobra.Command{
		Use:   "show",
		Short: a.cat.T(messages.CmdBrandShow),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			b, err := s.Branding()
			if err != nil {
				return err
			}
			if b.IsZero() {
				_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.BrandNone))
				return err
			}
			unset := a.cat.T(messages.BrandUnset)
			logo, accent, by := unset, unset, unset
			if len(b.Logo) > 0 {
				logo = a.cat.T(messages.BrandLogoFile, b.LogoType, a.cat.Int(len(b.Logo)))
			}
			if b.Accent != "" {
				accent = b.Accent
			}
			if b.PreparedBy != "" {
				by = messages.SafeLine(b.PreparedBy)
			}
			_, err = fmt.Fprintf(a.stdout, "%s\n%s\n%s\n", a.cat.T(messages.BrandLogo, logo), a.cat.T(messages.BrandAccent, accent), a.cat.T(messages.BrandPreparedBy, by))
			return err
		},
	}
	clear := &cobra.Command{
		Use:   "clear",
		Short: a.cat.T(messages.CmdBrandClear),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			if err := s.SaveBranding(store.Branding{}); err != nil {
				return err
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.BrandCleared, s.Path()))
			return err
		},
	}
	cmd.AddCommand(set, show, clear)
	return cmd
}
