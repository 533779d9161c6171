package symbols

//go:generate go run github.com/traefik/yaegi/cmd/yaegi extract -name symbols github.com/gokernel/gokernel/interp/chart
