// Package notebooks holds gokernel's teaching notebooks (*.ipynb) and their
// tests. It has no Go API: the tests build the kernel, execute every
// notebook with the headless runner (`gokernel run`) and check the executed
// notebooks against expectations.json, which the nbclient integration test
// (kernel/integration/test_notebooks.py) reads too.
package notebooks
