package index

//go:generate go run ./internal/genindex -out data -repo ../..
