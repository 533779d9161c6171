package rewrite

// Unwraps returns what err wraps, for host (compiled) error types: one
// error for an Unwrap() error method, several for Unwrap() []error, none
// otherwise. Rewritten errors.As, errors.Is and errors.Unwrap calls use it
// for errors that come from host code, such as fmt.Errorf's %w wrapper,
// which a cell's type assertion to an interface with Unwrap cannot see.
func Unwraps(err error) []error {
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		if next := u.Unwrap(); next != nil {
			return []error{next}
		}
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	}
	return nil
}
